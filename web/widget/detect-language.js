// Page language: <html lang> first, else a tiny function-word detector for the languages we ship.
const MARKERS = {
  en: ['the', 'and', 'is', 'are', 'with', 'of', 'a', 'in', 'on', 'to'],
  de: ['der', 'die', 'das', 'und', 'ist', 'mit', 'ein', 'eine', 'einem', 'auf', 'nicht'],
  fr: ['le', 'la', 'les', 'et', 'est', 'avec', 'un', 'une', 'des', 'du', 'sur'],
};

export function detectLanguage(text) {
  const words = text.toLowerCase().split(/[^\p{L}]+/u).filter(Boolean).slice(0, 2000);
  let best = null, bestScore = 0;
  for (const [lang, markers] of Object.entries(MARKERS)) {
    const set = new Set(markers);
    const score = words.filter((w) => set.has(w)).length;
    if (score > bestScore) { best = lang; bestScore = score; }
  }
  return bestScore >= 3 ? best : null;
}

export function pageLanguage(doc) {
  const declared = (doc.documentElement.getAttribute('lang') ?? '').trim().toLowerCase().split('-')[0];
  if (declared) return declared;
  return detectLanguage(doc.body?.innerText ?? '') ?? 'en';
}
