// The W3C Translator and Language Detector APIs (WICG spec) on our engine, through the one-file
// polyfill (dist/translator-polyfill.js), in Chromium (forced over its built-in API), Firefox and
// WebKit (which have none).
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { expectedTranslation } from '../cli.mjs';
import { openTestPage } from './browser.mjs';
import { enginesToTest } from './engines.mjs';



for (const engine of enginesToTest()) describe(engine, () => {
  let d;
  before(async () => { d = await openTestPage('polyfill.html', { widget: false, browser: engine }); });
  after(async () => { await d.close(); });
  const run = (fn, arg) => d.page.evaluate(fn, arg);
  const errorName = (fn, arg) => d.page.evaluate(async ({ fn, arg }) => {
    try { await (0, eval)(`(${fn})`)(arg); return null; } catch (e) { return { name: e.name, quota: e.quota, requested: e.requested }; }
  }, { fn: fn.toString(), arg });

  test('availability, user activation, download progress, then available', { timeout: 120_000 }, async () => {
    assert.equal(await run(() => Translator.availability({ sourceLanguage: 'en', targetLanguage: 'de' })), 'downloadable');
    assert.equal(await run(() => Translator.availability({ sourceLanguage: 'en', targetLanguage: 'ja' })), 'unavailable');
    assert.equal(await run(() => Translator.availability({ sourceLanguage: 'de', targetLanguage: 'fr' })), 'downloadable', 'a pivot through English counts');
    assert.deepEqual(await run(() => window.noGesture), { error: 'NotAllowedError' },
      'without a user gesture, create() of a downloadable model is refused');
    assert.equal((await errorName(() => Translator.create({ sourceLanguage: 'en', targetLanguage: 'ja' })))?.name, 'NotSupportedError');
    // With a user gesture: create, watching the monitor.
    await run(() => {
      window.progress = [];
      document.querySelector('#go').addEventListener('click', () => {
        window.creating = Translator.create({ sourceLanguage: 'en', targetLanguage: 'de',
          monitor: (m) => m.addEventListener('downloadprogress', (e) => window.progress.push(e.loaded)) });
      }, { once: true });
    });
    await d.page.click('#go');
    const r = await run(async () => {
      const t = await window.creating;
      window.t = t;
      return { progress: window.progress, from: t.sourceLanguage, to: t.targetLanguage, quota: t.inputQuota,
        availability: await Translator.availability({ sourceLanguage: 'en', targetLanguage: 'de' }) };
    });
    assert.equal(r.progress[0], 0);
    assert.equal(r.progress.at(-1), 1);
    assert.ok(r.progress.every((x, i) => i === 0 || x > r.progress[i - 1]), `monotonic: ${r.progress}`);
    assert.ok(r.progress.length >= 3, 'progress in between');
    assert.deepEqual([r.from, r.to], ['en', 'de']);
    assert.ok(Number.isFinite(r.quota) && r.quota > 1000);
    assert.equal(r.availability, 'available');
    // Available now: no gesture needed.
    assert.equal(await run(async () => (await Translator.create({ sourceLanguage: 'en', targetLanguage: 'de' })).targetLanguage), 'de');
  });

  test('translate, streaming, whitespace echo, quota, abort, destroy', { timeout: 120_000 }, async () => {
    const sentences = ['A dog runs through the snow.', 'A man sings on a stage.'];
    const want = await expectedTranslation('en-de', sentences);
    assert.equal(await run(() => window.t.translate('A dog runs through the snow.')), want[0]);
    const r = await run(async (text) => {
      const chunks = [];
      for await (const c of window.t.translateStreaming(text)) chunks.push(c);
      return { chunks, whole: await window.t.translate(text), blank: await window.t.translate(' \n\t '), usage: await window.t.measureInputUsage('abcd') };
    }, sentences.join(' '));
    assert.equal(r.chunks.length, 2);
    assert.equal(r.chunks.join(''), r.whole);
    assert.equal(r.whole, want.join(' '));
    assert.equal(r.blank, ' \n\t ');
    assert.equal(r.usage, 4);
    const quota = await errorName(() => window.t.translate('x'.repeat(window.t.inputQuota + 1)));
    assert.equal(quota.name, 'QuotaExceededError');
    assert.equal(quota.requested, 20001);
    assert.equal(quota.quota, 20000);
    assert.equal((await errorName(() => window.t.translate('A dog.', { signal: AbortSignal.abort() })))?.name, 'AbortError');
    assert.equal((await errorName(() => Translator.create({ sourceLanguage: 'en', targetLanguage: 'de', signal: AbortSignal.abort() })))?.name, 'AbortError');
    // destroy(): later calls and open streams fail with AbortError.
    const destroyed = await run(async () => {
      const t = await Translator.create({ sourceLanguage: 'en', targetLanguage: 'de' });
      const reader = t.translateStreaming('A man sings. A woman dances. A child plays.').getReader();
      await reader.read();
      t.destroy();
      const names = [];
      try { await reader.read(); names.push('stream still open'); } catch (e) { names.push(e.name); }
      try { await t.translate('A dog.'); names.push('translate worked'); } catch (e) { names.push(e.name); }
      try { await t.measureInputUsage('A dog.'); names.push('measure worked'); } catch (e) { names.push(e.name); }
      return names;
    });
    assert.deepEqual(destroyed, ['AbortError', 'AbortError', 'AbortError']);
  });

  test('LanguageDetector ranks the language of a text first', async () => {
    const r = await run(async () => {
      const det = await LanguageDetector.create();
      return {
        en: (await det.detect('The dog is in the garden and the cat is on the roof.'))[0].detectedLanguage,
        de: (await det.detect('Der Hund ist im Garten und die Katze ist auf dem Dach.'))[0].detectedLanguage,
        fr: (await det.detect('Le chien est dans le jardin et le chat est sur le toit.'))[0],
        none: await det.detect('12345'),
        ja: await LanguageDetector.availability({ expectedInputLanguages: ['ja'] }),
      };
    });
    assert.equal(r.en, 'en');
    assert.equal(r.de, 'de');
    assert.equal(r.fr.detectedLanguage, 'fr');
    assert.ok(r.fr.confidence > 0.5 && r.fr.confidence <= 1);
    assert.deepEqual(r.none, [{ detectedLanguage: 'und', confidence: 1 }]);
    assert.equal(r.ja, 'unavailable');
  });
});
