// Which engine build a translator runs, and its files. threads > 1: on cross-origin-isolated pages
// (and in Node) one worker runs the pthread engine (engine-mt) with that many threads sharing one
// model and splitting each layer. Elsewhere, with threadMode 'workers', or when engine-mt cannot be
// loaded or started, that many single-threaded engine workers, each with its own copy of the model
// (8 MB), take contiguous shares of every request: no SharedArrayBuffer needed.
import { ErrorCodes, TranslatorError } from './errors.js';
import { fetchVerified } from './fetch-verified.js';
import { isNode } from './features.js';

// The engine's files in a folder (the build's web/engine/, or dist/engine/ beside a bundle).
export function engineFilesAt(folderUrl) {
  return {
    engineUrl: new URL('engine.mjs', folderUrl).href,
    wasmUrl: new URL('engine.wasm', folderUrl).href,
    // The pthread build, used for threads > 1 where shared memory is allowed.
    engineMtUrl: new URL('engine-mt.mjs', folderUrl).href,
    wasmMtUrl: new URL('engine-mt.wasm', folderUrl).href,
  };
}

const here = import.meta.url;
export const env = {
  modelsUrl: new URL('../../models/', here).href,   // registry.json and model directories
  ...engineFilesAt(new URL('../engine/', here)),
};

// Shared-memory threads need SharedArrayBuffer, which browsers only give cross-origin-isolated
// pages (COOP same-origin + COEP require-corp); Node always has it.
export const canUsePthreads = () => typeof SharedArrayBuffer === 'function' &&
  (isNode || globalThis.crossOriginIsolated === true);

// WebKitGTK, for one, has no SharedArrayBuffer even on a cross-origin-isolated page.
const noPthreadsReason = () => (globalThis.crossOriginIsolated === true
  ? 'this browser has no SharedArrayBuffer, even on this cross-origin-isolated page: one engine worker per thread'
  : 'the page is not cross-origin isolated (no SharedArrayBuffer): one engine worker per thread');

export class EngineBuild {
  // options: createTranslator's (threads, threadMode, engineUrl, wasmUrl, engineMtUrl, wasmMtUrl).
  constructor(options, progress) {
    this.threads = Math.max(1, Math.min(Number(options.threads) || 1, 16));
    const threadMode = options.threadMode ?? 'auto';
    if (!['auto', 'workers'].includes(threadMode))
      throw new TranslatorError(ErrorCodes.INVALID_OPTION, `threadMode must be 'auto' or 'workers', not '${threadMode}'`);
    this.options = options;
    this.progress = progress;
    this.pthreads = this.threads > 1 && threadMode === 'auto' && canUsePthreads();
    // why threads > 1 did not get the pthread engine, or null
    this.reason = this.threads > 1 && threadMode === 'auto' && !this.pthreads ? noPthreadsReason() : null;
  }

  get engineUrl() {
    return this.pthreads ? this.options.engineMtUrl ?? env.engineMtUrl : this.options.engineUrl ?? env.engineUrl;
  }

  // The engine's wasm bytes; a site that deployed only the single-threaded engine still works
  // with threads > 1.
  async download() {
    try {
      return await this.fetchWasm();
    } catch (e) {
      if (!this.pthreads) throw e;
      this.singleThreaded(`could not be loaded (${e.message})`);
      return this.fetchWasm();
    }
  }

  fetchWasm() {
    const o = this.options;
    const url = this.pthreads ? o.wasmMtUrl ?? env.wasmMtUrl : o.wasmUrl ?? env.wasmUrl;
    return fetchVerified({ url }, this.pthreads ? 'engine-mt.wasm' : 'engine.wasm', this.progress);
  }

  // From now on one engine worker per thread; what: why the pthread engine is not used.
  singleThreaded(what) {
    this.pthreads = false;
    this.reason = `the multi-threaded engine ${what}: one engine worker per thread`;
  }
}
