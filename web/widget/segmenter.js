// Finds what to translate on a page: block-level units whose inline markup must survive, and the
// attributes people read (title, alt, placeholder, aria-label). Pure DOM reading, no changes.
export const INLINE_TAGS = new Set(['A', 'ABBR', 'B', 'BDI', 'BDO', 'CITE', 'DATA', 'DFN', 'EM', 'I', 'KBD', 'MARK', 'Q', 'S',
  'SAMP', 'SMALL', 'SPAN', 'STRONG', 'SUB', 'SUP', 'TIME', 'U', 'VAR', 'LABEL', 'FONT']);
// Kept verbatim and never entered.
const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'CODE', 'PRE', 'TEXTAREA', 'SVG', 'MATH', 'IFRAME', 'OBJECT', 'CANVAS', 'VIDEO', 'AUDIO', 'SELECT']);
export const TRANSLATED_ATTRIBUTES = ['title', 'alt', 'placeholder', 'aria-label'];

// True when el itself must not be translated (its subtree is left alone).
export function isSkipped(el, sourceLang) {
  if (SKIP_TAGS.has(el.tagName)) return true;
  if (el.getAttribute('translate') === 'no' || el.classList.contains('notranslate')) return true;
  if (el.isContentEditable && el.getAttribute('contenteditable') !== null) return true;
  if (el.hasAttribute('data-translate-widget')) return true;
  const lang = el.getAttribute('lang');
  if (lang && el !== el.ownerDocument.documentElement && lang.toLowerCase().split('-')[0] !== sourceLang) return true;
  return false;
}

const hasText = (s) => /[\p{L}\p{N}]/u.test(s);

// Inline elements that are translated with the text around them.
export function isInline(node, sourceLang) {
  return node.nodeType === 1 && INLINE_TAGS.has(node.tagName) && !isSkipped(node, sourceLang) && !hasBlockInside(node);
}

function hasBlockInside(el) {
  for (const c of el.children) if (!INLINE_TAGS.has(c.tagName) && c.tagName !== 'BR') return true;
  return false;
}

// A block's translatable runs: maximal sequences of text nodes and inline elements between
// anything else (child blocks, <br>, skipped elements). -> [{ items: Node[], text }]
export function segmentsOf(block, sourceLang) {
  const segments = [];
  let cur = [];
  const flush = () => {
    const text = cur.map((n) => n.textContent).join('');
    if (cur.length && hasText(text)) segments.push({ items: cur, text });
    cur = [];
  };
  for (const child of block.childNodes) {
    if (child.nodeType === 3 || isInline(child, sourceLang)) cur.push(child);
    else if (child.nodeType === 8) continue;  // comments do not split a sentence
    else flush();
  }
  flush();
  return segments;
}

// Every block under root (root included) with translatable segments, in document order.
export function findBlocks(root, sourceLang) {
  const out = [];
  const visit = (el) => {
    if (el.nodeType !== 1 || isSkipped(el, sourceLang)) return;
    if (!isInline(el, sourceLang) && segmentsOf(el, sourceLang).length) out.push(el);
    for (const c of el.children) visit(c);
  };
  visit(root);
  return out;
}

// Elements under root (root included) with human-readable attributes to translate.
export function findAttributeTargets(root, sourceLang) {
  const out = [];
  const visit = (el) => {
    if (el.nodeType !== 1 || (isSkipped(el, sourceLang) && el.tagName !== 'TEXTAREA' && el.tagName !== 'SELECT')) return;
    for (const a of TRANSLATED_ATTRIBUTES) {
      const v = el.getAttribute(a);
      if (v && hasText(v)) out.push({ el, attr: a, text: v });
    }
    if (el.tagName === 'TEXTAREA' || el.tagName === 'SELECT') return;
    for (const c of el.children) visit(c);
  };
  visit(root);
  return out;
}
