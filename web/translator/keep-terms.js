// Do-not-translate terms (brand and product names), and addresses and long numbers (verbatim.js),
// kept verbatim through translation.
//
// Where the models pass placeholders through (the model file says so), each term in a line is
// first replaced by a placeholder ({1}, {2}, …); addresses and long numbers are kept only then
// (a caption model copies them as well as it can, inside the sentence). Where the output does not give back exactly the
// placeholders it was given (a sentence that confused the model), and always with models that
// never learned placeholders, the line is translated in pieces: the text between the terms, each
// piece on its own, joined with the terms as written. Less fluent, but the terms always survive.
import { ErrorCodes, TranslatorError } from './errors.js';
import { ADDRESS, LONG_NUMBER } from './verbatim.js';

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

// What is kept in a line: the terms, and where the models pass placeholders through, addresses
// and long numbers (verbatim.js). -> a global regex, or null when nothing is kept.
function keptPattern(terms, placeholders) {
  const alternatives = terms.map(escape);
  if (placeholders) alternatives.push(ADDRESS, LONG_NUMBER);
  if (!alternatives.length) return null;
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'gu');
}

// Pieces of a line: { text, term } in order; term pieces are kept as written.
function piecesOf(line, pattern) {
  const out = [];
  let at = 0;
  for (const m of line.matchAll(pattern)) {
    if (m.index > at) out.push({ text: line.slice(at, m.index), term: false });
    out.push({ text: m[0], term: true });
    at = m.index + m[0].length;
  }
  if (at < line.length) out.push({ text: line.slice(at), term: false });
  return out;
}

// The placeholders a line already has (the widget sends kept elements as {1}, {2}, …): k when
// they are exactly {1}…{k}, each once (ours then start at k + 1), else -1 (none of ours added).
function ownPlaceholders(line) {
  const nums = [...line.matchAll(/\{(\d+)\}/g)].map((m) => Number(m[1])).sort((a, b) => a - b);
  return nums.every((n, i) => n === i + 1) ? nums.length : -1;
}

const placeholdersIn = (text) => [...text.matchAll(/\{(\d+)\}/g)].map((m) => Number(m[1])).sort((a, b) => a - b);

// run(lines) -> { lines, sourceTokens }; returns the same for `lines`, terms kept.
// placeholders: the models pass {1}, {2}, … through (translator.placeholders).
export async function translateKeeping(lines, terms, run, placeholders) {
  const pattern = keptPattern(terms, placeholders);
  if (!pattern) return run(lines);
  const split = lines.map((l) => piecesOf(l, pattern));
  const termsOf = split.map((pieces) => pieces.filter((p) => p.term).map((p) => p.text));
  // 1. Lines without terms as they are; lines with terms with placeholders, where the models pass
  // them through, numbered after the line's own.
  const sentFor = [];  // line index of each line sent
  const sent = [];
  const base = lines.map(ownPlaceholders);
  lines.forEach((line, i) => {
    if (!termsOf[i].length) {
      sentFor.push(i);
      sent.push(line);
    } else if (placeholders && base[i] >= 0) {
      let n = base[i];
      sentFor.push(i);
      sent.push(split[i].map((p) => (p.term ? `{${++n}}` : p.text)).join(''));
    }
  });
  const first = sent.length ? await run(sent) : { lines: [], sourceTokens: 0 };
  let sourceTokens = first.sourceTokens;
  const out = new Array(lines.length);
  sentFor.forEach((i, k) => {
    const t = first.lines[k];
    const want = termsOf[i];
    if (!want.length) out[i] = t;
    // Every placeholder back once: the line's own {1}…{k} for the caller, ours for the terms.
    else if (placeholdersIn(t).join() === Array.from({ length: base[i] + want.length }, (_, j) => j + 1).join())
      out[i] = t.replace(/\{(\d+)\}/g, (m, j) => (Number(j) > base[i] ? want[Number(j) - base[i] - 1] : m));
  });
  const retry = lines.map((_, i) => i).filter((i) => out[i] === undefined);
  if (!retry.length) return { lines: out, sourceTokens };
  // 2. Pieces around the terms, translated on their own.
  const todo = [];
  for (const i of retry) for (const p of split[i]) if (!p.term && HAS_WORDS.test(p.text)) todo.push(p.text.trim());
  const second = todo.length ? await run(todo) : { lines: [], sourceTokens: 0 };
  sourceTokens += second.sourceTokens;
  let k = 0;
  for (const i of retry) {
    out[i] = split[i].map((p) => {
      if (p.term || !HAS_WORDS.test(p.text)) return p.text;
      // ", the best shop" after a term: the model drops the comma; keep it, and the space after it.
      const [, space, punct, punctSpace] = p.text.match(/^(\s*)([,;:)\]]*)(\s*)/u);
      let t = second.lines[k++];
      if (punct && !t.startsWith(punct)) t = punct + (punctSpace ? ' ' : '') + t;
      return (space ? ' ' : '') + t + (/\s$/.test(p.text) ? ' ' : '');
    }).join('');
  }
  return { lines: out, sourceTokens };
}
