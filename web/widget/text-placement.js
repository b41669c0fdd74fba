// Puts a segment's translation into the page's own text nodes, in place.
//
// The page keeps every node it owns: no node is created, removed, replaced or moved, so frameworks
// (React, Vue) that keep references to their text nodes go on updating them, and every element
// keeps its attributes, listeners and identity. Only the `data` of existing text nodes changes.
//
// A segment is a run of text nodes and inline elements (see segmenter.js). Its inline elements are
//   * worded (contain letters): translated on their own too, so their translation can be found in
//     the segment's translation (where it is not, page-translator.js asks placeholder models for
//     the sentence with {n} in its place); the words found there go into the element's text nodes;
//   * verbatim (digits without letters: "3", "2024"; or an e-mail address or URL, which a model
//     must copy, never translate): part of the sentence, keep their own text, which is looked up
//     in the translation so it is not shown twice;
//   * symbolic (no letters or digits: an icon, a "¶" permalink): not sent to the model at all, keep
//     their text, and stay at the same relative place in the sentence.
// The text between placed elements is spread over the free text nodes between them, split at
// spaces in proportion to how much text each node held; adjacent text nodes render as one run, so
// the split is invisible.
import { isAddress } from '../translator/index.js';
import { deepText } from './segmenter.js';

const LETTER = /\p{L}/u;
const WORD_CHAR = /[\p{L}\p{N}]/u;

export function elementKind(el) {
  const text = el.textContent;
  if (isAddress(text)) return 'verbatim';
  if (LETTER.test(text)) return 'worded';
  return WORD_CHAR.test(text) ? 'verbatim' : 'symbolic';
}

// The text of a segment as the model should see it: symbolic elements left out, and an element
// that standIn names sent as what it maps to (a placeholder).
export function segmentSourceText(items, textOf, standIn = new Map()) {
  return items.map((n) => (n.nodeType === 3 ? textOf(n) : standIn.has(n) ? standIn.get(n)
    : elementKind(n) === 'symbolic' ? '' : deepText(n, textOf))).join('');
}

export function textNodesIn(node) {
  if (node.nodeType === 3) return [node];
  const out = [];
  for (const c of node.childNodes) out.push(...textNodesIn(c));
  return out;
}

const isWordChar = (c) => c !== undefined && WORD_CHAR.test(c);

// Index of needle in hay at or after from, starting and ending on word boundaries; -1 if none.
export function findWord(hay, needle, from) {
  if (!needle) return -1;
  for (let at = hay.indexOf(needle, from); at >= 0; at = hay.indexOf(needle, at + 1)) {
    if (!isWordChar(hay[at - 1]) && !isWordChar(hay[at + needle.length])) return at;
  }
  return -1;
}

// Moves i forward to just after a space (or to the end), never past limit.
function toWordStart(text, i, limit) {
  while (i < limit && i > 0 && text[i - 1] !== ' ') i++;
  return i;
}

// Splits text over slots (text nodes with weights) in order; the pieces concatenate to text.
// Split points are at spaces, in proportion to the weights. -> string per slot
export function spread(text, weights) {
  if (weights.length === 0) return [];
  const total = weights.reduce((a, b) => a + b, 0);
  if (total === 0) return weights.map((_, i) => (i === 0 ? text : ''));
  const out = [];
  let start = 0, acc = 0;
  weights.forEach((w, i) => {
    acc += w;
    const end = i === weights.length - 1 ? text.length : toWordStart(text, Math.round((acc / total) * text.length), text.length);
    const cut = Math.max(start, end);
    out.push(text.slice(start, cut));
    start = cut;
  });
  return out;
}

const weightOf = (original) => original.replace(/\s+/g, ' ').trim().length;

// Where `translation` (of the segment's source text) goes in the segment's text nodes.
//   items: the segment's top-level nodes; textOf(textNode): its original text;
//   partTranslation(el): the translation of a worded element's own text (or undefined);
//   spacing: where the segment's leading / trailing space comes from: 'source' (the default: it
//   borders other text of the page) or 'translation' (it borders a kept element that the model
//   placed the text around: "la commande {1}." has no space before the full stop).
// -> Map(text node -> new data) for every node that shows part of the translation; the text nodes
// of verbatim and symbolic elements are not in it (they keep their original text).
export function placeSegment(items, translation, { textOf, partTranslation, spacing = { lead: 'source', trail: 'source' } }) {
  const source = segmentSourceText(items, textOf);
  const spaceOf = (from, re) => (re.test(from === 'source' ? source : translation) ? ' ' : '');
  const full = translation.trim();
  const placed = locateElements(items, source, full, { textOf, partTranslation });
  return writeAround(items, placed, full, { textOf, partTranslation, lead: spaceOf(spacing.lead, /^\s/), trail: spaceOf(spacing.trail, /\s$/) });
}

// 1. Where each inline element of the segment goes in its translation `full`:
// [{ item, at, end, kind, spaceBefore?, spaceAfter? }], one per element, in order.
function locateElements(items, source, full, { textOf, partTranslation }) {
  const lower = full.toLowerCase();
  const srcLen = Math.max(source.length, 1);
  let srcPos = 0;
  let cursor = 0;
  const placed = [];  // { item, at, end, kind }
  for (const item of items) {
    const startInSource = srcPos;
    if (item.nodeType === 3) {
      srcPos += textOf(item).length;
      continue;
    }
    const kind = elementKind(item);
    if (kind !== 'symbolic') srcPos += deepText(item, textOf).length;
    const proportional = () => toWordStart(full, Math.max(cursor, Math.round((startInSource / srcLen) * full.length)), full.length);
    // Where an element that keeps its own text stands: an element that opens or closes the
    // segment keeps that place (a price after a product's description, an icon before a label),
    // others stand in proportion; at the end, spaced from the words before as in the source.
    const ownPlace = () => {
      const at = startInSource === 0 ? cursor : srcPos >= source.trimEnd().length ? full.length : proportional();
      return { at, spaceBefore: at === full.length && /\s$/.test(source.slice(0, startInSource)) };
    };
    if (kind === 'symbolic') {
      const { at, spaceBefore } = ownPlace();
      placed.push({ item, at, end: at, kind, spaceBefore });
      cursor = Math.max(cursor, at);
      continue;
    }
    const want = (kind === 'verbatim' ? deepText(item, textOf) : partTranslation(item) ?? '').trim();
    let at = findWord(lower, want.toLowerCase(), cursor);
    let end = at + want.length;
    if (at < 0) {
      if (kind === 'verbatim') {  // the model dropped or changed it: keep it where it stood
        const { at: place, spaceBefore } = ownPlace();
        at = end = place;
        // `at` starts a word, so the text before ends in a space; the words after need one too.
        placed.push({ item, at, end, kind, spaceAfter: true, spaceBefore });
        cursor = end;
        continue;
      } else {
        // Not found verbatim: the element takes words of the translation from the proportional
        // position. The text is still exactly the segment's translation; only the element's
        // extent is approximate.
        at = proportional();
        // Past the end (the translation is shorter): the last word, so a link never ends up empty.
        if (at >= full.length) at = Math.max(cursor, full.trimEnd().lastIndexOf(' ') + 1);
        end = at;
        // As many words as its own translation has, but no more than its share of the sentence
        // (a short phrase translated alone often comes back padded).
        const count = (t) => t.split(/\s+/).filter(Boolean).length;
        const share = Math.round((count(deepText(item, textOf)) / Math.max(1, count(source))) * count(full));
        const words = Math.max(1, Math.min(count(want), share));
        for (let w = 0; w < words && end < full.length; w++) {
          while (end < full.length && full[end] === ' ') end++;
          while (end < full.length && full[end] !== ' ') end++;
        }
      }
    }
    placed.push({ item, at, end, kind });
    cursor = end;
  }
  return placed;
}

// 2. Each placed worded element gets its range of `full`; the gaps go to the free text nodes
// around (lead, trail: the spaces the segment starts and ends with). -> text node -> new data.
function writeAround(items, placed, full, { textOf, partTranslation, lead, trail }) {
  const writes = new Map();  // text node -> new data
  let from = 0;
  let free = [];
  let lastWorded = null;
  let spaceFirst = false;
  const flushGap = (to, isLast, spaceLast = false) => {
    let gap = full.slice(from, to);
    if (from === 0) gap = lead + gap.trimStart();
    if (spaceFirst && gap && !/^\s/.test(gap)) gap = ' ' + gap;
    if (isLast) gap = gap.trimEnd() + trail;
    if (spaceLast && gap && !/\s$/.test(gap)) gap += ' ';
    if (free.length) {
      spread(gap, free.map((n) => weightOf(textOf(n)))).forEach((s, i) => writes.set(free[i], s));
    } else if (gap && lastWorded) {
      // No free node here (two elements side by side): the words join the element before.
      const nodes = textNodesIn(lastWorded);
      if (nodes.length) writes.set(nodes[nodes.length - 1], (writes.get(nodes[nodes.length - 1]) ?? '') + gap);
    }
    free = [];
  };
  let p = 0;
  for (const item of items) {
    if (item.nodeType === 3) {
      free.push(item);
      continue;
    }
    const spot = placed[p++];
    flushGap(spot.at, false, spot.spaceBefore);
    from = spot.end;
    spaceFirst = !!spot.spaceAfter;
    if (spot.kind === 'worded') {
      const inner = textNodesIn(item).filter((n) => !isInsideFixed(n, item));
      // No words of the translation left for it (earlier elements took them all): its own
      // translation, so a link or a button never ends up empty and unclickable.
      let text = full.slice(spot.at, spot.end);
      if (!text.trim()) text = ' ' + (partTranslation(item) ?? deepText(item, textOf)).trim();
      spread(text, inner.map((n) => weightOf(textOf(n)))).forEach((s, i) => writes.set(inner[i], s));
      lastWorded = item;
    }
  }
  flushGap(full.length, true);
  return writes;
}

// True for a text node inside a symbolic/verbatim element nested in a worded one: it keeps its text.
function isInsideFixed(node, top) {
  for (let el = node.parentNode; el && el !== top; el = el.parentNode) {
    if (el.nodeType === 1 && elementKind(el) !== 'worded') return true;
  }
  return false;
}
