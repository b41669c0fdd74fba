// Dates written with a month name ("March 12, 2024", "12. März 2024", "1er mars 2024", "June
// 2011") are not the model's to translate: the small models garble them ("February 9, 2011" →
// "Februar 20110 9", "December 1" → "Dezember 1. Dezember", en→de dev news), while the platform's
// Intl writes each language's form exactly. Month names and the target's date format both come
// from Intl, so any language it knows works; where placeholders pass through the models, a date
// travels as {n} and comes back in the target's form (keep-terms.js).
const YEAR = String.raw`[12]\d{3}`;
const DAY = String.raw`[0-3]?\d(?:st|nd|rd|th|er|\.)?`;

const monthNames = new Map();
// lang -> the twelve long month names as Intl writes them, or null if Intl has none.
function monthsOf(lang) {
  if (!monthNames.has(lang)) {
    let names = null;
    try {
      const f = new Intl.DateTimeFormat(lang, { month: 'long', timeZone: 'UTC' });
      names = [...Array(12)].map((_, m) => f.format(new Date(Date.UTC(2024, m, 15))));
      if (names.some((n) => !/^\p{L}+$/u.test(n))) names = null;  // "M03": no names for this language
    } catch {
      names = null;
    }
    monthNames.set(lang, names);
  }
  return monthNames.get(lang);
}

// A regex source matching a date in `lang` (day month [year], month day [year], month year), or
// null. A month name is written as Intl writes it, or capitalised at a sentence start ("mars",
// "Mars"; but never "may" for "May").
export function datePattern(lang) {
  const names = monthsOf(lang);
  if (!names) return null;
  const month = `(?:${names.map((n) => `[${n[0]}${n[0].toUpperCase()}]${n.slice(1)}`).join('|')})`;
  return `(?:the )?${DAY} (?:of )?${month}(?:,? ${YEAR})?|${month} (?:the )?${DAY}(?:,? ${YEAR})?|${month} ${YEAR}`;
}

// A date matched by datePattern(from), written as `to` writes it; null when it is not a real date
// ("February 30") or either language has no month names.
export function localizeDate(text, from, to) {
  const names = monthsOf(from);
  if (!names || !monthsOf(to)) return null;
  const lower = text.toLowerCase();
  const month = names.findIndex((n) => new RegExp(`(?<!\\p{L})${n.toLowerCase()}(?!\\p{L})`, 'u').test(lower));
  const numbers = [...lower.matchAll(/\d+/g)].map((m) => m[0]);
  const year = numbers.find((n) => n.length === 4);
  const day = numbers.find((n) => n.length <= 2);
  if (month < 0) return null;
  const date = new Date(Date.UTC(year ? Number(year) : 2024, month, day ? Number(day) : 1));
  if (day && date.getUTCDate() !== Number(day)) return null;
  const options = { timeZone: 'UTC', month: 'long', ...(day && { day: 'numeric' }), ...(year && { year: 'numeric' }) };
  return new Intl.DateTimeFormat(to, options).format(date);
}
