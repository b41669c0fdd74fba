// Confidence through the JS API (translate(..., { scores: true })): the WASM engine's score of a
// line is the native engine's, bit for bit (engine/model/search.h; the CLI's --scores); asking for
// scores changes no translation; lines without model output (an interface word) have none; a text
// of several lines takes its least sure line; bad options get a clear error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTranslator, TranslatorError } from '../../web/translator/index.js';
import { numbersOf } from '../../web/translator/stages/number-retry.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const flickr = gunzipSync(readFileSync(join(root, '..', 'shared', 'data', 'multi30k', 'test_2016_flickr.en.gz')))
  .toString('utf8').split('\n').filter(Boolean).slice(0, 150);
const news = [
  'Scientists say the new tuberculosis vaccine protects most adults for at least ten years.',
  'The United States Strategic Command is tracking the debris.',
  'Qwpoe zxmv lkjasd poiu mnbv.',
  'Click Save to keep your changes before closing the window.',
];

test('en-de: WASM confidences equal the native engine\'s scores, and translations are unchanged', { timeout: 300_000 }, async () => {
  const lines = [...flickr, ...news];
  const native = execFileSync(join(root, 'scripts', 'translate'), ['--model', 'en-de', '--backend', 'native', '--scores'],
    { input: lines.join('\n') + '\n', encoding: 'utf8', maxBuffer: 1 << 26 }).split('\n').slice(0, -1)
    .map((l) => { const [score, text] = l.split('\t'); return { score: Number(score), text }; });
  const t = await createTranslator({ model: 'en-de', from: 'en', to: 'de' });
  try {
    const scored = await t.translate(lines, { scores: true });
    const plain = await t.translate(lines);
    assert.deepEqual(scored.map((s) => s.text), plain);
    // Lines the API sent as the engine got them: not retried for a changed number, not an interface word.
    const same = lines.map((_, i) => i).filter((i) => scored[i].text === native[i].text && numbersOf(native[i].text) === numbersOf(lines[i]));
    assert.ok(same.length > 0.9 * lines.length, `${same.length} of ${lines.length} comparable`);
    const differing = same.filter((i) => Math.fround(Math.log(scored[i].confidence)) !== Math.fround(native[i].score))
      .map((i) => ({ i, line: lines[i], wasm: Math.log(scored[i].confidence), native: native[i].score }));
    assert.deepEqual(differing.slice(0, 5), []);
    for (const s of scored) assert.ok(s.confidence > 0 && s.confidence <= 1, JSON.stringify(s));
    // Not one constant: the model is surer of some lines than of others.
    const all = scored.map((s) => s.confidence);
    assert.ok(Math.max(...all) - Math.min(...all) > 0.2, `${Math.min(...all)}..${Math.max(...all)}`);
  } finally {
    t.dispose();
  }
});

test('confidence: none without model output, the least sure line of several, one for a single text', { timeout: 120_000 }, async () => {
  const t = await createTranslator({ model: 'en-de', from: 'en', to: 'de' });
  try {
    const word = await t.translate('Save', { scores: true });
    assert.equal(word.text, 'Speichern');
    assert.equal(word.confidence, null, 'an interface word from the glossary has no model score');
    const [a, b] = await t.translate([flickr[0], news[2]], { scores: true });
    const both = await t.translate(`${flickr[0]}\n${news[2]}`, { scores: true });
    assert.equal(both.text, `${a.text}\n${b.text}`);
    assert.equal(both.confidence, Math.min(a.confidence, b.confidence));
    assert.equal(typeof (await t.translate(flickr[1], { scores: false })), 'string');
    await assert.rejects(t.translate('x', { scores: 'yes' }), (e) => e instanceof TranslatorError && e.code === 'invalid-option' && /scores/.test(e.message));
    await assert.rejects(t.translate('x', 'scores'), (e) => e instanceof TranslatorError && e.code === 'invalid-option');
  } finally {
    t.dispose();
  }
});
