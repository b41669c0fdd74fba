// Which models a translator chains, and where their files are: the registry (registry.json beside
// the model folders), a route from -> to (direct, or through English), or a caller's own files.
import { ErrorCodes, TranslatorError } from './errors.js';
import { fetchVerified } from './fetch-verified.js';
import { env } from './engine-build.js';

const registryCache = new Map();

export async function loadRegistry(modelsUrl = env.modelsUrl) {
  if (!registryCache.has(modelsUrl)) {
    registryCache.set(modelsUrl, (async () => {
      const file = { url: new URL('registry.json', modelsUrl).href };
      const bytes = await fetchVerified(file, 'registry.json', () => {});
      return JSON.parse(new TextDecoder().decode(bytes));
    })().catch((e) => { registryCache.delete(modelsUrl); throw e; }));
  }
  return registryCache.get(modelsUrl);
}

// The models to chain for from -> to: direct, or through English.
export function planRoute(registry, from, to) {
  const find = (a, b) => registry.models.find((m) => m.from === a && m.to === b);
  const direct = find(from, to);
  if (direct) return [direct];
  if (from !== 'en' && to !== 'en' && find(from, 'en') && find('en', to)) return [find(from, 'en'), find('en', to)];
  const pairs = registry.models.map((m) => `${m.from}→${m.to}`).join(', ');
  throw new TranslatorError(ErrorCodes.UNKNOWN_PAIR, `no model translates ${from}→${to} (available: ${pairs})`, { from, to });
}

// The stages of createTranslator's options: { model: { model, vocab, shortlist? } } (URLs), a
// registry id (model: 'en-de'), or the route for from -> to.
export async function stagesFor({ model, from, to }, modelsUrl) {
  if (model && typeof model === 'object') {
    const files = { model: { url: model.model }, vocab: { url: model.vocab } };
    if (model.shortlist) files.shortlist = { url: model.shortlist };
    return [{ files, id: 'custom', from, to }];  // from, to: the caller's word (dates need them)
  }
  const registry = await loadRegistry(modelsUrl);
  if (typeof model === 'string') {
    const m = registry.models.find((x) => x.id === model);
    if (!m) throw new TranslatorError(ErrorCodes.UNKNOWN_PAIR, `no model '${model}' in the registry`);
    return [m];
  }
  return planRoute(registry, from, to);
}

// The files a stage needs: model, vocab and, when the model has one, its lexical shortlist. A
// registry model's shortlist (scripts/make-shortlist) only speeds up the WASM engine: it is not
// fetched for device 'webgpu' or when the caller turns it off (shortlist: false). A caller's own
// shortlist is always used.
export const usesRegistryShortlist = ({ device = 'wasm', shortlist = true } = {}) => shortlist !== false && device !== 'webgpu';
export const stageFileKinds = (stage, options = {}) =>
  ['model', 'vocab', ...(stage.files.shortlist && (stage.id === 'custom' || usesRegistryShortlist(options)) ? ['shortlist'] : [])];

// A stage's file as fetchVerified takes it: registry files are under modelsUrl, others by URL.
export function modelFile(stage, kind, modelsUrl = env.modelsUrl) {
  const f = stage.files[kind];
  return { ...f, url: f.sha256 ? new URL(f.path, modelsUrl).href : f.url };
}

const LABEL = { model: 'model.twm', vocab: 'vocab.spm', shortlist: 'lex.s2t.bin' };

// Every stage's files, downloaded (with progress) and verified -> [{ model, vocab, shortlist? }] of
// bytes; options: createTranslator's { device, shortlist }.
export async function downloadStages(stages, modelsUrl, progress, options = {}) {
  return Promise.all(stages.map(async (s) => Object.fromEntries(await Promise.all(stageFileKinds(s, options).map(async (k) =>
    [k, await fetchVerified(modelFile(s, k, modelsUrl), `${s.id}/${LABEL[k]}`, progress)])))));
}
