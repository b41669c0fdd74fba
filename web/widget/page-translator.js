// Translates a live page in place and restores it exactly.
//
// Units are blocks (see segmenter.js). A block's segment is translated as a whole (sentence by
// sentence, for quality); each inline element in it is also translated on its own and put back
// where its translation appears in the segment's translation (or at the proportional position),
// so links keep their href, listeners and place. Only text nodes are ever created: model output
// is never parsed as HTML. Restoring puts the original node objects and attribute values back.
import { splitSentences } from '../translator/sentences.js';
import { LruCache } from './lru.js';
import { findAttributeTargets, findBlocks, segmentsOf } from './segmenter.js';

const BATCH_SENTENCES = 24;
const isLetter = (c) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

// Index of needle in hay at or after from, starting and ending on word boundaries; -1 if none.
function findWord(hay, needle, from) {
  for (let at = hay.indexOf(needle, from); at >= 0; at = hay.indexOf(needle, at + 1)) {
    if (!isLetter(hay[at - 1]) && !isLetter(hay[at + needle.length])) return at;
  }
  return -1;
}

export class PageTranslator {
  constructor(doc, { sourceLang, getTranslator, onProgress = () => {}, onDone = () => {} }) {
    this.doc = doc;
    this.sourceLang = sourceLang;
    this.getTranslator = getTranslator;   // async (lang) -> { translate(string[]) }
    this.onProgress = onProgress;
    this.onDone = onDone;
    this.cache = new LruCache(20000);
    this.saved = new Map();       // block -> { children: Node[], inner: Map<Element, Node[]> }
    this.savedAttrs = [];         // [{ el, attr, value }]
    this.generation = 0;
    this.lang = null;
    this.priority = null;
    this.mutations = new MutationObserver((records) => this.onMutations(records));
    this.io = typeof IntersectionObserver === 'function'
      ? new IntersectionObserver((entries) => { for (const e of entries) if (e.isIntersecting) this.priority?.push(e.target); })
      : null;
  }

  // Translates the page into lang; resolves once the blocks in view are done (the rest follows).
  async translatePage(lang) {
    const gen = ++this.generation;
    if (this.lang && this.lang !== lang) this.restore({ keepGeneration: true });
    if (lang === this.sourceLang) {
      this.lang = null;
      return;
    }
    this.lang = lang;
    const translator = await this.getTranslator(lang);
    if (gen !== this.generation) return;
    const blocks = findBlocks(this.doc.body, this.sourceLang).filter((b) => !this.saved.has(b));
    const attrs = findAttributeTargets(this.doc.body, this.sourceLang);
    const { inView, later } = await this.byViewport(blocks);
    if (gen !== this.generation) return;
    this.observeMutations(true);
    await this.translateBlocks(inView, attrs, translator, gen);
    if (gen !== this.generation) return;
    this.onDone({ lang, phase: 'in-view', blocks: inView.length });
    // The rest continues in the background, blocks that scroll into view first.
    this.background = this.translateRest(later, translator, gen);
  }

  async translateRest(blocks, translator, gen) {
    const done = new Set();
    this.priority = [];  // blocks that scrolled into view, filled by the IntersectionObserver
    for (const b of blocks) this.io?.observe(b);
    let next = 0;
    while (gen === this.generation) {
      const batch = [];
      while (batch.length < 8 && this.priority.length) {
        const b = this.priority.pop();
        if (!done.has(b)) { done.add(b); batch.push(b); }
      }
      while (batch.length < 8 && next < blocks.length) {
        const b = blocks[next++];
        if (!done.has(b)) { done.add(b); batch.push(b); }
      }
      if (!batch.length) break;
      await this.translateBlocks(batch, [], translator, gen);
      // Cached sentences resolve without the worker: yield so the page stays responsive.
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    for (const b of blocks) this.io?.unobserve(b);
    if (gen === this.generation) this.onDone({ lang: this.lang, phase: 'all', blocks: blocks.length });
  }

  // Splits blocks into those in view and the rest. An IntersectionObserver reports the initial
  // state of every target in its first callback, without a forced synchronous layout (which on a
  // page of thousands of blocks would itself be a long task).
  async byViewport(blocks) {
    const view = this.doc.defaultView;
    if (typeof view?.IntersectionObserver !== 'function' || !blocks.length) return { inView: [], later: blocks };
    const seen = new Map();
    await new Promise((resolve) => {
      const io = new view.IntersectionObserver((entries) => {
        for (const e of entries) seen.set(e.target, e.isIntersecting);
        if (seen.size >= blocks.length) { io.disconnect(); resolve(); }
      });
      for (const b of blocks) io.observe(b);
    });
    const inView = [], later = [];
    for (const b of blocks) (seen.get(b) ? inView : later).push(b);
    return { inView, later };
  }

  // Translates a list of strings with the cache, in batches, unless the generation changed.
  async translateTexts(texts, translator, gen) {
    const key = (s) => `${this.lang}\u0000${s}`;
    const todo = [...new Set(texts.filter((t) => this.cache.get(key(t)) === undefined))];
    for (let i = 0; i < todo.length; i += BATCH_SENTENCES) {
      if (gen !== this.generation) return null;
      const part = todo.slice(i, i + BATCH_SENTENCES);
      const out = await translator.translate(part);
      part.forEach((s, j) => this.cache.set(key(s), out[j]));
    }
    if (gen !== this.generation) return null;
    return texts.map((t) => this.cache.get(key(t)));
  }

  async translateSegmentText(text, translator, gen) {
    const core = text.replace(/\s+/g, ' ').trim();
    const sentences = splitSentences(core);
    const out = await this.translateTexts(sentences.map((s) => s.text), translator, gen);
    if (!out) return null;
    return out.map((t, i) => (i ? sentences[i].space.replace(/\s+/g, ' ') : '') + t).join('');
  }

  async translateBlocks(blocks, attrs, translator, gen) {
    // Gather every string first so the worker sees full batches.
    const jobs = [];
    for (const block of blocks) {
      for (const seg of segmentsOf(block, this.sourceLang)) {
        const inlines = seg.items.filter((n) => n.nodeType === 1 && /[\p{L}\p{N}]/u.test(n.textContent));
        jobs.push({ block, seg, inlines });
      }
    }
    const sentences = [];
    for (const j of jobs) {
      for (const t of [j.seg.text, ...j.inlines.map((e) => e.textContent)]) {
        for (const s of splitSentences(t.replace(/\s+/g, ' ').trim())) sentences.push(s.text);
      }
    }
    for (const a of attrs) sentences.push(a.text.trim());
    if (!(await this.translateTexts(sentences, translator, gen))) return;
    const translated = new Map();
    for (const j of jobs) {
      const full = await this.translateSegmentText(j.seg.text, translator, gen);
      const parts = [];
      for (const e of j.inlines) parts.push(await this.translateSegmentText(e.textContent, translator, gen));
      if (full === null || parts.includes(null)) return;
      translated.set(j, { full, parts });
    }
    if (gen !== this.generation) return;
    for (const j of jobs) this.applySegment(j.block, j.seg, j.inlines, translated.get(j));
    for (const a of attrs) {
      const t = this.cache.get(`${this.lang}\u0000${a.text.trim()}`);
      if (t === undefined) continue;
      this.savedAttrs.push({ el: a.el, attr: a.attr, value: a.text });
      a.el.setAttribute(a.attr, t);
    }
    this.mutations.takeRecords();  // our own changes are not "new content"
  }

  applySegment(block, seg, inlines, { full: translated, parts }) {
    let full = translated;
    if (!this.saved.has(block)) this.saved.set(block, { children: [...block.childNodes], inner: new Map() });
    const state = this.saved.get(block);
    // Leading punctuation of the source segment (", which …" after a <code>) is kept when the
    // translation drops it, so the run does not glue onto the element before it.
    const punct = seg.text.match(/^\s*([,;:)\]]+\s*)/u)?.[1] ?? '';
    if (punct && !/^[\p{P}]/u.test(full)) full = punct.trim() + ' ' + full;
    const lead = /^\s/.test(seg.text) ? ' ' : '', trail = /\s$/.test(seg.text) ? ' ' : '';
    // Place each inline element's translation inside the full translation.
    const pieces = [];  // strings and elements in order
    let cursor = 0;
    const lower = full.toLowerCase();
    const srcLen = Math.max(seg.text.length, 1);
    let srcPos = 0;
    const itemStart = new Map();
    for (const n of seg.items) { itemStart.set(n, srcPos); srcPos += n.textContent.length; }
    inlines.forEach((el, i) => {
      const t = parts[i];
      let at = t ? findWord(lower, t.toLowerCase(), cursor) : -1;
      let take = t.length;
      if (at < 0) {
        // Not found verbatim: the element wraps as many words of the full translation as its own
        // translation has, from the proportional position (moved to a word start). The text stays
        // exactly the segment's translation; only the element's extent is approximate.
        at = Math.max(cursor, Math.round((itemStart.get(el) / srcLen) * full.length));
        while (at < full.length && at > 0 && full[at - 1] !== ' ') at++;
        const words = Math.max(1, t.split(/\s+/).filter(Boolean).length);
        let end = at;
        for (let w = 0; w < words && end < full.length; w++) {
          while (end < full.length && full[end] === ' ') end++;
          while (end < full.length && full[end] !== ' ') end++;
        }
        take = end - at;
      }
      pieces.push(full.slice(cursor, at));
      if (!state.inner.has(el)) state.inner.set(el, [...el.childNodes]);
      const text = take ? full.slice(at, at + take) : t;
      el.replaceChildren(this.doc.createTextNode(take ? text : (at > 0 && full[at - 1] !== ' ' ? ' ' : '') + text + ' '));
      pieces.push(el);
      cursor = at + take;
    });
    pieces.push(full.slice(cursor));
    const nodes = pieces.filter((p) => p !== '').map((p) => (typeof p === 'string' ? this.doc.createTextNode(p) : p));
    if (lead) nodes.unshift(this.doc.createTextNode(lead));
    if (trail) nodes.push(this.doc.createTextNode(trail));
    // Replace the segment's items in place, leaving the block's other children where they are.
    const first = seg.items[0];
    const parent = first.parentNode;
    if (!parent) return;
    const anchor = this.doc.createTextNode('');
    parent.insertBefore(anchor, first);
    for (const n of seg.items) if (!inlines.includes(n)) n.remove();
    for (const n of nodes) parent.insertBefore(n, anchor);
    anchor.remove();
  }

  restore({ keepGeneration = false } = {}) {
    if (!keepGeneration) this.generation++;
    this.observeMutations(false);
    for (const [block, state] of this.saved) {
      for (const [el, kids] of state.inner) el.replaceChildren(...kids);
      block.replaceChildren(...state.children);
    }
    for (const { el, attr, value } of this.savedAttrs.reverse()) el.setAttribute(attr, value);
    this.saved.clear();
    this.savedAttrs = [];
    this.lang = null;
    this.mutations.takeRecords();
  }

  observeMutations(on) {
    if (on) this.mutations.observe(this.doc.body, { childList: true, subtree: true });
    else this.mutations.disconnect();
  }

  // New content added by the page: translate the blocks it brings, batched.
  onMutations(records) {
    if (!this.lang) return;
    for (const r of records) for (const n of r.addedNodes) if (n.nodeType === 1 && !n.closest?.('[data-translate-widget]')) (this.pending ??= new Set()).add(n);
    if (!this.pending || this.flushTimer) return;
    this.flushTimer = setTimeout(async () => {
      this.flushTimer = null;
      const roots = [...this.pending].filter((n) => n.isConnected);
      this.pending = null;
      const gen = this.generation;
      const translator = await this.getTranslator(this.lang);
      const blocks = roots.flatMap((r) => findBlocks(r, this.sourceLang)).filter((b) => !this.saved.has(b));
      const attrs = roots.flatMap((r) => findAttributeTargets(r, this.sourceLang));
      await this.translateBlocks(blocks, attrs, translator, gen);
      if (gen === this.generation) this.onDone({ lang: this.lang, phase: 'dynamic', blocks: blocks.length });
    }, 50);
  }
}
