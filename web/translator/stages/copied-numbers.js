// Stage, just above the model: the numbers a model copied as the source wrote them, written as the
// target language writes them ("6,000" -> "6.000" en→de; ../quantities.js). Needs both languages.
import { localizeNumbers } from '../quantities.js';

export async function copiedNumbers(lines, next, { locale }, options) {
  const res = await next(lines, options);
  if (!locale) return res;
  return { ...res, lines: res.lines.map((t, i) => localizeNumbers(lines[i], t, locale.from, locale.to)) };
}
