// Finds what to translate on a page: block-level units whose inline markup must survive, and the
// attributes people read. Pure DOM reading, no changes.
//
// A segment is what a reader sees as one piece of text: a run of text and inline elements inside a
// block. Controls are never merged with their neighbours: a button, a link styled as a button
// (inline-block, role=button), a label, a list item, a table cell, an <option> and a heading are
// each a unit of their own.
export const INLINE_TAGS = new Set(['A', 'ABBR', 'B', 'BDI', 'BDO', 'CITE', 'DATA', 'DFN', 'EM', 'I', 'MARK', 'Q', 'S',
  'SMALL', 'SPAN', 'STRONG', 'SUB', 'SUP', 'TIME', 'U', 'VAR', 'FONT']);
// Kept verbatim and never entered.
const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'CODE', 'KBD', 'SAMP', 'PRE', 'TEXTAREA', 'SVG', 'MATH', 'IFRAME', 'OBJECT', 'CANVAS', 'VIDEO', 'AUDIO']);
const CONTROL_ROLES = new Set(['button', 'tab', 'menuitem', 'option', 'switch', 'checkbox', 'radio', 'link']);
const CONTROL_DISPLAY = /^inline-(block|flex|grid|table)$/;
export const TRANSLATED_ATTRIBUTES = ['title', 'alt', 'placeholder', 'aria-label'];
const BUTTON_INPUT_TYPES = new Set(['submit', 'button', 'reset']);

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

// An inline element that looks and acts like a control of its own (a link-button, a chip).
function isControl(el) {
  const role = el.getAttribute('role');
  if (role && CONTROL_ROLES.has(role) && role !== 'link') return true;
  const view = el.ownerDocument.defaultView;
  return !!view && CONTROL_DISPLAY.test(view.getComputedStyle(el).display);
}

// Inline elements that are translated with the text around them.
export function isInline(node, sourceLang) {
  return node.nodeType === 1 && INLINE_TAGS.has(node.tagName) && !isSkipped(node, sourceLang) && !hasBlockInside(node) && !isControl(node);
}

// Inline elements kept as written inside the sentence around them: inline code (`code`, `kbd`,
// `samp`) and inline elements marked translate="no" / .notranslate or in another language ("Run
// <code>npm install</code> first.", "© <span class=notranslate>Acme</span>. All rights reserved.").
// They stay part of their segment; kept-inline.js decides how the sentence goes to the model.
const KEPT_INLINE_TAGS = new Set(['CODE', 'KBD', 'SAMP']);
export function isKeptInline(node, sourceLang) {
  return node.nodeType === 1 && (KEPT_INLINE_TAGS.has(node.tagName) || INLINE_TAGS.has(node.tagName)) &&
    isSkipped(node, sourceLang) && !node.hasAttribute('data-translate-widget') && !hasBlockInside(node) && !isControl(node);
}

function hasBlockInside(el) {
  for (const c of el.children) if (!INLINE_TAGS.has(c.tagName) && c.tagName !== 'BR') return true;
  return false;
}

// A block's translatable runs: maximal sequences of text nodes, inline elements and kept inline
// elements between anything else (child blocks, controls, <br>, other skipped elements). textOf(textNode) gives a text
// node's original text (the page's, not a translation shown in it).
// -> [{ items: Node[], text }] (text: the run's original text, inline elements included)
export function segmentsOf(block, sourceLang, textOf = (n) => n.data) {
  const segments = [];
  let cur = [];
  const push = (items) => {
    const text = items.map((n) => deepText(n, textOf)).join('');
    // Something to translate besides kept elements.
    const own = items.filter((n) => !isKeptInline(n, sourceLang)).map((n) => deepText(n, textOf)).join('');
    if (items.length && hasText(own)) segments.push({ items, text });
  };
  const flush = () => {
    if (isLinkRow(cur, textOf)) for (const link of cur.filter((n) => n.nodeType === 1)) push([link]);
    else push(cur);
    cur = [];
  };
  for (const child of block.childNodes) {
    if (child.nodeType === 3 || isInline(child, sourceLang) || isKeptInline(child, sourceLang)) cur.push(child);
    else if (child.nodeType === 8) continue;  // comments do not split a sentence
    else flush();
  }
  flush();
  return segments;
}

// A row of links with only separators between them ("Home · Shop · Contact", "Docs › Install",
// "Privacy | Terms"): a menu, not a sentence. Each link is then a segment of its own and the
// separators stay as they are.
function isLinkRow(run, textOf) {
  const links = run.filter((n) => n.nodeType === 1);
  return links.length >= 2 && links.every((n) => n.tagName === 'A') &&
    run.every((n) => n.nodeType === 1 || !hasText(textOf(n)));
}

// A node's original text: its text nodes' originals (textOf), in order.
export function deepText(node, textOf = (n) => n.data) {
  if (node.nodeType === 3) return textOf(node);
  let s = '';
  for (const c of node.childNodes) s += deepText(c, textOf);
  return s;
}

// Every block under root (root included) with translatable segments, in document order.
export function findBlocks(root, sourceLang, textOf) {
  const out = [];
  const visit = (el) => {
    if (el.nodeType !== 1 || isSkipped(el, sourceLang)) return;
    if (!isInline(el, sourceLang) && segmentsOf(el, sourceLang, textOf).length) out.push(el);
    for (const c of el.children) visit(c);
  };
  visit(root);
  return out;
}

// The attributes of el that people read: the common ones, and the label of a button-like <input>.
export function readableAttributes(el) {
  const names = [...TRANSLATED_ATTRIBUTES];
  if (el.tagName === 'INPUT' && BUTTON_INPUT_TYPES.has((el.getAttribute('type') ?? '').toLowerCase())) names.push('value');
  return names;
}

// Elements under root (root included) with human-readable attributes to translate.
// attrOf(el, name) gives the original value (the page's, not a translation shown in it).
export function findAttributeTargets(root, sourceLang, attrOf = (el, a) => el.getAttribute(a)) {
  const out = [];
  const visit = (el) => {
    if (el.nodeType !== 1 || (isSkipped(el, sourceLang) && el.tagName !== 'TEXTAREA')) return;
    for (const a of readableAttributes(el)) {
      const v = attrOf(el, a);
      if (v && hasText(v)) out.push({ el, attr: a, text: v });
    }
    if (el.tagName === 'TEXTAREA') return;
    for (const c of el.children) visit(c);
  };
  visit(root);
  return out;
}
