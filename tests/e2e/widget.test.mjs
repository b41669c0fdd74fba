// The widget in real Chromium on the demo page: what a visitor sees and does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectedTranslation } from '../cli.mjs';
import { mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDemo } from './browser.mjs';
import { enginesToTest } from './engines.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const artifacts = join(root, 'build', 'e2e');
mkdirSync(artifacts, { recursive: true });


const captions = (page) => page.$$eval('figcaption', (els) => els.map((e) => e.textContent.trim()));
const waitDone = (page, phase) => page.evaluate((ph) => new Promise((resolve) => {
  document.addEventListener('translatewidget:done', function on(e) {
    if (!ph || e.detail.phase === ph) { document.removeEventListener('translatewidget:done', on); resolve(e.detail); }
  });
}), phase);

test('keyboard-only: Tab to the picker, choose German, captions become the engine\'s translations', { timeout: 120_000 }, async () => {
  const d = await openDemo();
  try {
    const before = await captions(d.page);
    await d.page.screenshot({ path: join(artifacts, 'demo-before.png') });
    // Tab until focus is inside the widget's shadow root.
    let inWidget = false;
    for (let i = 0; i < 40 && !inWidget; i++) {
      await d.page.keyboard.press('Tab');
      inWidget = await d.page.evaluate(() => document.activeElement?.hasAttribute('data-translate-widget') &&
        document.activeElement.shadowRoot.activeElement?.tagName === 'SELECT');
    }
    assert.ok(inWidget, 'the picker is reachable with Tab');
    const label = await d.page.evaluate(() => {
      const root = document.querySelector('[data-translate-widget]').shadowRoot;
      const sel = root.querySelector('select');
      return root.querySelector(`label[for="${sel.id}"]`)?.textContent;
    });
    assert.equal(label, 'Translate this page', 'the select has an accessible label');
    const done = waitDone(d.page, 'in-view');
    await d.page.keyboard.press('ArrowDown');  // Original -> Deutsch
    await done;
    await d.page.screenshot({ path: join(artifacts, 'demo-after-de.png') });
    const after = await captions(d.page);
    const plain = [0, 1];  // captions without inline markup: exactly the CLI's output
    const expected = await expectedTranslation('en-de', plain.map((i) => before[i]));
    assert.deepEqual(plain.map((i) => after[i]), expected);
    assert.notDeepEqual(after, before);
    const widgetLabel = await d.page.evaluate(() => document.querySelector('[data-translate-widget]').shadowRoot.querySelector('label').textContent);
    assert.equal(widgetLabel, 'Diese Seite übersetzen', 'the picker speaks the page language');
    assert.deepEqual(d.consoleErrors, []);
  } finally {
    await d.close();
  }
});

test('inline links keep their href, element and position; attributes are translated', { timeout: 120_000 }, async () => {
  const d = await openDemo();
  try {
    const linkBefore = await d.page.evaluate(() => {
      const a = document.querySelector('figcaption a');
      window.__link = a;
      return { href: a.getAttribute('href'), alt: document.querySelector('img').alt };
    });
    await d.page.evaluate(() => window.TranslateWidget.translatePage('de'));
    const r = await d.page.evaluate(() => {
      const a = document.querySelector('figcaption a');
      const cap = a.closest('figcaption');
      return { same: a === window.__link, href: a.getAttribute('href'), text: a.textContent, inCaption: !!cap,
        before: cap.textContent.indexOf(a.textContent), total: cap.textContent.length, alt: document.querySelector('img').alt,
        strong: !!document.querySelectorAll('figcaption')[3].querySelector('strong'),
        code: document.querySelector('code').textContent, brand: document.querySelector('#about .notranslate').textContent };
    });
    assert.ok(r.same && r.inCaption, 'the original <a> element stays in the caption');
    assert.equal(r.href, linkBefore.href);
    assert.ok(r.text.trim().length > 0 && r.before > 0, 'the link text follows other caption text, as in the source');
    assert.ok(r.strong, '<strong> is kept');
    assert.notEqual(r.alt, linkBefore.alt, 'alt text is translated');
    assert.equal(r.code, 'make photos', '<code> is untouched');
    assert.match(r.brand, /is a brand name and is not translated/, '.notranslate is untouched');
  } finally {
    await d.close();
  }
});

for (const engine of enginesToTest()) test(`${engine}: dynamic content is translated; restore gives a byte-identical DOM`, { timeout: 120_000 }, async () => {
  const d = await openDemo({ browser: engine });
  try {
    await d.page.evaluate(() => window.TranslateWidget.ready);
    const original = await d.page.evaluate(() => document.documentElement.outerHTML);
    await d.page.evaluate(() => window.TranslateWidget.translatePage('fr'));
    const dynamic = waitDone(d.page, 'dynamic');
    await d.page.click('#more');
    await dynamic;
    const added = await d.page.$$eval('figcaption', (els) => els.slice(4).map((e) => e.textContent.trim()));
    assert.equal(added.length, 2);
    assert.deepEqual(added, await expectedTranslation('en-fr', ['A man plays the guitar on the street while people watch.', 'A young boy in red shorts jumps into the water.']));
    // Restore must give back exactly the page as it was, the added captions included.
    await d.page.evaluate(() => window.TranslateWidget.restore());
    const restored = await d.page.evaluate(() => document.documentElement.outerHTML);
    const withAdded = restored.replace(/<figure><img src="\/demo\/img\/photo5[\s\S]*<\/figure>(?=<\/div>)/, '');
    assert.equal(withAdded, original);
  } finally {
    await d.close();
  }
});

test('privacy: only same-origin asset requests, none carries page text', { timeout: 120_000 }, async () => {
  const d = await openDemo();
  try {
    await d.page.evaluate(() => window.TranslateWidget.translatePage('de'));
    const pageWords = ['bicycle', 'umbrella', 'newspaper', 'photographer', 'Dogs', 'dogs'];
    for (const r of d.requests) {
      assert.ok(r.url.startsWith(d.origin + '/'), `off-origin request ${r.url}`);
      assert.equal(r.method, 'GET', `${r.method} ${r.url}`);
      for (const w of pageWords) assert.ok(!r.url.includes(w) && !r.body.includes(w), `request ${r.url} carries page text`);
    }
    assert.ok(d.requests.some((r) => r.url.endsWith('/models/en-de/model.twm')));
  } finally {
    await d.close();
  }
});

test('hostile model output is inserted as text, never as markup', { timeout: 60_000 }, async () => {
  const d = await openDemo();
  try {
    const r = await d.page.evaluate(async () => {
      const { PageTranslator } = await import('/widget/page-translator.js');
      window.__pwned = false;
      const hostile = '<img src=x onerror="window.__pwned=true"> <b>bold</b>';
      const pt = new PageTranslator(document, { sourceLang: 'en', getTranslator: async () => ({ translate: async (xs) => xs.map(() => hostile) }) });
      await pt.translatePage('de');
      await new Promise((res) => setTimeout(res, 200));
      const cap = document.querySelector('figcaption');
      return { text: cap.textContent, imgs: cap.querySelectorAll('img').length, bold: cap.querySelectorAll('b').length, pwned: window.__pwned };
    });
    assert.equal(r.imgs, 0);
    assert.equal(r.bold, 0);
    assert.equal(r.pwned, false);
    assert.ok(r.text.includes('<img src=x onerror='));
  } finally {
    await d.close();
  }
});
