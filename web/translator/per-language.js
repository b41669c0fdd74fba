// fn(lang) computed once per language; null where Intl cannot answer (an unknown tag throws).
// dates.js and quantities.js ask Intl for each language's month names, formats and separators.
export function perLanguage(fn) {
  const known = new Map();
  return (lang) => {
    if (!known.has(lang)) {
      let value = null;
      try { value = fn(lang); } catch { value = null; }
      known.set(lang, value);
    }
    return known.get(lang);
  };
}
