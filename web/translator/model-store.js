// Where downloaded files are kept between visits: IndexedDB (database 'transwidget-models', one
// object store of ArrayBuffers by key), or memory where IndexedDB is unavailable (Node, storage
// blocked, quota exceeded). IndexedDB rather than the Cache API: WebKit (Safari) empties the Cache
// API of an ephemeral session (private browsing, automation) at every navigation while it keeps
// IndexedDB, and Firefox gives private windows no Cache API at all; both then re-downloaded the
// models on every page.
const DB_NAME = 'transwidget-models';
const STORE = 'files';
const OLD_CACHE = 'transwidget-models-v1';  // where versions up to 0.2 kept the files (Cache API)
const memory = new Map();
let database;

function openDatabase() {
  database ??= new Promise((resolve) => {
    if (typeof indexedDB === 'undefined') return resolve(null);
    let request;
    try {
      request = indexedDB.open(DB_NAME, 1);
    } catch {
      return resolve(null);  // e.g. an opaque origin
    }
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => {
      // The files an older version kept in the Cache API are not read any more: free that space.
      globalThis.caches?.delete(OLD_CACHE).catch(() => {});
      resolve(request.result);
    };
    request.onerror = () => resolve(null);
    request.onblocked = () => resolve(null);
  });
  return database;
}

function run(mode, operation) {
  return openDatabase().then((db) => db && new Promise((resolve, reject) => {
    const request = operation(db.transaction(STORE, mode).objectStore(STORE));
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  })).catch(() => null);
}

// -> the kept ArrayBuffer, or null.
export async function storedBytes(key) {
  if (memory.has(key)) return memory.get(key).slice(0);  // a copy: callers transfer theirs to workers
  const bytes = await run('readonly', (store) => store.get(key));
  return bytes instanceof ArrayBuffer ? bytes : null;
}

export async function hasStored(key) {
  return memory.has(key) || (await run('readonly', (store) => store.count(key))) > 0;
}

export async function storeBytes(key, bytes) {
  const kept = await run('readwrite', (store) => store.put(bytes, key));
  if (kept === null) memory.set(key, bytes);  // no IndexedDB, or it refused (quota): this session only
}

export async function forgetStored(key) {
  memory.delete(key);
  await run('readwrite', (store) => store.delete(key));
}
