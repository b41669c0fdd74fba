// Symbols that lay text out rather than belong to a sentence: the separators of breadcrumbs and
// menus ("Home › Products › Pricing", "Privacy policy · Terms of use", "Settings > Privacy",
// "€12 / month") and, at either end of a line, bullets, arrows, dashes and marks ("• Free
// shipping", "Next →", "— Maria", "Email *"). The small models drop or change them (en→de "Home ›
// Products › Pricing" lost both "›"; en→fr "Privacy policy · Terms of use" gave "·:"), so the words
// between them are translated piece by piece and the symbols stay as the page wrote them.
//
// Between words a separator needs white space on both sides ("and/or", "A>B" stay in the
// sentence). Dashes only count at the ends: inside a sentence they are punctuation ("Maria – a
// project manager – said"). « » are quotes in French text, never separators here.
const BETWEEN = String.raw`›‹·•∙|/\\→←⇒>`;
const SEPARATOR = new RegExp(String.raw`(?<=\s)[${BETWEEN}](?=\s)`, 'gu');
const END_SYMBOL = new RegExp(String.raw`[${BETWEEN}<–—\-*▪▸►◦]`, 'u');
const isEndChar = (c) => /\s/u.test(c) || END_SYMBOL.test(c);
const LETTER = /\p{L}/u;

// -> null when the line has no layout symbols (it goes to the model as it is), else
// { pieces, glue } with line === glue[0] + pieces[0] + glue[1] + … + pieces[n-1] + glue[n];
// a piece is words to translate, glue is kept as written. Linear in the line's length (no
// backtracking regex: lines come from any page).
export function splitLayout(line) {
  let start = 0, end = line.length;
  while (start < end && isEndChar(line[start])) start++;
  while (end > start && isEndChar(line[end - 1])) end--;
  const lead = line.slice(0, start), trail = line.slice(end);
  const core = line.slice(start, end);
  const cuts = [...core.matchAll(SEPARATOR)].map((m) => m.index);
  if (!cuts.length && !END_SYMBOL.test(lead) && !END_SYMBOL.test(trail)) return null;
  const pieces = [];
  const glue = [lead];
  let at = 0;
  for (const cut of [...cuts, core.length]) {
    const part = core.slice(at, cut);
    const words = part.trim();
    if (LETTER.test(words)) {
      const before = part.length - part.trimStart().length;
      glue[glue.length - 1] += part.slice(0, before);
      pieces.push(words);
      glue.push(part.slice(before + words.length));
    } else glue[glue.length - 1] += part;  // "€12" in "€12 / month": nothing to translate
    if (cut < core.length) glue[glue.length - 1] += core[cut];
    at = cut + 1;
  }
  glue[glue.length - 1] += trail;
  return { pieces, glue };
}

// The line again, with each piece replaced by its translation.
export const joinLayout = ({ glue }, translations) => glue.map((g, i) => (i ? translations[i - 1] : '') + g).join('');
