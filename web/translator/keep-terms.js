// Text kept as written through translation: do-not-translate terms (brand and product names),
// and where the models pass placeholders through, what they copy badly (verbatim.js: addresses,
// long numbers, prices, emoji, ©, other scripts) and dates (dates.js: written again by Intl in the
// target language). Prices, and the numbers and percentages the model copies, come back in the
// reader's format (quantities.js: Intl.NumberFormat for the target language). Before all that, a line's layout symbols (layout-symbols.js: "Home › Docs",
// "• Free shipping") are set aside and the words between them go on as lines of their own.
//
// Where the models pass placeholders through (the model file says so), each kept piece of a line
// is replaced by a placeholder, numbered with the line's own ({1}, {2}, … in reading order). Where
// the output does not give back exactly the placeholders it was given (a sentence that confused
// the model), and always with models that never learned placeholders, the line is translated in
// pieces: the text between the terms, each piece on its own, joined with the terms as written.
// Less fluent, but the terms always survive.
//
// Short numbers stay in the sentence: the models translate around "40" better than around "{1}"
// (dev news, all numbers as placeholders: BLEU -1.0 en→fr). But a model that changes one ("40" →
// "400") misleads the reader, so a line whose translation has other numbers than its source is
// translated again with every number as a placeholder.
import { ErrorCodes, TranslatorError } from './errors.js';
import { datePattern, localizeDate } from './dates.js';
import { joinLayout, splitLayout } from './layout-symbols.js';
import { interfaceWord } from './ui-glossary.js';
import { localizedNumberAt, localizeNumbers, localizePercents, localizePrice } from './quantities.js';
import { ADDRESS, FOREIGN_RUN, LONG_NUMBER, NUMBER, PRICE } from './verbatim.js';

const HAS_WORDS = /[\p{L}\p{N}]/u;
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// -> the terms, trimmed, without duplicates, longest first (so "Acme Cloud" wins over "Acme").
export function normalizeKeepTerms(keep) {
  if (keep === undefined || keep === null) return [];
  const list = typeof keep === 'string' ? keep.split(',') : keep;
  if (!Array.isArray(list) || list.some((t) => typeof t !== 'string'))
    throw new TranslatorError(ErrorCodes.INVALID_OPTION, 'keep must be a string of comma-separated terms or an array of strings');
  return [...new Set(list.map((t) => t.trim()).filter(Boolean))].sort((a, b) => b.length - a.length);
}

// What is kept in a line: the terms, and where the models pass placeholders through, what they
// copy badly (verbatim.js) and dates (dates.js: written again by Intl), with `numbers` every
// number too. -> a global regex, or null when nothing is kept.
function keptPattern(terms, placeholders, numbers = false, date = null) {
  const words = terms.map(escape);
  if (placeholders && date) words.unshift(`(?<date>${date})`);  // before NUMBER: "12 March 2024" is one date
  if (placeholders) words.push(ADDRESS, `(?<long>${LONG_NUMBER})`, `(?<price>${PRICE})`);
  if (placeholders && numbers) words.push(`(?<number>(?<!\\{)${NUMBER}(?!\\}))`);  // not the "1" of "{1}"
  const alternatives = words.length ? [`(?<![\\p{L}\\p{N}])(?:${words.join('|')})(?![\\p{L}\\p{N}])`] : [];
  if (placeholders) alternatives.push(FOREIGN_RUN);  // "Acme™": no word boundary needed
  return alternatives.length ? new RegExp(alternatives.join('|'), 'gu') : null;
}

// Pieces of a line: { text, term, shown } in order; a term piece shows its text as written, a date
// a price or a number as localize(text, kind, line, index) writes it (null: as written).
function piecesOf(line, pattern, localize) {
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

// The line as sent: every placeholder, the line's own ({k} from the widget) and ours for the
// kept pieces, renumbered {1}, {2}, … in reading order (as the models learned them). back[n] is
// what {n} stands for: the own placeholder's text, or the kept piece.
function numbered(pieces) {
  const back = [null];
  const text = pieces.map((p) => {
    if (p.term) {
      back.push(p.shown);
      return `{${back.length - 1}}`;
    }
    return p.text.replace(/\{\d+\}/g, (own) => {
      back.push(own);
      return `{${back.length - 1}}`;
    });
  }).join('');
  return { text, back };
}

// The numbers of a text by their digits, in any order ("1,000.5" and "1.000,5" are the same
// number, as nmt.corpus compares them in training pairs; "{2}", a placeholder, is none).
const NUMBERS = new RegExp(NUMBER, 'gu');
export const numbersOf = (text) => (text.replace(/\{\d+\}/g, ' ').match(NUMBERS) ?? []).map((n) => n.replace(/\D/g, '')).sort().join();

// True when a model's output has a piece of a placeholder besides the whole ones ("a {2} 2}"):
// the model lost its way in that sentence.
export const hasBrokenPlaceholder = (text) => /\{\d|\d\}/.test(text.replace(/\{\d+\}/g, ' '));

// A model's output with {n} replaced by back[n] (back[0] unused), or null unless every placeholder
// {1} … came back exactly once (in any order: the target language may reorder them) and whole.
export function fillPlaceholders(text, back) {
  const got = [...text.matchAll(/\{(\d+)\}/g)].map((m) => Number(m[1])).sort((a, b) => a - b);
  if (got.join() !== back.slice(1).map((_, j) => j + 1).join() || hasBrokenPlaceholder(text)) return null;
  return text.replace(/\{(\d+)\}/g, (_, n) => back[Number(n)]);
}

// run(lines) -> { lines, sourceTokens, scores? }; returns the same for `lines`, terms kept, and layout
// symbols (separators, bullets: layout-symbols.js) kept with the words between them translated.
// Where run gives scores (each line's mean log-probability, worker/pipeline.js), a line's score is
// that of the model output it was made of, the lowest where it was made of several; null where no
// model was asked (an interface word, a line of kept terms).
// placeholders: the models pass {1}, {2}, … through (translator.placeholders); from, to: the
// languages, for dates and interface words (ui-glossary.js).
export async function translateKeeping(lines, terms, run, placeholders, { from, to } = {}) {
  const layouts = lines.map(splitLayout);
  const pieces = lines.flatMap((line, i) => (layouts[i] ? layouts[i].pieces : [line]));
  // A whole line that is an interface word ("Remove", "Sign in") is the glossary's, unless it is a
  // kept term.
  const known = pieces.map((p) => (terms.includes(p.trim()) ? null : interfaceWord(p, from, to)));
  const sent = pieces.filter((_, i) => known[i] === null);
  const dates = from && to ? { pattern: datePattern(from), from, to } : null;
  const model = sent.length ? await translateWords(sent, terms, run, placeholders, dates) : { lines: [], sourceTokens: 0 };
  let m = 0;
  const res = { lines: [], scores: [] };
  for (const word of known) {
    res.scores.push(word === null ? model.scores?.[m] ?? null : null);
    res.lines.push(word ?? model.lines[m++]);
  }
  let k = 0;
  const scores = [];
  const out = lines.map((_, i) => {
    const n = layouts[i] ? layouts[i].pieces.length : 1;
    k += n;
    scores.push(res.scores.slice(k - n, k).reduce(lowest, null));
    return layouts[i] ? joinLayout(layouts[i], res.lines.slice(k - n, k)) : res.lines[k - 1];
  });
  return { lines: out, sourceTokens: model.sourceTokens, scores };
}

async function translateWords(lines, terms, sendToModel, placeholders, dates) {
  const date = dates?.pattern ?? null;
  const localize = (text, kind, line, at) => (!dates ? null
    : kind === 'date' ? localizeDate(text, dates.from, dates.to)
      : kind === 'price' ? localizePrice(text, dates.from, dates.to) : localizedNumberAt(line, at, text, dates.from, dates.to));
  // The numbers a model copied as the source wrote them, written as the target writes them.
  const run = !dates ? sendToModel : async (sent) => {
    const res = await sendToModel(sent);
    return { ...res, lines: res.lines.map((t, i) => localizeNumbers(sent[i], t, dates.from, dates.to)) };
  };
  const res = await translateWith(lines, keptPattern(terms, placeholders, false, date), run, placeholders, localize);
  if (!placeholders) return res;
  // The numbers a translation should have: the source's, dates and times as shown ("5 pm" -> "17 Uhr").
  const changed = lines.map((_, i) => i).filter((i) => numbersOf(res.shown[i]) !== numbersOf(res.lines[i]));
  if (!changed.length) return res;
  const again = await translateWith(changed.map((i) => lines[i]), keptPattern(terms, true, true, date), run, true, localize);
  changed.forEach((i, k) => {
    res.lines[i] = localizePercents(lines[i], again.lines[k], dates?.from, dates?.to);
    res.scores[i] = again.scores[k];
  });
  return { lines: res.lines, sourceTokens: res.sourceTokens + again.sourceTokens, scores: res.scores };
}

// -> { lines, sourceTokens, scores, shown }: shown[i] is line i as a reader should find it again in its
// translation (kept text as written, dates as localize writes them); lines itself without a pattern.
// scores[i]: line i's score (see translateKeeping), null without one.
async function translateWith(lines, pattern, run, placeholders, localize = () => null) {
  if (!pattern) {
    const res = await run(lines);
    return { ...res, scores: lines.map((_, i) => res.scores?.[i] ?? null), shown: lines };
  }
  const split = lines.map((l) => piecesOf(l, pattern, localize));
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
      const { text, back } = numbered(split[i]);
      sentFor.push(i);
      sent.push(text);
      backOf.set(i, back);
    }
  });
  const first = sent.length ? await run(sent) : { lines: [], sourceTokens: 0 };
  let sourceTokens = first.sourceTokens;
  const out = new Array(lines.length);
  const scores = new Array(lines.length).fill(null);
  sentFor.forEach((i, k) => {
    const t = first.lines[k];
    const back = backOf.get(i);
    scores[i] = first.scores?.[k] ?? null;
    if (!back) {
      out[i] = t;
      return;
    }
    const filled = fillPlaceholders(t, back);
    if (filled !== null) out[i] = filled;
  });
  const retry = lines.map((_, i) => i).filter((i) => out[i] === undefined);
  if (!retry.length) return { lines: out, sourceTokens, scores, shown };
  // 2. Pieces around the terms, translated on their own.
  const todo = [];
  for (const i of retry) for (const p of split[i]) if (!p.term && HAS_WORDS.test(p.text)) todo.push(p.text.trim());
  const second = todo.length ? await run(todo) : { lines: [], sourceTokens: 0 };
  sourceTokens += second.sourceTokens;
  let k = 0;
  for (const i of retry) {
    scores[i] = null;
    out[i] = split[i].map((p) => {
      if (p.term) return p.shown;
      if (!HAS_WORDS.test(p.text)) return p.text;
      // ", the best shop" after a term: the model drops the comma; keep it, and the space after it.
      const [, space, punct, punctSpace] = p.text.match(/^(\s*)([,;:)\]]*)(\s*)/u);
      scores[i] = lowest(scores[i], second.scores?.[k] ?? null);
      let t = second.lines[k++];
      if (punct && !t.startsWith(punct)) t = punct + (punctSpace ? ' ' : '') + t;
      return (space ? ' ' : '') + t + (/\s$/.test(p.text) ? ' ' : '');
    }).join('');
  }
  return { lines: out, sourceTokens, scores, shown };
}

// The lower of two scores, null meaning none.
function lowest(a, b) {
  return a === null ? b : b === null ? a : Math.min(a, b);
}
