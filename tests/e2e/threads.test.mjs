// The pthread engine: only on cross-origin-isolated pages, with the same output as one thread;
// elsewhere threads fall back to engine workers. The widget picks it by itself. The JS API's two
// cases run in Chromium, Firefox and WebKit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openDemo } from './browser.mjs';
import { enginesToTest } from './engines.mjs';

const LINES = ['A man in a blue shirt is standing on a ladder.', 'Two dogs play in the snow.', '',
  Array.from({ length: 10 }, (_, i) => `Child number ${i} runs across a green field with a kite.`).join(' ')];

// In the page: the API with 1 and N threads; what mode N got, and both outputs.
const runInPage = (page, threads) => page.evaluate(async ({ lines, threads }) => {
  const { createTranslator } = await import('/translator/index.js');
  const one = await createTranslator({ from: 'en', to: 'de' });
  const many = await createTranslator({ from: 'en', to: 'de', threads });
  try {
    return { isolated: crossOriginIsolated, sab: typeof SharedArrayBuffer === 'function', threading: many.threading, threads: many.threads, reason: many.threadingReason,
      one: await one.translate(lines), many: await many.translate(lines) };
  } finally {
    one.dispose();
    many.dispose();
  }
}, { lines: LINES, threads });

// WebKitGTK 2.50 has no SharedArrayBuffer even when cross-origin isolated: engine workers there.
const SHARED_MEMORY_WHEN_ISOLATED = { chromium: true, firefox: true, webkit: false };

for (const engine of enginesToTest()) {
  if (!SHARED_MEMORY_WHEN_ISOLATED[engine]) {
    test(`${engine}: cross-origin-isolated page without SharedArrayBuffer: engine workers, and the reason says so`, { timeout: 300_000 }, async () => {
      const d = await openDemo({ isolate: true, browser: engine });
      try {
        const r = await runInPage(d.page, 2);
        assert.deepEqual([r.isolated, r.sab, r.threading], [true, false, 'workers']);
        assert.match(r.reason, /no SharedArrayBuffer, even on this cross-origin-isolated page/);
        assert.deepEqual(r.many, r.one);
        assert.ok(!d.requests.some((q) => q.url.includes('engine-mt')), 'the pthread engine is not fetched');
      } finally {
        await d.close();
      }
    });
  } else test(`${engine}: cross-origin-isolated page: the pthread engine, same translations as one thread`, { timeout: 300_000 }, async () => {
    const d = await openDemo({ isolate: true, browser: engine });
    try {
      const r = await runInPage(d.page, 3);
      assert.equal(r.isolated, true);
      assert.equal(r.sab, true);
      assert.equal(r.threading, 'pthreads');
      assert.equal(r.threads, 3);
      assert.equal(r.reason, null);
      assert.deepEqual(r.many, r.one);
      assert.equal(r.one[2], '');
      assert.ok(d.requests.some((q) => q.url.endsWith('/engine/engine-mt.wasm')), 'the pthread engine was downloaded');
      assert.deepEqual(d.consoleErrors, []);
    } finally {
      await d.close();
    }
  });

  test(`${engine}: ordinary page: no SharedArrayBuffer, so threads are engine workers (same translations)`, { timeout: 300_000 }, async () => {
    const d = await openDemo({ browser: engine });
    try {
      const r = await runInPage(d.page, 2);
      assert.equal(r.isolated, false);
      assert.equal(r.threading, 'workers');
      assert.match(r.reason, /not cross-origin isolated/);
      assert.deepEqual(r.many, r.one);
      assert.ok(!d.requests.some((q) => q.url.includes('engine-mt')), 'the pthread engine is not fetched');
    } finally {
      await d.close();
    }
  });
}

test('widget on an isolated page uses the pthread engine by default and translates', { timeout: 300_000 }, async () => {
  const d = await openDemo({ isolate: true });
  try {
    const before = await d.page.$$eval('figcaption', (els) => els.map((e) => e.textContent));
    await d.page.evaluate(() => window.TranslateWidget.translatePage('de'));
    const after = await d.page.$$eval('figcaption', (els) => els.map((e) => e.textContent));
    assert.notDeepEqual(after, before);
    assert.ok(d.requests.some((q) => q.url.endsWith('/engine/engine-mt.wasm')));
    assert.deepEqual(d.consoleErrors, []);
  } finally {
    await d.close();
  }
});
