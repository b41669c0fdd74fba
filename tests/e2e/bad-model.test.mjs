// A damaged model behind the widget: the visitor sees a specific error in the picker and the page
// is left exactly as it was.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDemo } from './browser.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

function brokenSite() {
  const dir = mkdtempSync(join(tmpdir(), 'tw-broken-'));
  mkdirSync(join(dir, 'models', 'en-de'), { recursive: true });
  const model = readFileSync(join(root, 'models', 'en-de', 'model.twm'));
  model[model.length - 100] ^= 0x55;  // damaged inside the last tensor, registry hash updated to match
  writeFileSync(join(dir, 'models', 'en-de', 'model.twm'), model);
  const registry = JSON.parse(readFileSync(join(root, 'models', 'registry.json'), 'utf8'));
  registry.models = registry.models.filter((m) => m.id === 'en-de');
  for (const [kind, { path }] of Object.entries(registry.models[0].files))  // vocab, shortlist: intact
    if (kind !== 'model') copyFileSync(join(root, 'models', path), join(dir, 'models', path));
  registry.models[0].files.model.sha256 = createHash('sha256').update(model).digest('hex');
  writeFileSync(join(dir, 'models', 'registry.json'), JSON.stringify(registry));
  const html = readFileSync(join(root, 'web', 'demo', 'captions.html'), 'utf8')
    .replace('<script src="/dist/translate-widget.js" data-to="de,fr" data-models="/models/" defer>', '<script src="/dist/translate-widget.js" data-to="de" data-models="/broken/models/" defer>');
  writeFileSync(join(dir, 'index.html'), html);
  return dir;
}

test('corrupt model: specific error in the picker, page untouched', { timeout: 120_000 }, async () => {
  const d = await openDemo({ path: '/broken/index.html', mounts: { '/broken/': brokenSite() } });
  try {
    await d.page.evaluate(() => window.TranslateWidget.ready);
    const before = await d.page.evaluate(() => document.body.innerHTML);
    const error = await d.page.evaluate(() => window.TranslateWidget.translatePage('de').then(() => null, (e) => ({ code: e.code, message: e.message })));
    assert.equal(error?.code, 'bad-model');
    const status = await d.page.evaluate(() => document.querySelector('[data-translate-widget]').shadowRoot.querySelector('.status').textContent);
    assert.match(status, /Translation failed: .*checksum mismatch in tensor/);
    assert.equal(await d.page.evaluate(() => document.body.innerHTML), before);
  } finally {
    await d.close();
  }
});
