// The JS API's text pipeline: what happens to lines between translate() and the model, as an
// ordered list of stages. A stage is
//   async (lines, next, context, options) -> { lines, sourceTokens, scores, shown? }
// It gets a batch of lines and `next`, the rest of the pipeline below it; it may answer some lines
// itself, change what goes down, send lines down more than once, and put the answers back
// together, one per line in order. scores[i] is line i's mean log-probability (worker/pipeline.js)
// when the model gives scores: the score of the model output a line was made of, the lowest where
// it was made of several, null where no model was asked. options travel down with a batch
// (number-retry.js sends { numbers: true }). The model is the last stage; an empty batch never
// reaches it.
import { datePattern } from './dates.js';
import { layoutSymbols } from './stages/layout-symbols.js';
import { interfaceWords } from './stages/interface-words.js';
import { numberRetry } from './stages/number-retry.js';
import { keptPieces } from './stages/kept-pieces.js';
import { copiedNumbers } from './stages/copied-numbers.js';

export const STAGES = [
  layoutSymbols,   // "Home › Docs", "• Free shipping": symbols kept, the words between go down as lines
  interfaceWords,  // a line that is one common interface word ("Sign in"): from the glossary
  numberRetry,     // a line whose translation changed a number: down again, every number a placeholder
  keptPieces,      // terms, addresses, prices, dates as {1}, {2}, …; lines that lose one: piece by piece
  copiedNumbers,   // numbers the model copied as the source wrote them, in the reader's format
];

// model(lines) -> { lines, sourceTokens, scores? }. terms: do-not-translate terms (longest first);
// placeholders: the models pass {1}, {2}, … through (translator.placeholders); from, to: the
// languages (dates, numbers and interface words need both).
// -> { lines, sourceTokens, scores }
export async function translateText(lines, terms, model, placeholders, { from, to } = {}) {
  const context = { terms, placeholders, from, to, locale: from && to ? { from, to, datePattern: datePattern(from) } : null };
  const down = (k) => async (batch, options = {}) => {
    if (!batch.length) return { lines: [], sourceTokens: 0, scores: [] };
    if (k < STAGES.length) return STAGES[k](batch, down(k + 1), context, options);
    const res = await model(batch);
    return { lines: res.lines, sourceTokens: res.sourceTokens, scores: batch.map((_, i) => res.scores?.[i] ?? null) };
  };
  const { lines: out, sourceTokens, scores } = await down(0)(lines);
  return { lines: out, sourceTokens, scores };
}
