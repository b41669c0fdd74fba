// Stage: text kept as written through translation. The do-not-translate terms, and where the
// models pass placeholders through, what they copy badly (../verbatim.js: addresses, long numbers,
// prices, emoji, ©, other scripts), dates (../dates.js: written again by Intl in the target
// language), and with { numbers: true } (number-retry.js) every number. Prices and numbers come
// back in the reader's format (../quantities.js).
//
// Where the models pass placeholders through, each kept piece of a line is replaced by a
// placeholder (../placeholders.js). Where the output does not give back exactly the placeholders
// it was given (a sentence that confused the model), and always with models that never learned
// placeholders, the line is translated in pieces: the text between the kept pieces, each piece on
// its own, joined with the kept pieces as written. Less fluent, but the terms always survive.
// The result has `shown`: each line as a reader should find it again in its translation (kept
// text as written, dates as they are shown), for number-retry.js.
import { localizeDate } from '../dates.js';
import { localizedNumberAt, localizePrice } from '../quantities.js';
import { ADDRESS, FOREIGN_RUN, LONG_NUMBER, NUMBER, PRICE } from '../verbatim.js';
import { fillPlaceholders, numberPlaceholders } from '../placeholders.js';
import { lowestScore } from '../confidence.js';

const HAS_WORDS = /[\p{L}\p{N}]/u;
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// What is kept in a line -> a global regex, or null when nothing is.
function keptPattern(terms, placeholders, numbers, date) {
  const words = terms.map(escape);
  if (placeholders && date) words.unshift(`(?<date>${date})`);  // before NUMBER: "12 March 2024" is one date
  if (placeholders) words.push(ADDRESS, `(?<long>${LONG_NUMBER})`, `(?<price>${PRICE})`);
  if (placeholders && numbers) words.push(`(?<number>(?<!\\{)${NUMBER}(?!\\}))`);  // not the "1" of "{1}"
  const alternatives = words.length ? [`(?<![\\p{L}\\p{N}])(?:${words.join('|')})(?![\\p{L}\\p{N}])`] : [];
  if (placeholders) alternatives.push(FOREIGN_RUN);  // "Acme™": no word boundary needed
  return alternatives.length ? new RegExp(alternatives.join('|'), 'gu') : null;
}

// A line cut at what it keeps: [{ text, term, shown }] in order; a kept piece shows its text as
// written, a date, a price or a number as localize(text, kind, line, index) writes it (null: as written).
function cutAtKept(line, pattern, localize) {
  const out = [];
  let at = 0;
  for (const m of line.matchAll(pattern)) {
    if (m.index > at) out.push({ text: line.slice(at, m.index), term: false });
    const g = m.groups ?? {};
    const kind = g.date ? 'date' : g.price ? 'price' : g.number || g.long ? 'number' : null;  // long: "1.450.000", or a phone
    out.push({ text: m[0], term: true, shown: (kind && localize(m[0], kind, line, m.index)) || m[0] });
    at = m.index + m[0].length;
  }
  if (at < line.length) out.push({ text: line.slice(at), term: false });
  return out;
}

// How a kept date, price or number reads in the target language (null: as written).
function localizerFor(locale) {
  if (!locale) return () => null;
  const { from, to } = locale;
  return (text, kind, line, at) => (kind === 'date' ? localizeDate(text, from, to)
    : kind === 'price' ? localizePrice(text, from, to) : localizedNumberAt(line, at, text, from, to));
}

export async function keptPieces(lines, next, { terms, placeholders, locale }, options) {
  const pattern = keptPattern(terms, placeholders, options.numbers === true, locale?.datePattern ?? null);
  if (!pattern) return { ...(await next(lines, options)), shown: lines };
  const localize = localizerFor(locale);
  const split = lines.map((l) => cutAtKept(l, pattern, localize));
  const shown = split.map((pieces) => pieces.map((p) => (p.term ? p.shown : p.text)).join(''));
  const kept = split.map((pieces) => pieces.some((p) => p.term));
  // 1. Lines without kept pieces as they are; the others with placeholders where the models pass
  // them through.
  const sentFor = [];  // line index of each line sent
  const sent = [];
  const backOf = new Map();
  lines.forEach((line, i) => {
    if (!kept[i]) {
      sentFor.push(i);
      sent.push(line);
    } else if (placeholders) {
      const { text, back } = numberPlaceholders(split[i]);
      sentFor.push(i);
      sent.push(text);
      backOf.set(i, back);
    }
  });
  const first = await next(sent, options);
  let sourceTokens = first.sourceTokens;
  const out = new Array(lines.length);
  const scores = new Array(lines.length).fill(null);
  sentFor.forEach((i, k) => {
    const t = first.lines[k];
    const back = backOf.get(i);
    scores[i] = first.scores[k];
    if (!back) {
      out[i] = t;
      return;
    }
    const filled = fillPlaceholders(t, back);
    if (filled !== null) out[i] = filled;
  });
  const retry = lines.map((_, i) => i).filter((i) => out[i] === undefined);
  if (!retry.length) return { lines: out, sourceTokens, scores, shown };
  // 2. Pieces around the kept ones, translated on their own.
  const todo = [];
  for (const i of retry) for (const p of split[i]) if (!p.term && HAS_WORDS.test(p.text)) todo.push(p.text.trim());
  const second = await next(todo, options);
  sourceTokens += second.sourceTokens;
  let k = 0;
  for (const i of retry) {
    scores[i] = null;
    out[i] = split[i].map((p) => {
      if (p.term) return p.shown;
      if (!HAS_WORDS.test(p.text)) return p.text;
      // ", the best shop" after a term: the model drops the comma; keep it, and the space after it.
      const [, space, punct, punctSpace] = p.text.match(/^(\s*)([,;:)\]]*)(\s*)/u);
      scores[i] = lowestScore(scores[i], second.scores[k]);
      let t = second.lines[k++];
      if (punct && !t.startsWith(punct)) t = punct + (punctSpace ? ' ' : '') + t;
      return (space ? ' ' : '') + t + (/\s$/.test(p.text) ? ' ' : '');
    }).join('');
  }
  return { lines: out, sourceTokens, scores, shown };
}
