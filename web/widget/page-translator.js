// Translates a live page in place, follows the page's own updates, and restores it exactly.
//
// The jobs are split: segmenter.js finds what to translate, kept-inline.js what the model is sent
// of a sentence with kept elements in it, sentence-cache.js turns texts into translations,
// text-placement.js decides which text node shows which words, restore-ledger.js
// keeps the page's originals, scheduler.js orders the work, confidence-marks.js underlines what the
// model was unsure of, original-popup.js shows a block's original on demand. This file runs them and watches the
// page: when the page (a framework) writes into a block we translated, that block is translated
// again from its new original text; new content is translated as it appears. Only the widget's
// own writes are ignored, and the widget only ever changes text node data and attribute values.
import { RestoreLedger } from './restore-ledger.js';
import { Scheduler } from './scheduler.js';
import { unitsOf } from './kept-inline.js';
import { deepText, findAttributeTargets, findBlocks, isKeptInline, readableAttributes, segmentsOf, TRANSLATED_ATTRIBUTES } from './segmenter.js';
import { SentenceCache } from './sentence-cache.js';
import { ConfidenceMarks, rangesOf } from './confidence-marks.js';
import { OriginalPopup } from './original-popup.js';
import { cutAtPlaceholders, fillFound, fillPlaceholders, hasPlaceholder, placeholder } from '../translator/index.js';
import { elementKind, findWord, placeSegment, segmentSourceText, textNodesIn } from './text-placement.js';

const FOLLOW_DELAY_MS = 30;  // page updates within this window are translated together

export class PageTranslator {
  // showOriginal: the popup with a block's original (original-popup.js); unsureBelow: the
  // confidence under which a sentence is marked (confidence-marks.js), null for no marks.
  constructor(doc, { sourceLang, getTranslator, onDone = () => {}, onError = () => {}, showOriginal = true, unsureBelow = null }) {
    this.doc = doc;
    this.sourceLang = sourceLang;
    this.getTranslator = getTranslator;   // async (lang) -> { translate(string[], { scores }) }
    this.onDone = onDone;
    this.onError = onError;   // a failure while following the page's updates
    this.unsureBelow = unsureBelow;
    this.cache = new SentenceCache({ scores: unsureBelow !== null });
    this.ledger = new RestoreLedger();
    this.marks = new ConfidenceMarks(doc);
    this.popup = showOriginal ? new OriginalPopup(doc, {
      blockOf: (node) => this.blockOf(node),
      originalOf: (block) => deepText(block, this.ledger.textOf),
      unsure: (block) => this.marks.has(block),
      uiLang: () => this.lang ?? this.sourceLang,
    }) : null;
    this.scheduler = new Scheduler(doc);
    this.blocks = new Set();   // blocks shown translated
    this.generation = 0;
    this.lang = null;
    this.dirty = new Set();    // translated blocks the page changed since
    this.newRoots = new Set(); // content the page added
    this.observer = new MutationObserver((records) => this.onMutations(records));
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
    const blocks = findBlocks(this.doc.body, this.sourceLang, this.ledger.textOf).filter((b) => !this.blocks.has(b));
    const attrs = findAttributeTargets(this.doc.body, this.sourceLang, this.ledger.attrOf);
    const { inView, later } = await this.scheduler.byViewport(blocks);
    if (gen !== this.generation) return;
    // The tab's title is always in view (and the first thing a visitor switching tabs reads).
    inView.unshift(...this.titleBlocks().filter((b) => !this.blocks.has(b)));
    this.popup?.attach();
    this.observe(true);
    await this.translateBlocks(inView, attrs, translator, gen);
    if (gen !== this.generation) return;
    this.onDone({ lang, phase: 'in-view', blocks: inView.length });
    // The rest continues in the background, blocks that scroll into view first.
    this.background = this.scheduler.background(later,
      (batch) => this.translateBlocks(batch.filter((b) => !this.blocks.has(b)), [], translator, gen),
      () => gen === this.generation)
      .then((finished) => { if (finished) this.onDone({ lang, phase: 'all', blocks: later.length }); });
  }

  // The document's <title>, a block of its own (not in the body, so findBlocks never sees it).
  titleBlocks() {
    const title = this.doc.head?.querySelector('title');
    return title ? findBlocks(title, this.sourceLang, this.ledger.textOf) : [];
  }

  // What the model sees of a block: its segments as units (kept-inline.js), each with the worded
  // inline elements in it (translated on their own too, to be found in the unit's translation).
  jobsOf(block, placeholders) {
    return segmentsOf(block, this.sourceLang, this.ledger.textOf).flatMap((seg) => this.jobsOfSegment(block, seg, placeholders));
  }

  jobsOfSegment(block, seg, placeholders) {
    const textOf = this.ledger.textOf;
    const quantities = seg.items.filter((n) => n.nodeType === 1 && elementKind(n) === 'verbatim' && !isKeptInline(n, this.sourceLang));
    return unitsOf(seg, { sourceLang: this.sourceLang, textOf, placeholders }).map((unit) => ({
      block, ...unit, quantities, original: segmentSourceText(unit.items, textOf),
      worded: unit.items.filter((n) => n.nodeType === 1 && !isKeptInline(n, this.sourceLang) && elementKind(n) === 'worded'),
    }));
  }

  // One request for everything: units, their worded elements and attributes, so the worker sees
  // full batches. -> { done: [{ job, full, parts }], attrs: [translation] }, or null if superseded.
  async translateJobs(jobs, attrs, translator, gen) {
    const textOf = this.ledger.textOf;
    const texts = [];
    for (const j of jobs) texts.push(j.source, ...j.worded.map((e) => deepText(e, textOf)));
    for (const a of attrs) texts.push(a.text.trim());
    const out = await this.cache.translate(texts, this.lang, translator, () => gen === this.generation);
    if (!out) return null;
    let k = 0;
    const done = jobs.map((job) => ({ job, full: out[k++], parts: new Map(job.worded.map((e) => [e, out[k++]])) }));
    return { done, attrs: attrs.map(() => out[k++]) };
  }

  async translateBlocks(blocks, attrs, translator, gen) {
    const textOf = this.ledger.textOf;
    const placeholders = translator.placeholders === true;
    const first = await this.translateJobs(blocks.flatMap((b) => this.jobsOf(b, placeholders)), attrs, translator, gen);
    if (!first) return;
    // Sentences whose placeholders did not come back: their runs as sentences of their own.
    for (const r of first.done) if (r.job.runs) r.pieces = cutAtPlaceholders(r.full, r.job.runs.length);
    const failed = first.done.filter((r) => r.job.runs && !r.pieces);
    let done = first.done.filter((r) => !failed.includes(r));
    if (failed.length) {
      const again = await this.translateJobs(failed.flatMap((r) => this.jobsOfSegment(r.job.block, r.job, false)), [], translator, gen);
      if (!again) return;
      done = done.concat(again.done);
    }
    if (placeholders && !(await this.fillMissedParts(done, translator, gen))) return;
    let changed = false;
    const unsure = new Map();  // block -> ranges of its unsure sentences
    this.writing(() => {
      for (const r of done) {
        const j = r.job;
        // The page changed this unit while it was being translated: its new text comes next.
        if (this.dirty.has(j.block) || segmentSourceText(j.items, textOf) !== j.original || !j.items.every((n) => n.parentNode === j.block)) {
          this.dirty.add(j.block);
          changed = true;
          continue;
        }
        this.applyUnit(r, translator);
        this.blocks.add(j.block);
        unsure.set(j.block, [...(unsure.get(j.block) ?? []), ...this.unsureRanges(r)]);
      }
      for (const [block, ranges] of unsure) this.marks.mark(block, ranges);
      attrs.forEach((a, i) => {
        if (this.ledger.attrOf(a.el, a.attr) === a.text) this.ledger.writeAttr(a.el, a.attr, first.attrs[i]);
      });
    });
    // A unit the page changed meanwhile goes again from its new text. The follow that the change
    // started may already be under way and then skip it too (this block is marked dirty again
    // here), so one more is started: without it a counter clicked three times during a slow
    // translation kept showing the first count (React test, under load).
    if (changed) this.scheduleFollow();
  }

  // A worded element whose own translation is not in its sentence's (the model worded it otherwise
  // in context) would get words by position only: "Read the <a>frequently asked questions</a> or
  // write to us." showed a link on "? Lis les". With models that pass placeholders, such a sentence
  // goes again with {n} standing for each of those elements, and their own translations fill the
  // places. Sentences with kept elements (their own {n}) or with "{1}" in the page's text are left
  // to placement by position. -> false if superseded.
  async fillMissedParts(done, translator, gen) {
    const textOf = this.ledger.textOf;
    const todo = [];
    for (const r of done) {
      if (r.job.runs || hasPlaceholder(r.job.source)) continue;
      const lower = r.full.toLowerCase();
      const missed = r.job.worded.filter((e) => {
        const own = r.parts.get(e)?.trim();
        return own && findWord(lower, own.toLowerCase(), 0) < 0;
      });
      if (!missed.length) continue;
      const text = segmentSourceText(r.job.items, textOf, new Map(missed.map((e, k) => [e, placeholder(k + 1)])));
      todo.push({ r, text, back: [null, ...missed.map((e) => r.parts.get(e).trim())] });
    }
    if (!todo.length) return true;
    const out = await this.cache.translate(todo.map((t) => t.text), this.lang, translator, () => gen === this.generation);
    if (!out) return false;
    todo.forEach(({ r, text, back }, i) => {
      const filled = fillPlaceholders(out[i], back);
      if (filled === null) return;
      r.full = filled;
      r.refill = { text, back };
    });
    return true;
  }

  // Where the unit's unsure sentences (below unsureBelow) show on the page: ranges over its text nodes.
  unsureRanges({ job, refill }) {
    if (this.unsureBelow === null || !this.doc.body.contains(job.block)) return [];  // not the tab's title
    const texts = refill
      ? this.cache.unsureIn(refill.text, this.lang, this.unsureBelow).map((t) => fillFound(t, refill.back))
      : this.cache.unsureIn(job.source, this.lang, this.unsureBelow);
    return texts.length ? rangesOf(this.doc, job.items.flatMap((n) => textNodesIn(n)), texts) : [];
  }

  // A unit's translation into its text nodes: whole, or piece by piece around its kept elements.
  applyUnit({ job, full, parts, pieces }, translator) {
    const textOf = this.ledger.textOf;
    const writes = new Map();
    const runs = job.runs ?? [job.items];
    runs.forEach((run, i) => {
      // Beside a kept element the model's spacing counts; at the unit's ends the page's.
      const spacing = { lead: i > 0 ? 'translation' : 'source', trail: i < runs.length - 1 ? 'translation' : 'source' };
      const placed = placeSegment(run, pieces ? pieces[i] : full, { textOf, partTranslation: (el) => parts.get(el), spacing });
      for (const [node, data] of placed) writes.set(node, data);
    });
    for (const item of job.items) {
      for (const node of textNodesIn(item)) {
        // Nodes that show none of the translation show their original (it may have shown some before).
        const data = writes.has(node) ? writes.get(node) : textOf(node);
        if (node.data !== data) this.writeText(node, data);
      }
    }
    // A price or number that is an element of its own ("<span class=price>€89.90</span>") keeps
    // its place, in the reader's format ("89,90 €"); kept elements (code, translate="no") do not
    // count. Elements the translation placed words in are not among them.
    for (const el of job.quantities) {
      for (const node of textNodesIn(el)) {
        if (writes.has(node)) continue;
        const data = translator.localizeQuantity?.(textOf(node)) ?? textOf(node);
        if (node.data !== data) this.writeText(node, data);
      }
    }
  }

  writeText(node, data) {
    // An <option> without a value submits its text: pin the original so forms still work.
    const option = node.parentNode;
    if (option?.tagName === 'OPTION' && !option.hasAttribute('value') && !this.ledger.isTracked(node))
      this.ledger.writeAttr(option, 'value', deepText(option, this.ledger.textOf).replace(/\s+/g, ' ').trim());
    this.ledger.writeText(node, data);
  }

  // Runs our own DOM writes so the observer does not take them for the page's: what the page did
  // before is handled first, what we did is dropped.
  writing(fn) {
    const before = this.observer.takeRecords();
    if (before.length) this.onMutations(before);
    try {
      fn();
    } finally {
      this.observer.takeRecords();
    }
  }

  restore({ keepGeneration = false } = {}) {
    if (!keepGeneration) this.generation++;
    this.observe(false);
    this.popup?.detach();
    this.marks.clear();
    this.ledger.restore();
    this.blocks.clear();
    this.dirty.clear();
    this.newRoots.clear();
    this.lang = null;
  }

  observe(on) {
    if (on) {
      this.observer.observe(this.doc.body, { childList: true, subtree: true, characterData: true, attributes: true,
        attributeFilter: [...TRANSLATED_ATTRIBUTES, 'value'] });
      // Single-page apps set document.title on every route change.
      if (this.doc.head) this.observer.observe(this.doc.head, { childList: true, subtree: true, characterData: true });
    } else {
      this.observer.disconnect();
    }
  }

  // The translated block a node belongs to, or null.
  blockOf(node) {
    for (let n = node; n && n !== this.doc.body.parentNode; n = n.parentNode) if (this.blocks.has(n)) return n;
    return null;
  }

  // The page changed: text in translated blocks is translated again, new content for the first time.
  onMutations(records) {
    if (!this.lang) return;
    for (const r of records) {
      const el = r.target.nodeType === 1 ? r.target : r.target.parentElement;
      if (el?.closest('[data-translate-widget]')) continue;
      if (r.type === 'characterData') {
        this.ledger.pageWroteText(r.target);
        const block = this.blockOf(r.target);
        if (block) this.dirty.add(block);
        else if (el) this.newRoots.add(el);
      } else if (r.type === 'childList') {
        const block = this.blockOf(r.target);
        if (block) this.dirty.add(block);
        for (const n of r.addedNodes) if (n.nodeType === 1) this.newRoots.add(n);
        if (!block && [...r.addedNodes].some((n) => n.nodeType === 3)) this.newRoots.add(r.target);
      } else if (r.type === 'attributes' && readableAttributes(r.target).includes(r.attributeName)) {
        this.ledger.pageWroteAttr(r.target, r.attributeName);
        this.newRoots.add(r.target);
      }
    }
    this.scheduleFollow();
  }

  scheduleFollow() {
    if ((this.dirty.size || this.newRoots.size) && !this.followTimer)
      this.followTimer = setTimeout(() => this.follow().catch((e) => this.onError(e)), FOLLOW_DELAY_MS);
  }

  async follow() {
    this.followTimer = null;
    const gen = this.generation;
    if (!this.lang) return;
    const dirty = [...this.dirty].filter((b) => b.isConnected);
    const roots = [...this.newRoots].filter((n) => n.isConnected);
    this.dirty.clear();
    this.newRoots.clear();
    const translator = await this.getTranslator(this.lang);
    if (gen !== this.generation) return;
    const fresh = roots.flatMap((r) => findBlocks(r, this.sourceLang, this.ledger.textOf)).filter((b) => !this.blocks.has(b));
    const blocks = [...new Set([...dirty, ...fresh])];
    // Attributes: every readable one under the new roots whose shown value is still the original.
    const attrs = roots.flatMap((r) => findAttributeTargets(r, this.sourceLang, this.ledger.attrOf))
      .filter((a) => a.el.getAttribute(a.attr) === a.text);
    await this.translateBlocks(blocks, attrs, translator, gen);
    if (gen === this.generation) this.onDone({ lang: this.lang, phase: 'dynamic', blocks: blocks.length });
  }
}
