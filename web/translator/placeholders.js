// The placeholder protocol, one owner for the JS API and the widget. Models that pass
// placeholders through (translator.placeholders; the model file says so: engine/model/config.h)
// copy {1}, {2}, … from source to translation untouched, as they learned in training
// (scripts/nmt/corpus.py). A caller stands them in for text that must stay as written, numbered
// 1, 2, … in reading order; the translation is usable only when every one came back exactly once
// and whole ("a {2} 2}" is a model that lost its way).
const PLACEHOLDER = /\{(\d+)\}/g;

// The placeholder for n (1, 2, …).
export const placeholder = (n) => `{${n}}`;

// True when text holds something that reads as one of our placeholders.
export const hasPlaceholder = (text) => /\{\d+\}/.test(text);

// text with every placeholder replaced by `by` (default a space).
export const withoutPlaceholders = (text, by = ' ') => text.replace(PLACEHOLDER, by);

// True when a model's output has a piece of a placeholder besides the whole ones ("a {2} 2}").
export const hasBrokenPlaceholder = (text) => /\{\d|\d\}/.test(withoutPlaceholders(text));

// pieces: [{ text, term, shown }] of a line (term: kept, shown: how it reads in the translation)
// -> { text, back }: the line with a placeholder for each kept piece and for each placeholder the
// line already had (the widget's), all renumbered {1}, {2}, … in reading order; back[n] is what
// {n} stands for (back[0] unused).
export function numberPlaceholders(pieces) {
  const back = [null];
  const text = pieces.map((p) => {
    if (p.term) {
      back.push(p.shown);
      return placeholder(back.length - 1);
    }
    return p.text.replace(/\{\d+\}/g, (own) => {
      back.push(own);
      return placeholder(back.length - 1);
    });
  }).join('');
  return { text, back };
}

// A model's output with {n} replaced by back[n], or null unless every placeholder {1} … came back
// exactly once (in any order: the target language may reorder them) and whole.
export function fillPlaceholders(text, back) {
  const got = [...text.matchAll(PLACEHOLDER)].map((m) => Number(m[1])).sort((a, b) => a - b);
  if (got.join() !== back.slice(1).map((_, j) => j + 1).join() || hasBrokenPlaceholder(text)) return null;
  return text.replace(PLACEHOLDER, (_, n) => back[Number(n)]);
}

// text with each placeholder that has a back[n] replaced by it, whatever came back (for finding
// a sentence of a translation again on the page, not for showing it).
export const fillFound = (text, back) => text.replace(PLACEHOLDER, (m, n) => back[Number(n)] ?? m);

// The texts between the placeholders of text ("Run {1} now." -> ["Run ", " now."]).
export const betweenPlaceholders = (text) => text.split(/\{\d+\}/);

// texts joined with {1}, {2}, … between them ("Run ", " now." -> "Run {1} now.").
export const joinWithPlaceholders = (texts) => texts.map((t, k) => (k ? placeholder(k) : '') + t).join('');

// A model's output of joinWithPlaceholders(count texts) cut back into count pieces at the
// placeholders, or null unless they came back exactly once each, whole and in order (the widget:
// the page's nodes cannot be reordered).
export function cutAtPlaceholders(text, count) {
  const found = [...text.matchAll(PLACEHOLDER)];
  if (found.length !== count - 1 || found.some((m, k) => Number(m[1]) !== k + 1) || hasBrokenPlaceholder(text)) return null;
  const pieces = [];
  let at = 0;
  for (const m of found) {
    pieces.push(text.slice(at, m.index));
    at = m.index + m[0].length;
  }
  pieces.push(text.slice(at));
  return pieces;
}
