// The npm packages from the outside: `npm install` of the two tarballs into an empty folder, then
// Node imports the package by name and translates, and a page that loads only the installed files
// (plus the installed models) translates in Chromium.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { expectedTranslation } from '../cli.mjs';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDemo } from '../e2e/browser.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
let packed, app;

before(() => {
  packed = JSON.parse(execFileSync('node', [join(root, 'scripts', 'pack.mjs')], { encoding: 'utf8' }));
  app = mkdtempSync(join(tmpdir(), 'tw-app-'));
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'an-app', version: '1.0.0', type: 'module', private: true }));
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', packed.package, packed.models], { cwd: app, stdio: 'pipe' });
});

test('the tarball holds the built engine, the JS, the bundles and their types; no tests, engine sources or training code', () => {
  const files = execFileSync('tar', ['tzf', packed.package], { encoding: 'utf8' }).split('\n').filter(Boolean).map((f) => f.replace(/^package\//, ''));
  for (const f of ['package.json', 'web/translator/index.js', 'web/translator/index.d.ts', 'web/translator/polyfill.js', 'web/translator/polyfill.d.ts',
    'web/widget/main.js', 'web/widget/main.d.ts', 'web/engine/engine.wasm', 'web/engine/engine.mjs', 'dist/translate-widget.js',
    'dist/translator-polyfill.js', 'dist/worker.js', 'dist/engine/engine.wasm']) assert.ok(files.includes(f), `missing ${f}`);
  for (const f of files) assert.doesNotMatch(f, /^(tests|engine|scripts|models|docs|web\/demo|web\/bench)\/|\.(cc|h|py|wgsl)$/, `should not ship ${f}`);
});

test('Node: import by name, translate with the models package', { timeout: 120_000 }, async () => {
  writeFileSync(join(app, 'run.mjs'), [
    "import { createTranslator } from 'transwidget';",
    "import { modelsUrl } from 'transwidget-models';",
    "const t = await createTranslator({ from: 'en', to: 'de', modelsUrl });",
    "console.log(await t.translate('Two dogs play in the snow.'));",
    't.dispose();',
  ].join('\n'));
  const out = execFileSync('node', ['run.mjs'], { cwd: app, encoding: 'utf8' }).trim();
  assert.equal(out, (await expectedTranslation('en-de', ['Two dogs play in the snow.']))[0]);
});

test('Chromium: a page using only the installed package and models translates', { timeout: 120_000 }, async () => {
  const site = mkdtempSync(join(tmpdir(), 'tw-site-'));
  writeFileSync(join(site, 'index.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Installed</title>
<link rel="icon" href="data:,">
<script src="/pkg/dist/translate-widget.js" data-to="de" data-models="/pkg-models/" defer></script></head>
<body><p id="t">A man in a blue shirt rides his bicycle down a busy street.</p></body></html>`);
  const d = await openDemo({ path: '/site/index.html', mounts: { '/site/': site,
    '/pkg/': join(app, 'node_modules', 'transwidget'), '/pkg-models/': join(app, 'node_modules', 'transwidget-models') } });
  try {
    await d.page.evaluate(() => window.TranslateWidget.translatePage('de'));
    assert.equal(await d.page.$eval('#t', (p) => p.textContent), (await expectedTranslation('en-de', ['A man in a blue shirt rides his bicycle down a busy street.']))[0]);
    for (const r of d.requests) assert.match(new URL(r.url).pathname, /^\/(site|pkg|pkg-models)\//, `request outside the installed files: ${r.url}`);
    assert.deepEqual(d.consoleErrors, []);
  } finally {
    await d.close();
  }
});
