// Sentence splitting inside a block of text: after . ! ? (and closing quotes/brackets) followed by
// white space and an upper-case letter, digit or opening quote. Abbreviations of one letter
// ("J. Smith") and common titles do not end a sentence.
const TITLES = new Set(['mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'vs', 'etc', 'e.g', 'i.e', 'z.b', 'bzw', 'mme', 'mlle']);

// -> [{ text, space }] where space is the white space that preceded the sentence.
export function splitSentences(text) {
  const out = [];
  const re = /([.!?…]+["'»”)\]]*)(\s+)(?=["'«“(\[]?[\p{Lu}\p{N}])/gu;
  let start = 0;
  let space = '';
  let m;
  while ((m = re.exec(text))) {
    const end = m.index + m[1].length;
    const before = text.slice(start, m.index);
    const lastWord = (before.match(/([\p{L}.]+)$/u)?.[1] ?? '').toLowerCase();
    if (m[1] === '.' && (lastWord.length === 1 || TITLES.has(lastWord))) continue;
    out.push({ text: text.slice(start, end), space });
    space = m[2];
    start = end + m[2].length;
  }
  if (start < text.length || out.length === 0) out.push({ text: text.slice(start), space });
  return out;
}
