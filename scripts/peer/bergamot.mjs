// Runs the Bergamot peer on a Marian .bin with local buffers (no registry download), in Node or in
// a browser page (pass the package's translator.js module as `module` there).
export async function createBergamot({ model, vocab, shortlist = null, precision = 'int8shiftAll', from = 'en', to = 'de', module = null, batchSize = 64 }) {
  const { TranslatorBacking, BatchTranslator } = module ?? await import('@browsermt/bergamot-translator/translator.js');
  class LocalBacking extends TranslatorBacking {
    // (sic) the method name is spelled this way in the package
    async loadModelRegistery() {
      const files = { model: { name: 'model' }, vocab: { name: 'vocab' }, config: { 'gemm-precision': precision } };
      if (shortlist) files.lex = { name: 'lex' };
      return [{ from, to, files }];
    }
    async fetch(name) { return { model, vocab, lex: shortlist }[name]; }
  }
  const translator = new BatchTranslator({ batchSize }, new LocalBacking({}));
  return {
    async translate(lines) {
      const out = await Promise.all(lines.map((text) => translator.translate({ from, to, text, html: false })));
      return out.map((r) => r.target.text);
    },
    dispose() { translator.remove?.(); for (const w of translator.workers ?? []) w.worker?.terminate?.(); },
  };
}
