// Downloads a file once, with real byte progress, verifies its sha256 and keeps it
// (model-store.js: IndexedDB, or memory where storage is unavailable, e.g. Node).
import { ErrorCodes, TranslatorError } from './errors.js';
import { isNode } from './features.js';
import { forgetStored, hasStored, storeBytes, storedBytes } from './model-store.js';

export async function sha256Hex(bytes) {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

async function readFileUrl(url, onProgress) {
  const { readFile } = await import('node:fs/promises');
  const { fileURLToPath } = await import('node:url');
  let bytes;
  try {
    bytes = await readFile(fileURLToPath(url));
  } catch (e) {
    throw new TranslatorError(ErrorCodes.NETWORK, `cannot read ${url}: ${e.message}`, { url });
  }
  onProgress(bytes.length, bytes.length);
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
}

async function download(url, expectedBytes, onProgress) {
  if (isNode && url.startsWith('file:')) return readFileUrl(url, onProgress);
  let response;
  try {
    response = await fetch(url, { credentials: 'same-origin' });
  } catch (e) {
    throw new TranslatorError(ErrorCodes.NETWORK, `download of ${url} failed: ${e.message}`, { url });
  }
  if (!response.ok) throw new TranslatorError(ErrorCodes.NETWORK, `download of ${url} failed: HTTP ${response.status}`, { url, status: response.status });
  const total = Number(response.headers.get('content-length')) || expectedBytes || 0;
  const reader = response.body.getReader();
  const chunks = [];
  let loaded = 0;
  for (;;) {
    let step;
    try {
      step = await reader.read();
    } catch (e) {
      throw new TranslatorError(ErrorCodes.NETWORK, `download of ${url} was interrupted after ${loaded} bytes: ${e.message}`, { url });
    }
    if (step.done) break;
    chunks.push(step.value);
    loaded += step.value.length;
    onProgress(loaded, total);
  }
  const out = new Uint8Array(loaded);
  let at = 0;
  for (const c of chunks) { out.set(c, at); at += c.length; }
  return out.buffer;
}

const cacheKey = (file) => (file.sha256 ? `${file.url}#sha256=${file.sha256}` : file.url);

// True when file is already kept (IndexedDB or memory): using it needs no download.
export function isCached(file) {
  return hasStored(cacheKey(file));
}

// file: { url, bytes, sha256 } (sha256 optional for unregistered URLs).
// progress(event) receives { status, file, loaded, total } with status initiate | download | progress | done.
// A file with a sha256 (models, vocabularies: named by their content) is downloaded once and kept.
// One without (the registry, the engine) may change under the same URL when the site updates: it is
// fetched every time (the HTTP cache keeps that cheap) and the kept copy serves only when offline.
export async function fetchVerified(file, name, progress) {
  const key = cacheKey(file);
  const done = (bytes, cached) => {
    progress({ status: 'done', file: name, loaded: bytes.byteLength, total: bytes.byteLength, ...(cached && { cached }) });
    return bytes;
  };
  progress({ status: 'initiate', file: name, loaded: 0, total: file.bytes ?? 0 });
  if (file.sha256) {
    const kept = await storedBytes(key);
    if (kept && (await sha256Hex(kept)) === file.sha256) return done(kept, true);
    if (kept) await forgetStored(key);  // damaged entry: fetch again
  }
  progress({ status: 'download', file: name, loaded: 0, total: file.bytes ?? 0 });
  let bytes;
  try {
    bytes = await download(file.url, file.bytes, (loaded, total) => progress({ status: 'progress', file: name, loaded, total }));
  } catch (e) {
    const offline = !file.sha256 && e.code === ErrorCodes.NETWORK && (await storedBytes(key));
    if (offline) return done(offline, true);
    throw e;
  }
  if (file.bytes && bytes.byteLength !== file.bytes) {
    throw new TranslatorError(ErrorCodes.INTEGRITY, `${name}: got ${bytes.byteLength} bytes, expected ${file.bytes} (truncated or wrong file)`, { url: file.url });
  }
  if (file.sha256) {
    const got = await sha256Hex(bytes);
    if (got !== file.sha256) throw new TranslatorError(ErrorCodes.INTEGRITY, `${name}: sha256 ${got} does not match the registry (${file.sha256})`, { url: file.url });
  }
  await storeBytes(key, bytes.slice(0));  // a copy: the caller may transfer `bytes` to a worker
  return done(bytes, false);
}
