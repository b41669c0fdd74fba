// Stage: a whole line that is a common interface word or phrase ("Remove", "Sign in", "Add to
// cart") is answered from our glossary (../ui-glossary.js), not by the model, unless it is a kept
// term; the other lines go down.
import { interfaceWord } from '../ui-glossary.js';

export async function interfaceWords(lines, next, { terms, from, to }, options) {
  const known = lines.map((line) => (terms.includes(line.trim()) ? null : interfaceWord(line, from, to)));
  const res = await next(lines.filter((_, i) => known[i] === null), options);
  let m = 0;
  const out = { lines: [], scores: [] };
  for (const word of known) {
    out.scores.push(word === null ? res.scores[m] : null);
    out.lines.push(word ?? res.lines[m++]);
  }
  return { ...out, sourceTokens: res.sourceTokens };
}
