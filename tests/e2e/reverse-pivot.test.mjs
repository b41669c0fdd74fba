// The German demo page (web/demo/de.html): English through the de→en model, French through
// English (de→en→fr), each equal to what the CLI chain produces, and the original restored.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cliTranslate } from '../cli.mjs';
import { openDemo } from './browser.mjs';

const captions = (page) => page.$$eval('figcaption', (els) => els.map((e) => e.textContent.trim()));

test('German page: English via de→en, French pivoting through English, then the original back', { timeout: 300_000 }, async () => {
  const d = await openDemo({ path: '/demo/de.html' });
  try {
    const original = await captions(d.page);
    await d.page.waitForSelector('[data-translate-widget]');  // the picker mounts after the widget script loads
    const offered = await d.page.evaluate(() => [...document.querySelector('[data-translate-widget]').shadowRoot
      .querySelectorAll('option')].map((o) => o.value));
    assert.deepEqual(offered.sort(), ['de', 'en', 'fr']);

    await d.page.evaluate(() => window.TranslateWidget.translatePage('en'));
    const english = await captions(d.page);
    // A caption without inline markup goes through the engine as it is: the CLI must agree.
    const plain = original[1];
    assert.deepEqual([english[1]], cliTranslate('de-en', [plain]));
    assert.match(english.join(' '), /\b(a|the|is|are|in)\b/i);

    await d.page.evaluate(() => window.TranslateWidget.translatePage('fr'));
    const french = await captions(d.page);
    assert.deepEqual([french[1]], cliTranslate('en-fr', cliTranslate('de-en', [plain])), 'de→fr is de→en then en→fr');
    assert.match(french.join(' '), /\b(un|une|le|la|les|des|dans)\b/i);
    const models = d.requests.map((r) => r.url).filter((u) => u.endsWith('model.twm')).map((u) => u.split('/').slice(-2)[0]);
    assert.deepEqual([...new Set(models)].sort(), ['de-en', 'en-fr']);

    await d.page.evaluate(() => window.TranslateWidget.translatePage('de'));
    assert.deepEqual(await captions(d.page), original);
    assert.deepEqual(d.consoleErrors, []);
  } finally {
    await d.close();
  }
});
