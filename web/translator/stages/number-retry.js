// Stage: short numbers stay in the sentence (the models translate around "40" better than around
// "{1}": dev news, all numbers as placeholders, BLEU -1.0 en→fr), but a model that changes one
// ("40" → "400") misleads the reader. With models that pass placeholders through, a line whose
// translation has other numbers than it should (the source's, dates and times as shown: the
// `shown` of kept-pieces.js) goes down again with every number as a placeholder.
import { localizePercents } from '../quantities.js';
import { NUMBER } from '../verbatim.js';
import { withoutPlaceholders } from '../placeholders.js';

// The numbers of a text by their digits, in any order ("1,000.5" and "1.000,5" are the same
// number, as nmt.corpus compares them in training pairs; "{2}", a placeholder, is none).
const NUMBERS = new RegExp(NUMBER, 'gu');
export const numbersOf = (text) => (withoutPlaceholders(text).match(NUMBERS) ?? []).map((n) => n.replace(/\D/g, '')).sort().join();

export async function numberRetry(lines, next, { placeholders, locale }, options) {
  const res = await next(lines, options);
  if (!placeholders) return res;
  const changed = lines.map((_, i) => i).filter((i) => numbersOf(res.shown[i]) !== numbersOf(res.lines[i]));
  if (!changed.length) return res;
  const again = await next(changed.map((i) => lines[i]), { ...options, numbers: true });
  changed.forEach((i, k) => {
    res.lines[i] = localizePercents(lines[i], again.lines[k], locale?.from, locale?.to);
    res.scores[i] = again.scores[k];
  });
  return { lines: res.lines, sourceTokens: res.sourceTokens + again.sourceTokens, scores: res.scores };
}
