// Numbers, prices and percentages in the reader's format. The models copy a number as the source
// wrote it, so a German reader got "€89.90", "6,000 of 330,000" and "3.2%" where German pages
// write "89,90 €", "6.000 … 330.000" and "3,2 %". Here a number is read by the source language's
// rules (its group and decimal separators, from Intl) and written again by Intl.NumberFormat for the
// target language — but only where its meaning is certain:
//   * a number is a quantity when it is written with this language's separators: grouped in threes
//     ("1,000" in English, "1.000" in German, "1 000" in French) and/or with its decimal mark
//     ("3.2" in English, "3,2" in German); numbers without separators (years, postcodes, "40") are
//     left as written, as are those that read otherwise in the source ("1,5" in English);
//   * doubt keeps the source form: a decimal with exactly three places ("1.000" in English could be
//     a German thousand), a number inside a dotted run ("2.0.1", "10.0.0.1"), after a letter
//     ("v2.0", "MP3.5") or after a capitalised word ("Python 3.11", "Firefox 115.0": versions);
//   * units stay as written (no conversion); a percentage and a price take the target's spacing and
//     symbol position ("3,2 %", "89,90 €"), with as many decimals as the source wrote.
// Addresses, long numbers (phone numbers, ISBNs), dates, kept terms and code never reach this file
// as numbers: they travel as placeholders (stages/kept-pieces.js).
import { perLanguage } from './per-language.js';
import { NUMBER } from './verbatim.js';

const SPACES = /[ \u00A0\u202F]/g;  // global: for replace only (test() on it would keep a lastIndex)
const SPACE = /^[ \u00A0\u202F]$/;

// lang -> { group, decimal }: the separators Intl writes; a space-like group mark stands for all
// three spaces (French pages write " ", U+00A0 or U+202F alike).
const separatorsOf = perLanguage((lang) => {
  const parts = new Intl.NumberFormat(lang).formatToParts(1234567.5);
  const group = parts.find((p) => p.type === 'group')?.value;
  const decimal = parts.find((p) => p.type === 'decimal')?.value;
  if (!group || !decimal) return null;
  return { group: SPACE.test(group) ? ' ' : group, decimal };
});

// "1,299.50" read by `lang`'s rules -> { value, decimals, grouped }, or null where it is not
// certainly a quantity in that language.
export function readQuantity(text, lang) {
  const seps = separatorsOf(lang);
  if (!seps) return null;
  const plain = seps.group === ' ' ? text.replace(SPACES, ' ') : text;
  const [whole, fraction = '', extra] = plain.split(seps.decimal);
  if (extra !== undefined || (plain.includes(seps.decimal) && !/^\d+$/.test(fraction))) return null;
  const groups = whole.split(seps.group);
  if (!groups.every((g) => /^\d+$/.test(g))) return null;  // another separator: not this language's way
  const grouped = groups.length > 1;
  if (grouped && (groups[0].length > 3 || groups.slice(1).some((g) => g.length !== 3))) return null;
  if (!grouped && !fraction) return null;  // "40", "2024": nothing to rewrite
  if (!grouped && fraction.length === 3) return null;  // "1.000": a thousand in the other convention
  return { value: Number(`${groups.join('')}.${fraction || '0'}`), decimals: fraction.length, grouped };
}

const numberFormat = (lang, q, style = {}) => new Intl.NumberFormat(lang, {
  ...style, minimumFractionDigits: q.decimals, maximumFractionDigits: q.decimals, useGrouping: q.grouped || q.value >= 10000,
});

// Currency signs whose currency is certain enough to format (narrowSymbol writes the sign itself
// again: "$" stays "$" whichever dollar it was).
const CURRENCIES = { '€': 'EUR', '$': 'USD', '£': 'GBP', '¥': 'JPY', '₹': 'INR', '₩': 'KRW', '₽': 'RUB', '₺': 'TRY', '₪': 'ILS', '₴': 'UAH' };
const PRICE_PARTS = /^(?:(\p{Sc})\s?(\d[\d.,]*)|(\d[\d.,]*)\s?(\p{Sc}))$/u;

// "€89.90" (from en) -> "89,90 €" (de); null where the amount or the sign is uncertain.
export function localizePrice(text, from, to) {
  const m = text.match(PRICE_PARTS);
  if (!m || from === to) return null;
  const currency = CURRENCIES[m[1] ?? m[4]];
  const amount = m[2] ?? m[3];
  const q = /^\d+$/.test(amount) ? { value: Number(amount), decimals: 0, grouped: false } : readQuantity(amount, from);
  if (!currency || !q) return null;
  try {
    return numberFormat(to, q, { style: 'currency', currency, currencyDisplay: 'narrowSymbol' }).format(q.value);
  } catch {
    return null;  // a target language Intl does not know
  }
}

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const SOURCE_NUMBER = new RegExp(`(?<!\\{)(${NUMBER})(?!\\})(\\s?%)?`, 'gu');
const VERSION_BEFORE = /(?:\p{L}|[vV]\s?|\p{Lu}[\p{L}\d+#-]*\s)$/u;

// The numbers and percentages of `source` whose target form differs:
// [{ at, written, number, percent, grouped, decimals }] (at: where `written` starts in source).
function quantitiesIn(source, from, to) {
  const out = [];
  for (const m of source.matchAll(SOURCE_NUMBER)) {
    const [all, written, percent] = m;
    const before = source.slice(0, m.index);
    const after = source.slice(m.index + written.length);
    if (/^[.,]\d/.test(after) || /[\d.,]$/.test(before)) continue;  // "2.0.1", "10.0.0.1"
    let q = readQuantity(written, from);
    if (!q && percent && /^\d+$/.test(written)) q = { value: Number(written), decimals: 0, grouped: false };
    if (!q) continue;
    const sentenceStart = /^\s*$/.test(before);
    if (!q.grouped && !percent && !sentenceStart && VERSION_BEFORE.test(before)) continue;  // "Python 3.11"
    try {
      const number = numberFormat(to, q).format(q.value);
      const pct = percent ? numberFormat(to, q, { style: 'percent' }).format(q.value / 100) : null;
      if (number !== written || (pct && pct !== all)) out.push({ at: m.index, written, number, percent: pct, grouped: q.grouped, decimals: q.decimals });
    } catch {
      return [];  // a target language Intl does not know: leave every number as written
    }
  }
  return out;
}

// The target form of the number `written` at `at` in `source` (a number that travels as a
// placeholder), or null where it stays as written (a phone number, a number of no certain meaning).
export function localizedNumberAt(source, at, written, from, to) {
  if (!from || !to || from === to) return null;
  return quantitiesIn(source, from, to).find((q) => q.at === at && q.written === written)?.number ?? null;
}

// `output` with the source's percentages, whose numbers came back already in the target's form
// (placeholders), spaced as the target writes them: "3,2%" -> "3,2 %".
export function localizePercents(source, output, from, to) {
  if (!from || !to || from === to || !source.includes('%')) return output;
  let text = output;
  for (const q of quantitiesIn(source, from, to).filter((n) => n.percent)) {
    text = text.replace(new RegExp(`(?<![\\d.,])${escape(q.number)}\\s?%`, 'gu'), q.percent);
  }
  return text;
}

// `output`, a model's translation of `source`, with the source's quantities written as `to`
// writes them where the model copied them as written (a number it already wrote otherwise, or
// changed, is left alone). Placeholders ({1}) are not numbers.
export function localizeNumbers(source, output, from, to) {
  if (!from || !to || from === to || !/\d/.test(source)) return output;
  let text = output;
  for (const q of quantitiesIn(source, from, to)) {
    // As written, or with its group marks dropped ("1,450,000" -> "1450000": the same number).
    const forms = [escape(q.written), ...(q.grouped && q.decimals === 0 ? [q.written.replace(/\D/g, '')] : [])];
    const pattern = new RegExp(`(?<![\\d{]|\\d[.,\\u00A0\\u202F ])(?:${forms.join('|')})(?![}\\d]|[.,\\u00A0\\u202F ]\\d)(\\s?%)?`, 'gu');
    text = text.replace(pattern, (all, percent) => (percent && q.percent ? q.percent : q.number + (percent ?? '')));
  }
  return text;
}

// A text that is wholly a price, a separator-written number or a percentage ("€89.90" in a price
// tag, "1,299" in a table cell), in the target's format; any other text unchanged. Spaces around
// it stay.
export function localizeQuantityText(text, from, to) {
  const [, lead, core, trail] = text.match(/^(\s*)(.*?)(\s*)$/su);
  if (!core || !/^[\p{Sc}\d]/u.test(core) || from === to) return text;
  const price = localizePrice(core, from, to);
  if (price) return lead + price + trail;
  const q = quantitiesIn(core, from, to).find((n) => n.at === 0);
  const whole = q && (q.written.length === core.length || (q.percent && /^\s?%$/.test(core.slice(q.written.length))));
  return whole ? lead + (q.percent ?? q.number) + trail : text;
}
