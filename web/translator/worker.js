// The translation worker (a module Web Worker in browsers, a worker_thread in Node): the engine
// runs here so the page's main thread never blocks on translation.
// Messages in:  { type: 'init', engineUrl, wasm, stages: [{ model, vocab }], backend }
//               { type: 'translate', id, lines, beam }   { type: 'dispose' }
// Messages out: { type: 'ready' } | { type: 'result', id, lines, sourceTokens } | { type: 'error', id?, code, message }
import { EngineHost } from './engine-host.js';

let host = null;
let post;

async function handle(msg) {
  try {
    if (msg.type === 'init') {
      host = await EngineHost.create(msg.engineUrl, msg.wasm);
      for (const s of msg.stages) host.addStage(s.model, s.vocab, msg.backend);
      post({ type: 'ready' });
    } else if (msg.type === 'translate') {
      const { lines, sourceTokens } = host.translate(msg.lines, msg.beam);
      post({ type: 'result', id: msg.id, lines, sourceTokens });
    } else if (msg.type === 'dispose') {
      host?.dispose();
      host = null;
      post({ type: 'disposed' });
    }
  } catch (e) {
    const engine = typeof e?.code === 'number';
    post({ type: 'error', id: msg.id, engineCode: engine ? e.code : undefined, message: e?.message ?? String(e) });
  }
}

if (typeof self !== 'undefined' && typeof self.postMessage === 'function' && typeof window === 'undefined') {
  post = (m) => self.postMessage(m);
  self.onmessage = (e) => handle(e.data);
} else {
  const { parentPort } = await import('node:worker_threads');
  post = (m) => parentPort.postMessage(m);
  parentPort.on('message', handle);
}
