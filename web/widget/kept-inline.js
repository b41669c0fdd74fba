// A sentence with text in it that must stay as written (inline code, a notranslate name, a price,
// an e-mail address): what the model is sent, and how the translation goes back around it.
//
// The page's nodes never move, so a kept element stays between the same two runs of text. With
// models that pass placeholders through (translator.placeholders), the sentence is sent whole,
// each kept element inside it as {1}, {2}, … ("Run {1} to install it."); the translation is cut at
// the placeholders and each piece goes to the run between the same two kept elements. That needs
// every placeholder back exactly once and in page order; otherwise, and with models that never
// learned placeholders, each run is translated as a sentence of its own.
//
// Prices, numbers and addresses (verbatim elements) are kept only with placeholders; in runs of
// their own they stay in the sentence for the model to copy, as a caption model needs.
import { cutAtPlaceholders, hasPlaceholder, joinWithPlaceholders } from '../translator/index.js';
import { isKeptInline } from './segmenter.js';
import { elementKind, segmentSourceText } from './text-placement.js';

const WORDS = /[\p{L}\p{N}]/u;
// Beyond this many in one sentence the models rarely give them all back (two: 84 % en→de,
// 78 % en→fr); the runs go on their own instead of costing a failed translation first.
const MAX_PLACEHOLDERS = 8;
const SENTENCE_END = /[.!?…。！？]["'”’»)]*\s*$/u;

// items split at kept elements -> the runs of nodes between them (one more than kept elements).
function runsBetween(items, isKept) {
  const runs = [[]];
  for (const n of items) {
    if (isKept(n)) runs.push([]);
    else runs[runs.length - 1].push(n);
  }
  return runs;
}

// What a segment is sent as: [{ items, source, runs? }]. A unit with `runs` is one sentence with
// placeholders between its runs (cutAtPlaceholders cuts its translation back into them); one
// without is plain text.
export function unitsOf(seg, { sourceLang, textOf, placeholders }) {
  const isKept = (n) => isKeptInline(n, sourceLang) || (placeholders && n.nodeType === 1 && elementKind(n) === 'verbatim');
  const runs = runsBetween(seg.items, isKept);
  const texts = runs.map((r) => segmentSourceText(r, textOf));
  const worded = runs.map((_, i) => i).filter((i) => WORDS.test(texts[i]));
  if (!worded.length) return [];
  const plain = worded.map((i) => ({ items: runs[i], source: texts[i] }));
  // Kept elements after a sentence's full stop ("Warm jacket. <span>€89</span>") stay out of it:
  // the models drop a placeholder there about a third of the time, against one in ten at the
  // start, inside or after a colon (dev rows with a name as {1}, scripts/nmt/corpus.py).
  const filled = runs.map((_, i) => i).filter((i) => texts[i].trim());
  const lastFilled = filled[filled.length - 1];
  const last = SENTENCE_END.test(texts[lastFilled]) ? lastFilled : runs.length - 1;
  const span = runs.slice(0, last + 1);
  // Text that looks like one of our placeholders would make the answer ambiguous.
  if (!placeholders || span.length === 1 || span.length > MAX_PLACEHOLDERS + 1 || texts.some(hasPlaceholder)) return plain;
  return [{ items: seg.items, source: joinWithPlaceholders(texts.slice(0, span.length)), runs: span }];
}
