// Confidence marks: sentences the model was unsure of get a subtle dotted underline, drawn with
// the CSS Custom Highlight API (a Highlight of Ranges over the page's own text nodes), so the page's
// DOM, layout and framework bookkeeping are untouched; where the API is missing, no marks (the
// popup of original-popup.js still says which blocks hold unsure sentences).
//
// UNSURE_BELOW: a sentence is marked when its confidence (Translator.translate with scores: exp
// of the mean log-probability of its tokens) is below it. Chosen by scripts/measure-confidence on
// the held-out dev parts (en-de, 1 500 lines, JS API): see the README ("Confidence marks").
import { betweenPlaceholders } from '../translator/index.js';

export const UNSURE_BELOW = 0.37;

const HIGHLIGHT = 'tw-unsure';
const CSS = `::highlight(${HIGHLIGHT}) { text-decoration: underline dotted #b45309; text-decoration-thickness: 1.5px; text-underline-offset: 3px; }`;

export class ConfidenceMarks {
  constructor(doc) {
    this.doc = doc;
    this.byBlock = new Map();  // block -> its Ranges
    const win = doc.defaultView;
    this.supported = !!(win?.CSS?.highlights && win.Highlight && win.CSSStyleSheet && 'adoptedStyleSheets' in doc);
    this.highlight = null;
    this.sheet = null;
  }

  has(block) {
    return this.byBlock.has(block);
  }

  // Marks ranges of a block (replacing its earlier marks).
  mark(block, ranges) {
    this.unmark(block);
    if (!ranges.length) return;
    this.byBlock.set(block, ranges);
    if (!this.supported) return;
    this.install();
    for (const r of ranges) this.highlight.add(r);
  }

  unmark(block) {
    const ranges = this.byBlock.get(block);
    if (!ranges) return;
    this.byBlock.delete(block);
    if (this.highlight) for (const r of ranges) this.highlight.delete(r);
  }

  // Every mark and the style sheet gone (restore()).
  clear() {
    this.byBlock.clear();
    if (!this.highlight) return;
    const win = this.doc.defaultView;
    if (win.CSS.highlights.get(HIGHLIGHT) === this.highlight) win.CSS.highlights.delete(HIGHLIGHT);
    this.doc.adoptedStyleSheets = this.doc.adoptedStyleSheets.filter((s) => s !== this.sheet);
    this.highlight = null;
  }

  install() {
    if (this.highlight) return;
    const win = this.doc.defaultView;
    this.highlight = new win.Highlight();
    win.CSS.highlights.set(HIGHLIGHT, this.highlight);
    if (!this.sheet) {
      this.sheet = new win.CSSStyleSheet();
      this.sheet.replaceSync(CSS);
    }
    this.doc.adoptedStyleSheets = [...this.doc.adoptedStyleSheets, this.sheet];
  }
}

// Ranges over the text nodes `nodes` (in reading order) that cover each of `texts` where the page
// shows it, whitespace-insensitively, searching forward; texts with placeholders ({1}) are looked
// for piece by piece around them. A text not found is left unmarked.
export function rangesOf(doc, nodes, texts) {
  // The nodes' text with whitespace runs collapsed to one space, and where each character came from.
  let flat = '';
  const at = [];
  for (const node of nodes) {
    const data = node.data;
    for (let i = 0; i < data.length; i++) {
      const space = /\s/.test(data[i]);
      if (space && flat.endsWith(' ')) continue;
      flat += space ? ' ' : data[i];
      at.push([node, i]);
    }
  }
  const ranges = [];
  let from = 0;
  for (const text of texts) {
    for (const piece of betweenPlaceholders(text)) {
      const want = piece.replace(/\s+/g, ' ').trim();
      if (!want) continue;
      const k = flat.indexOf(want, from);
      if (k < 0) continue;
      const [startNode, startOffset] = at[k];
      const [endNode, endOffset] = at[k + want.length - 1];
      const r = doc.createRange();
      r.setStart(startNode, startOffset);
      r.setEnd(endNode, endOffset + 1);
      ranges.push(r);
      from = k + want.length;
    }
  }
  return ranges;
}
