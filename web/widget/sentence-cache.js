// Segment texts -> translations, through a per-language sentence cache and full worker batches.
// Each text is normalised and split into sentences once; only sentences not yet cached go to the
// translator, in batches; repeated strings (menus, list items, React re-renders) cost nothing.
import { splitSentences } from '../translator/index.js';
import { LruCache } from './lru.js';

const BATCH_SENTENCES = 24;

export class SentenceCache {
  constructor(limit = 20000) {
    this.cache = new LruCache(limit);
  }

  // -> translations of texts (same order), or null when isCurrent() turned false meanwhile.
  async translate(texts, lang, translator, isCurrent) {
    const key = (s) => `${lang}\u0000${s}`;
    const split = texts.map((t) => splitSentences(t.replace(/\s+/g, ' ').trim()));
    const todo = [...new Set(split.flat().map((s) => s.text).filter((s) => this.cache.get(key(s)) === undefined))];
    for (let i = 0; i < todo.length; i += BATCH_SENTENCES) {
      if (!isCurrent()) return null;
      const part = todo.slice(i, i + BATCH_SENTENCES);
      const out = await translator.translate(part);
      part.forEach((s, j) => this.cache.set(key(s), out[j]));
    }
    if (!isCurrent()) return null;
    return split.map((sentences) => sentences
      .map((s, i) => (i ? s.space.replace(/\s+/g, ' ') : '') + (this.cache.get(key(s.text)) ?? s.text)).join(''));
  }
}
