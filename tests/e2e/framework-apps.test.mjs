// The widget on framework apps (React 18 and Vue 3 from npm, real builds): the app keeps working
// while translated, every update shows translated, restore() gives back the app's latest text,
// and translating again works. Expected translations come from the CLI (same engine, same model).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectedTranslation } from '../cli.mjs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openTestPage } from './browser.mjs';
import { enginesToTest } from './engines.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

const SOURCES = ['You clicked the button 0 times.', 'You clicked the button 3 times.', 'You clicked the button 4 times.',
  'Water the plants', '3 items are in your list.', '2 items are in your list.', 'The shop opens at nine in the morning.',
  'Hello, Ann!', 'Click here', 'Remove', 'Add an item', 'Show or hide the details', 'Buy fresh bread', 'Call the bank'];
const translated = await expectedTranslation('en-de', SOURCES);
const de = Object.fromEntries(SOURCES.map((s, i) => [s, translated[i]]));

const text = (page, sel) => page.$eval(sel, (el) => el.textContent.replace(/\s+/g, ' ').trim());
const waitText = async (page, sel, want) => {
  try {
    await page.waitForFunction(({ sel, want }) => document.querySelector(sel)?.textContent.replace(/\s+/g, ' ').trim() === want,
      { sel, want }, { timeout: 30_000 });
  } catch {
    assert.equal(await text(page, sel).catch(() => null), want, `${sel} never showed the expected text`);
  }
};
const pickerValue = (page) => page.evaluate(() => document.querySelector('[data-translate-widget]').shadowRoot.querySelector('select').value);

async function exerciseApp(name, browser) {
  const d = await openTestPage(name, { browser });
  const { page } = d;
  try {
    await page.waitForSelector('#count');
    await page.evaluate(() => window.TranslateWidget.ready);
    await page.evaluate(() => window.TranslateWidget.translatePage('de'));
    assert.equal(await pickerValue(page), 'de', 'the picker follows translatePage()');
    await waitText(page, '#count', de['You clicked the button 0 times.']);
    await waitText(page, '#inc', de['Click here']);
    // Adjacent buttons are separate segments, each translated on its own.
    await waitText(page, '#add', de['Add an item']);
    await waitText(page, '#toggle', de['Show or hide the details']);

    // State in a sentence: three clicks, the translated sentence follows.
    for (let i = 0; i < 3; i++) await page.click('#inc');
    await waitText(page, '#count', de['You clicked the button 3 times.']);

    // Keyed list: add and remove; the count line follows, the new item is translated.
    await page.click('#add');
    await waitText(page, '#list li:nth-child(3) .text', de['Water the plants']);
    await waitText(page, '#total', de['3 items are in your list.']);
    await page.click('#list li:first-child .remove');
    await page.waitForFunction(() => document.querySelectorAll('#list li').length === 2);
    await waitText(page, '#total', de['2 items are in your list.']);
    await waitText(page, '#list li:first-child .text', de['Call the bank']);

    // Conditional rendering: shown translated, hidden without errors.
    await page.click('#toggle');
    await waitText(page, '#details', de['The shop opens at nine in the morning.']);
    await page.click('#toggle');
    await page.waitForFunction(() => !document.querySelector('#details'));

    // Controlled input: typing updates the greeting, which is translated.
    await page.fill('#name', 'Ann');
    assert.equal(await page.inputValue('#name'), 'Ann');
    await waitText(page, '#greeting', de['Hello, Ann!']);

    // restore(): the app's latest text, not the text it had when translated.
    await page.evaluate(() => window.TranslateWidget.restore());
    assert.equal(await pickerValue(page), 'en', 'the picker follows restore()');
    assert.equal(await text(page, '#count'), 'You clicked the button 3 times.');
    assert.equal(await text(page, '#total'), '2 items are in your list.');
    assert.equal(await text(page, '#greeting'), 'Hello, Ann!');
    assert.deepEqual(await page.$$eval('#list .text', (els) => els.map((e) => e.textContent)), ['Call the bank', 'Water the plants']);
    await page.click('#inc');
    await waitText(page, '#count', 'You clicked the button 4 times.');

    // And again.
    await page.evaluate(() => window.TranslateWidget.translatePage('de'));
    await waitText(page, '#count', de['You clicked the button 4 times.']);
    await waitText(page, '#list li:first-child .text', de['Call the bank']);
    assert.deepEqual(d.consoleErrors, []);
    return d;
  } catch (e) {
    await page.screenshot({ path: join(root, 'build', 'e2e', `${name}-${browser}-failure.png`) }).catch(() => {});
    await d.close();
    throw e;
  }
}

for (const engine of enginesToTest()) {
  test(`${engine}: React 18 app: state, keyed list, conditional, controlled input, restore, again`, { timeout: 180_000 }, async () => {
    const d = await exerciseApp('react-app.html', engine);
    try {
      // Do-not-translate terms (data-keep) come out verbatim, once, inside a translated sentence.
      const brand = await text(d.page, '#brand');
      assert.equal(brand.split('Street & Park').length - 1, 1, brand);
      assert.notEqual(brand, 'Welcome to Street & Park, the best shop in town.');
    } finally {
      await d.close();
    }
  });

  test(`${engine}: Vue 3 app: the same, with text interpolation and v-model`, { timeout: 180_000 }, async () => {
    const d = await exerciseApp('vue-app.html', engine);
    await d.close();
  });
}
