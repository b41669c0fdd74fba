// Runs the Bergamot peer on a Marian .bin in Node with local buffers (no registry download).
import { TranslatorBacking, BatchTranslator } from '@browsermt/bergamot-translator/translator.js';

export async function createBergamot({ model, vocab, precision = 'int8shiftAll', from = 'en', to = 'de' }) {
  class LocalBacking extends TranslatorBacking {
    // (sic) the method name is spelled this way in the package
    async loadModelRegistery() {
      return [{ from, to, files: { model: { name: 'model' }, vocab: { name: 'vocab' }, config: { 'gemm-precision': precision } } }];
    }
    async fetch(name) { return name === 'model' ? model : vocab; }
  }
  const translator = new BatchTranslator({ batchSize: 64 }, new LocalBacking({}));
  return {
    async translate(lines) {
      const out = await Promise.all(lines.map((text) => translator.translate({ from, to, text, html: false })));
      return out.map((r) => r.target.text);
    },
    dispose() { translator.remove?.(); for (const w of translator.workers ?? []) w.worker?.terminate?.(); },
  };
}
