// Runs inside the worker: one WASM engine module, one C-API translator per stage of the chain
// (one stage, or two when pivoting through English), and the engine's CPU decoder. See
// engine/bindings/c_api.h.
import { isNode } from '../features.js';

// Emscripten 3.1.6's pthread glue for Node is CommonJS-flavoured: it calls require() and reads
// __dirname at the top level of the (ES) module, and its worker script must load as CommonJS.
// These shims live only in the engine's own worker thread.
async function prepareNodeForPthreads(engineUrl, options) {
  const [{ createRequire }, { fileURLToPath }, { dirname, join }] = await Promise.all([
    import('node:module'), import('node:url'), import('node:path')]);
  const dir = dirname(fileURLToPath(engineUrl));
  globalThis.require ??= createRequire(engineUrl);
  globalThis.__dirname ??= dir;
  options.locateFile = (file) => join(dir, file.endsWith('.worker.js') ? file.replace(/\.js$/, '.cjs') : file);
}
export class EngineHost {
  constructor(module) {
    this.m = module;
    this.stages = [];
  }

  // threads > 1 asks for the pthread engine (engine-mt.mjs): its pool of threads - 1 workers is
  // started with the module, then the engine is told to use them.
  static async create(engineUrl, wasmBinary, threads = 1) {
    const options = { wasmBinary };
    if (threads > 1) {
      options.twPoolSize = threads - 1;
      if (isNode) await prepareNodeForPthreads(engineUrl, options);
    }
    const { default: createEngineModule } = await import(engineUrl);
    // We hand over the wasm bytes ourselves (downloaded with progress and verified), so the
    // Emscripten glue never fetches or touches the file system.
    const host = new EngineHost(await createEngineModule(options));
    host.threads = threads > 1 ? host.m._tw_set_threads(threads) : 1;
    return host;
  }

  // The pthread engine grows a shared memory from any thread; views made before may be stale.
  get heapU8() { return this.fresh().HEAPU8; }
  get heap32() { return this.fresh().HEAP32; }
  fresh() {
    const m = this.m;
    if (m.wasmMemory && m.HEAPU8.buffer !== m.wasmMemory.buffer) {
      m.HEAPU8 = new Uint8Array(m.wasmMemory.buffer);
      m.HEAP32 = new Int32Array(m.wasmMemory.buffer);
    }
    return m;
  }

  // The engine's last error: { code (a number), name (stable: "too_new", "corrupt", …), message }.
  error() {
    const code = this.m._tw_last_error_code();
    return { code, name: this.m.UTF8ToString(this.m._tw_error_code_name(code)), message: this.m.UTF8ToString(this.m._tw_last_error()) };
  }

  copyIn(bytes) {
    const u8 = new Uint8Array(bytes);
    const ptr = this.m._malloc(Math.max(u8.length, 1));
    this.heapU8.set(u8, ptr);
    return ptr;
  }

  cString(s) {
    const n = this.m.lengthBytesUTF8(s) + 1;
    const ptr = this.m._malloc(n);
    this.m.stringToUTF8(s, ptr, n);
    return ptr;
  }

  // Throws { code, message } from the engine when the files are bad. shortlist: optional Marian
  // lexical shortlist (lex.*.s2t.bin) restricting the output layer.
  addStage(model, vocab, backend = 'native', shortlist = null) {
    const mp = this.copyIn(model), vp = this.copyIn(vocab), bp = this.cString(backend);
    const handle = this.m._tw_translator_create(mp, model.byteLength, vp, vocab.byteLength, bp);
    this.m._free(mp); this.m._free(vp); this.m._free(bp);
    if (!handle) throw this.error();
    this.stages.push(handle);
    if (shortlist) this.setShortlist(this.stages.length - 1, shortlist);
  }

  setShortlist(stage, shortlist) {
    const sp = this.copyIn(shortlist);
    const code = this.m._tw_translator_set_shortlist(this.stages[stage], sp, shortlist.byteLength);
    this.m._free(sp);
    if (code !== 0) throw this.error();
  }

  // A request's three steps per stage (pipeline.js), engine/bindings/c_api.h tw_plan: plan,
  // decode (this engine: decode below; or the WebGPU decoder), assemble.
  // lines -> source chunks as Int32Arrays (token ids ending in EOS) and the most output tokens
  // the greedy search gives each.
  plan(stage, lines) {
    const handle = this.stages[stage];
    const tp = this.cString(lines.join('\n'));
    const n = this.m._tw_plan(handle, tp);
    this.m._free(tp);
    if (n < 0) throw this.error();
    const sources = this.idArrays(n, (i, lenPtr) => this.m._tw_plan_source(handle, i, lenPtr));
    const maxTarget = sources.map((_, i) => this.m._tw_plan_max_target(handle, i));
    return { lines: lines.length, sources, maxTarget, sourceTokens: this.m._tw_last_source_tokens(handle) };
  }

  // The stage's model configuration as the engine read it (the `config` of the description below).
  config(stage) {
    const out = this.m._tw_model_description(this.stages[stage]);
    if (!out) throw this.error();
    return JSON.parse(this.m.UTF8ToString(out)).config;
  }

  // The stage's model as the engine describes it (engine/bindings/model_description.h): config,
  // limits, activation levels and layout as parsed JSON, with the positional table and tensors
  // copied out of the engine's memory (views of a growing or shared heap would not stay valid).
  describe(stage) {
    const out = this.m._tw_model_description(this.stages[stage]);
    if (!out) throw this.error();
    const d = JSON.parse(this.m.UTF8ToString(out));
    const heap = this.heapU8;
    const copy = (address, bytes, Type) => new Type(heap.slice(address, address + bytes).buffer);
    const { positional } = d;
    return {
      config: d.config, limits: d.limits, activationLevels: d.activation_levels, layout: d.layout,
      positional: copy(positional.address, 4 * positional.rows * positional.cols, Float32Array),
      dtype: (name) => d.tensors[name]?.dtype,
      tensor: (name) => {
        const t = d.tensors[name];
        if (!t) throw new Error(`the model has no tensor '${name}'`);
        return copy(t.address, t.bytes, t.dtype === 'f32' ? Float32Array : Int8Array);
      },
    };
  }

  // The engine as the decoder of the stage's last plan -> { outputs: one Int32Array of ids (no
  // EOS) per source, scores: per source the mean log-probability of its tokens (scored), or null }.
  decode(stage, beam, scored = false) {
    const handle = this.stages[stage];
    const n = scored ? this.m._tw_decode_scored(handle, beam) : this.m._tw_decode(handle, beam);
    if (n < 0) throw this.error();
    const outputs = this.idArrays(n, (i, lenPtr) => this.m._tw_decoded(handle, i, lenPtr));
    return { outputs, scores: scored ? Float32Array.from(outputs, (_, i) => this.m._tw_decoded_score(handle, i)) : null };
  }

  // Per line of the stage's last plan: the mean log-probability of its output tokens, from each
  // source's output and score (engine/bindings/c_api.h tw_line_scores); null for a line no output
  // went into.
  lineScores(stage, plan, { outputs, scores }) {
    const handle = this.stages[stage];
    const n = outputs.length;
    const lens = this.m._malloc(4 * Math.max(n, 1)), sc = this.m._malloc(4 * Math.max(n, 1));
    this.heap32.set(outputs.map((o) => o.length), lens >> 2);
    new Float32Array(this.heapU8.buffer).set(scores, sc >> 2);
    const out = this.m._tw_line_scores(handle, lens, sc, n);
    this.m._free(lens); this.m._free(sc);
    if (!out) {
      if (this.m._tw_last_error_code() !== 0) throw this.error();
      return [];  // a plan of no lines
    }
    return Array.from(new Float32Array(this.heapU8.buffer, out, plan.lines), (s) => (Number.isNaN(s) ? null : s));
  }

  // n id arrays copied out of the engine: get(i, lengthPtr) returns the i-th one's address.
  idArrays(n, get) {
    const lenPtr = this.m._malloc(4);
    const out = [];
    for (let i = 0; i < n; i++) {
      const ptr = get(i, lenPtr);
      out.push(this.heap32.slice(ptr >> 2, (ptr >> 2) + this.heap32[lenPtr >> 2]));
    }
    this.m._free(lenPtr);
    return out;
  }

  // outputs: one Int32Array of ids (no EOS) per planned source -> lines.
  assemble(stage, outputs) {
    const total = outputs.reduce((s, o) => s + o.length, 0);
    const ids = this.m._malloc(4 * Math.max(total, 1)), lens = this.m._malloc(4 * Math.max(outputs.length, 1));
    let at = ids >> 2;
    const heap = this.heap32;
    outputs.forEach((o, i) => { heap.set(o, at); at += o.length; heap[(lens >> 2) + i] = o.length; });
    const out = this.m._tw_assemble(this.stages[stage], ids, lens, outputs.length);
    this.m._free(ids); this.m._free(lens);
    if (!out) throw this.error();
    return this.m.UTF8ToString(out).split('\n');
  }

  dispose() {
    for (const h of this.stages) this.m._tw_translator_free(h);
    this.stages = [];
  }
}
