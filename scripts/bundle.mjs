#!/usr/bin/env node
// The one-file builds (build products, not committed): dist/translate-widget.js (the widget for a
// <script> tag), dist/translator-polyfill.js (Translator / LanguageDetector), dist/worker.js (the
// engine worker both start), and dist/engine/ (the built engine). Each classic script finds the
// others next to itself: import.meta.url inside the bundles is the <script>'s own URL.
// Prints what a first visit downloads, gzipped (the JS, the engine and one model).
import { build } from 'esbuild';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
rmSync(dist, { recursive: true, force: true });
mkdirSync(join(dist, 'engine'), { recursive: true });

const common = { bundle: true, minify: true, target: 'es2022', logLevel: 'warning', legalComments: 'none',
  external: ['node:*'] };
// Classic scripts: import.meta.url is the script's URL, read while it runs.
const classic = { ...common, format: 'iife', platform: 'browser', define: { 'import.meta.url': '__twScriptUrl', __TW_WORKER_FILE__: '"./worker.js"' },
  banner: { js: 'var __twScriptUrl=document.currentScript&&document.currentScript.src||location.href;' } };
await build({ ...classic, entryPoints: [join(root, 'web/widget/bundle.js')], outfile: join(dist, 'translate-widget.js') });
await build({ ...classic, entryPoints: [join(root, 'web/translator/polyfill-bundle.js')], outfile: join(dist, 'translator-polyfill.js') });
// The worker is a module worker (import.meta.url is its own URL, as in the source).
await build({ ...common, format: 'esm', platform: 'browser', entryPoints: [join(root, 'web/translator/worker/worker.js')], outfile: join(dist, 'worker.js') });
for (const f of ['engine.mjs', 'engine.wasm', 'engine-mt.mjs', 'engine-mt.wasm', 'engine-mt.worker.js', 'wgsl.mjs'])
  cpSync(join(root, 'web', 'engine', f), join(dist, 'engine', f));

const gz = (path) => gzipSync(readFileSync(path), { level: 9 }).length;
const registry = JSON.parse(readFileSync(join(root, 'models', 'registry.json'), 'utf8'));
const enDe = registry.models.find((m) => m.id === 'en-de');
const sizes = {
  'translate-widget.js': gz(join(dist, 'translate-widget.js')),
  'worker.js': gz(join(dist, 'worker.js')),
  'engine/engine.mjs': gz(join(dist, 'engine', 'engine.mjs')),
  'engine/engine.wasm': gz(join(dist, 'engine', 'engine.wasm')),
  'engine/wgsl.mjs (WebGPU kernels)': gz(join(dist, 'engine', 'wgsl.mjs')),
  'en-de model + vocab': gz(join(root, 'models', enDe.files.model.path)) + gz(join(root, 'models', enDe.files.vocab.path)),
  ...(enDe.files.shortlist && { 'en-de shortlist': gz(join(root, 'models', enDe.files.shortlist.path)) }),
};
const total = Object.values(sizes).reduce((a, b) => a + b, 0);
writeFileSync(join(dist, 'sizes.json'), JSON.stringify({ gzip_bytes: sizes, first_visit_gzip_bytes: total }, null, 1));
console.log(`bundle: dist/ ok; first visit (widget + worker + engine + en-de model), gzipped: ${(total / 1e6).toFixed(2)} MB ` +
  `(${Object.entries(sizes).map(([k, v]) => `${k} ${(v / 1e3).toFixed(0)} kB`).join(', ')})`);
