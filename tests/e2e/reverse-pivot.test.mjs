// The demo pages written in German (web/demo/de.html) and French (web/demo/fr.html): English
// through the page language's model into English, the third language through English (de→en→fr,
// fr→en→de), each equal to what the CLI chain produces, and the original restored.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectedTranslation } from '../cli.mjs';
import { openDemo, translateAll } from './browser.mjs';

const PAGES = [
  // plain: an element holding one sentence without inline markup, so the engine gets it as it is.
  { lang: 'de', third: 'fr', texts: 'h1, h2, main p, li, button', plain: '#cart p',
    english: /\b(a|the|is|your|you|to)\b/i, thirdWords: /\b(un|une|le|la|les|des|dans|votre|vous)\b/i },
  { lang: 'fr', third: 'de', texts: 'h1, h2, main p, li, button', plain: '#cart p',
    english: /\b(a|the|is|your|you|to)\b/i, thirdWords: /\b(der|die|das|ein|eine|ist|Ihr|Sie)\b/i },
];

const texts = (page, selector) => page.$$eval(selector, (els) => els.map((e) => e.textContent.trim()));

for (const p of PAGES) {
  test(`${p.lang} page: English via ${p.lang}→en, ${p.third} pivoting through English, then the original back`, { timeout: 300_000 }, async () => {
    const d = await openDemo({ path: `/demo/${p.lang}.html` });
    try {
      const original = await texts(d.page, p.texts);
      const plain = (await texts(d.page, p.plain))[0];
      await d.page.waitForSelector('[data-translate-widget]');  // the picker mounts after the widget script loads
      const offered = await d.page.evaluate(() => [...document.querySelector('[data-translate-widget]').shadowRoot
        .querySelectorAll('option')].map((o) => o.value));
      assert.deepEqual(offered.sort(), [p.lang, 'en', p.third].sort());

      await translateAll(d.page, 'en');
      assert.deepEqual(await texts(d.page, p.plain), await expectedTranslation(`${p.lang}-en`, [plain]));
      assert.match((await texts(d.page, p.texts)).join(' '), p.english);

      await translateAll(d.page, p.third);
      assert.deepEqual(await texts(d.page, p.plain), await expectedTranslation(`en-${p.third}`, await expectedTranslation(`${p.lang}-en`, [plain])),
        `${p.lang}→${p.third} is ${p.lang}→en then en→${p.third}`);
      assert.match((await texts(d.page, p.texts)).join(' '), p.thirdWords);
      const models = d.requests.map((r) => r.url).filter((u) => u.endsWith('model.twm')).map((u) => u.split('/').slice(-2)[0]);
      assert.deepEqual([...new Set(models)].sort(), [`${p.lang}-en`, `en-${p.third}`].sort());

      await d.page.evaluate((to) => window.TranslateWidget.translatePage(to), p.lang);
      assert.deepEqual(await texts(d.page, p.texts), original);
      assert.deepEqual(d.consoleErrors, []);
    } finally {
      await d.close();
    }
  });
}
