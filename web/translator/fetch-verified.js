// Downloads a file once, with real byte progress, verifies its sha256 and keeps it in the Cache
// API (or in memory where storage is unavailable, e.g. private browsing or Node).
import { ErrorCodes, TranslatorError } from './errors.js';
import { isNode } from './features.js';

const CACHE_NAME = 'transwidget-models-v1';
const memoryCache = new Map();  // key -> ArrayBuffer, for runtimes without the Cache API

export async function sha256Hex(bytes) {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

async function openCache() {
  try {
    if (typeof caches === 'undefined') return null;
    return await caches.open(CACHE_NAME);
  } catch {
    return null;  // private mode or insecure context: memory only
  }
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

// True when file is already kept (Cache API or memory): using it needs no download.
export async function isCached(file) {
  const key = cacheKey(file);
  if (memoryCache.has(key)) return true;
  const cache = await openCache();
  return !!(cache && (await cache.match(key).catch(() => undefined)));
}

// file: { url, bytes, sha256 } (sha256 optional for unregistered URLs).
// progress(event) receives { status, file, loaded, total } with status initiate | download | progress | done.
export async function fetchVerified(file, name, progress) {
  const key = cacheKey(file);
  progress({ status: 'initiate', file: name, loaded: 0, total: file.bytes ?? 0 });
  if (memoryCache.has(key)) {
    progress({ status: 'done', file: name, loaded: file.bytes ?? 0, total: file.bytes ?? 0, cached: true });
    return memoryCache.get(key);
  }
  const cache = await openCache();
  if (cache) {
    const hit = await cache.match(key).catch(() => undefined);
    if (hit) {
      const bytes = await hit.arrayBuffer();
      if (!file.sha256 || (await sha256Hex(bytes)) === file.sha256) {
        progress({ status: 'done', file: name, loaded: bytes.byteLength, total: bytes.byteLength, cached: true });
        return bytes;
      }
      await cache.delete(key);  // damaged entry: fetch again
    }
  }
  progress({ status: 'download', file: name, loaded: 0, total: file.bytes ?? 0 });
  const bytes = await download(file.url, file.bytes, (loaded, total) => progress({ status: 'progress', file: name, loaded, total }));
  if (file.bytes && bytes.byteLength !== file.bytes) {
    throw new TranslatorError(ErrorCodes.INTEGRITY, `${name}: got ${bytes.byteLength} bytes, expected ${file.bytes} (truncated or wrong file)`, { url: file.url });
  }
  if (file.sha256) {
    const got = await sha256Hex(bytes);
    if (got !== file.sha256) throw new TranslatorError(ErrorCodes.INTEGRITY, `${name}: sha256 ${got} does not match the registry (${file.sha256})`, { url: file.url });
  }
  if (cache) {
    await cache.put(key, new Response(bytes.slice(0), { headers: { 'content-type': 'application/octet-stream' } })).catch(() => {});
  } else {
    memoryCache.set(key, bytes);
  }
  progress({ status: 'done', file: name, loaded: bytes.byteLength, total: bytes.byteLength });
  return bytes;
}
