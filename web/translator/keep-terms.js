// Do-not-translate terms (brand and product names) kept verbatim through translation.
//
// Each term in a line is first replaced by a placeholder ({1}, {2}, …) that the models are trained
// to pass through untouched. Where the model's output does not give back exactly the placeholders
// it was given (a model that never learned them, or a sentence that confused it), that line is
// translated again in pieces: the text between the terms, each piece on its own, joined with the
// terms as written. Slower and a little less fluent, but the terms always survive.
import { ErrorCodes, TranslatorError } from './errors.js';

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

// Pieces of a line: { text, term } in order; term pieces are kept as written.
function piecesOf(line, terms) {
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${terms.map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  const out = [];
  let at = 0;
  for (const m of line.matchAll(re)) {
    if (m.index > at) out.push({ text: line.slice(at, m.index), term: false });
    out.push({ text: m[0], term: true });
    at = m.index + m[0].length;
  }
  if (at < line.length) out.push({ text: line.slice(at), term: false });
  return out;
}

// run(lines) -> { lines, sourceTokens }; returns the same for `lines`, terms kept.
export async function translateKeeping(lines, terms, run) {
  if (!terms.length) return run(lines);
  const split = lines.map((l) => piecesOf(l, terms));
  // 1. Placeholders, where the line has terms and no text that looks like one of ours.
  const withPlaceholders = split.map((pieces, i) => {
    if (!pieces.some((p) => p.term) || /\{\d+\}/.test(lines[i])) return lines[i];
    let n = 0;
    return pieces.map((p) => (p.term ? `{${++n}}` : p.text)).join('');
  });
  const first = await run(withPlaceholders);
  let sourceTokens = first.sourceTokens;
  const out = [...first.lines];
  const retry = [];
  split.forEach((pieces, i) => {
    const terms_ = pieces.filter((p) => p.term).map((p) => p.text);
    if (!terms_.length) return;
    if (withPlaceholders[i] !== lines[i]) {
      const got = out[i].match(/\{\d+\}/g) ?? [];
      const want = terms_.map((_, k) => `{${k + 1}}`);
      if (got.length === want.length && [...got].sort().join() === [...want].sort().join()) {
        out[i] = out[i].replace(/\{(\d+)\}/g, (_, k) => terms_[Number(k) - 1]);
        return;
      }
    }
    retry.push(i);
  });
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
