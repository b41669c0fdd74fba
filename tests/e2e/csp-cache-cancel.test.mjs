// The widget under a strict Content-Security-Policy, on a second visit (cached models), and when
// the visitor switches language mid-way.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openDemo } from './browser.mjs';
import { enginesToTest } from './engines.mjs';

for (const engine of enginesToTest()) {
  test(`${engine}: works under a strict CSP (no unsafe-eval, no inline script or style)`, { timeout: 120_000 }, async () => {
    const d = await openDemo({ csp: true, browser: engine });
    try {
      const csp = await d.page.evaluate(async () => (await fetch('/')).headers.get('content-security-policy'));
      assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'/);
      const before = await d.page.$eval('figcaption', (e) => e.textContent);
      await d.page.evaluate(() => window.TranslateWidget.translatePage('de'));
      const after = await d.page.$eval('figcaption', (e) => e.textContent);
      assert.notEqual(after, before);
      assert.deepEqual(d.consoleErrors.filter((e) => /Content.Security.Policy|Refused/i.test(e)), []);
    } finally {
      await d.close();
    }
  });

  test(`${engine}: second visit: models come from the cache, nothing is downloaded again`, { timeout: 120_000 }, async () => {
    const d = await openDemo({ browser: engine });
    try {
      await d.page.evaluate(() => window.TranslateWidget.translatePage('de'));
      await d.page.reload();
      await d.page.waitForFunction(() => window.TranslateWidget);
      d.requests.length = 0;
      const events = await d.page.evaluate(async () => {
        const { createTranslator } = await import('/translator/index.js');
        const seen = [];
        const t = await createTranslator({ from: 'en', to: 'de', progressCallback: (e) => seen.push(e) });
        t.dispose();
        return seen;
      });
      const model = events.find((e) => e.status === 'done' && e.file === 'en-de/model.twm');
      assert.equal(model.cached, true);
      assert.ok(!events.some((e) => e.status === 'download' && e.file === 'en-de/model.twm'));
      assert.ok(!d.requests.some((r) => r.url.endsWith('.twm')), 'no model request on the second visit');
    } finally {
      await d.close();
    }
  });
}

test('switching language mid-way cancels the first and leaves only the second', { timeout: 180_000 }, async () => {
  const d = await openDemo();
  try {
    const result = await d.page.evaluate(async () => {
      const first = window.TranslateWidget.translatePage('de');
      await new Promise((r) => setTimeout(r, 30));
      await window.TranslateWidget.translatePage('fr');
      await first.catch(() => {});
      await new Promise((r) => setTimeout(r, 300));
      return [...document.querySelectorAll('figcaption')].map((e) => e.textContent.trim());
    });
    // Every caption is French: no German pass finished over the French one.
    const german = result.filter((t) => /\b(ein|eine|einem|der|die|das|und)\b/i.test(t));
    assert.deepEqual(german, []);
    const french = result.filter((t) => /(^|[\s'])(un|une|le|la|les|des|et|de|du|dans|sur|en|l)([\s'.,]|$)/i.test(t));
    assert.ok(french.length >= result.length - 1, result.join(' | '));
  } finally {
    await d.close();
  }
});
