// Segment texts -> translations, through a per-language sentence cache and full worker batches.
// Each text is normalised and split into sentences once; only sentences not yet cached go to the
// translator, in batches; repeated strings (menus, list items, React re-renders) cost nothing.
// With scores, each sentence's confidence is asked for and kept beside its translation
// (confidence-marks.js).
import { splitSentences } from '../translator/index.js';
import { LruCache } from './lru.js';

const BATCH_SENTENCES = 24;

export class SentenceCache {
  constructor({ limit = 20000, scores = false } = {}) {
    this.cache = new LruCache(limit);  // key -> { text, confidence }
    this.scores = scores;
  }

  // -> translations of texts (same order), or null when isCurrent() turned false meanwhile.
  async translate(texts, lang, translator, isCurrent) {
    const split = texts.map((t) => this.sentencesOf(t));
    const todo = [...new Set(split.flat().map((s) => s.text).filter((s) => this.get(lang, s) === undefined))];
    for (let i = 0; i < todo.length; i += BATCH_SENTENCES) {
      if (!isCurrent()) return null;
      const part = todo.slice(i, i + BATCH_SENTENCES);
      const out = await translator.translate(part, { scores: this.scores });
      part.forEach((s, j) => this.cache.set(key(lang, s), this.scores ? out[j] : { text: out[j], confidence: null }));
    }
    if (!isCurrent()) return null;
    return split.map((sentences) => sentences
      .map((s, i) => (i ? s.space.replace(/\s+/g, ' ') : '') + (this.get(lang, s.text)?.text ?? s.text)).join(''));
  }

  // The translations of text's sentences whose confidence is below threshold (cached ones only).
  unsureIn(text, lang, threshold) {
    return this.sentencesOf(text).map((s) => this.get(lang, s.text))
      .filter((t) => t && t.confidence !== null && t.confidence < threshold).map((t) => t.text);
  }

  sentencesOf(text) {
    return splitSentences(text.replace(/\s+/g, ' ').trim());
  }

  get(lang, sentence) {
    return this.cache.get(key(lang, sentence));
  }
}

const key = (lang, s) => `${lang}\u0000${s}`;
