// Stage: layout symbols are never sent (../layout-symbols.js). A line such as "Home › Products ›
// Pricing" or "• Free shipping" goes down as the words between its symbols, each a line of its own,
// and comes back joined with the symbols as written.
import { joinLayout, splitLayout } from '../layout-symbols.js';
import { lowestScore } from '../confidence.js';

export async function layoutSymbols(lines, next, context, options) {
  const layouts = lines.map(splitLayout);
  const res = await next(lines.flatMap((line, i) => (layouts[i] ? layouts[i].pieces : [line])), options);
  let k = 0;
  const scores = [];
  const out = lines.map((_, i) => {
    const n = layouts[i] ? layouts[i].pieces.length : 1;
    k += n;
    scores.push(res.scores.slice(k - n, k).reduce(lowestScore, null));
    return layouts[i] ? joinLayout(layouts[i], res.lines.slice(k - n, k)) : res.lines[k - 1];
  });
  return { lines: out, sourceTokens: res.sourceTokens, scores };
}
