// dist/translate-widget.js, the one-file build: under the strict CSP, it fetches only its own
// worker and engine (next to it) and the models, verifies and caches them, and translates.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectedTranslation } from '../cli.mjs';
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openTestPage } from './browser.mjs';
import { enginesToTest } from './engines.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

for (const engine of enginesToTest()) test(`${engine}: one-file widget: strict CSP, only its own files and the models, cached, same translations`, { timeout: 120_000 }, async () => {
  const d = await openTestPage('one-file.html', { csp: true, browser: engine });
  try {
    await d.page.evaluate(() => window.TranslateWidget.translatePage('de'));
    const text = await d.page.$eval('#text', (p) => p.textContent);
    assert.equal(text, (await expectedTranslation('en-de', ['A man in a blue shirt rides his bicycle down a busy street.']))[0]);
    const paths = d.requests.map((r) => new URL(r.url).pathname);
    for (const p of paths) assert.match(p, /^\/(pages\/one-file\.html|demo\/favicon\.svg|dist\/(translate-widget\.js|worker\.js|engine\/(engine\.mjs|engine\.wasm|wgsl\.mjs))|models\/.*)$/, `unexpected request ${p}`);
    assert.ok(paths.includes('/dist/worker.js') && paths.includes('/dist/engine/engine.wasm'));
    assert.ok(d.requests.every((r) => r.url.startsWith(d.origin)), 'no foreign requests');
    const kept = await d.page.evaluate(() => new Promise((resolve, reject) => {
      const open = indexedDB.open('transwidget-models');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const keys = open.result.transaction('files').objectStore('files').getAllKeys();
        keys.onsuccess = () => resolve(keys.result.map((k) => new URL(k).pathname));
      };
    }));
    assert.ok(kept.includes('/models/en-de/model.twm'), 'the model is kept in IndexedDB');
    assert.deepEqual(d.consoleErrors, []);
  } finally {
    await d.close();
  }
});

test('the build reports what a first visit downloads, gzipped', () => {
  const sizes = JSON.parse(readFileSync(join(root, 'dist', 'sizes.json'), 'utf8'));
  assert.ok(sizes.first_visit_gzip_bytes > sizes.gzip_bytes['en-de model + vocab']);
  assert.ok(sizes.gzip_bytes['translate-widget.js'] > 1000);
});
