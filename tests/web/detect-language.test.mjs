// The one language detector (widget page language and the LanguageDetector API), measured on
// ../shared/data/general: our languages on short and long sentences, and never a confident claim
// of en/de/fr on text in a language we do not ship.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { measure } from '../../scripts/measure-language-detector.mjs';
import { detectLanguage, rankLanguages } from '../../web/translator/detect-language.js';

test('accuracy: short sentences >= 80 %, long sentences >= 95 %, per language', () => {
  const m = measure(300);
  for (const lang of ['en', 'de', 'fr']) {
    assert.ok(m[`short ${lang}`].accuracy >= 0.8, `short ${lang}: ${m[`short ${lang}`].accuracy}`);
    assert.ok(m[`long ${lang}`].accuracy >= 0.95, `long ${lang}: ${m[`long ${lang}`].accuracy}`);
  }
  const worst = m['other languages: highest confidence given to en/de/fr'];
  assert.ok(worst.confidence < 0.5, `gave ${worst.detectedLanguage} ${worst.confidence} to ${worst.lang}: ${worst.text}`);
});

test('ranking: sorted, confidences sum to 1, und for what it cannot tell', () => {
  for (const t of ['The dog is in the garden and the cat is on the roof.', 'Il cane è nel giardino.', '', '12345', '犬は庭にいます。']) {
    const r = rankLanguages(t);
    assert.ok(r.every((x, i) => i === 0 || x.confidence <= r[i - 1].confidence), t);
    assert.ok(Math.abs(r.reduce((s, x) => s + x.confidence, 0) - 1) < 1e-9, t);
  }
  assert.deepEqual(rankLanguages('12345'), [{ detectedLanguage: 'und', confidence: 1 }]);
  assert.equal(rankLanguages('犬は庭にいます。')[0].detectedLanguage, 'ja');
  assert.equal(detectLanguage('Der Hund ist im Garten und die Katze ist auf dem Dach.'), 'de');
  assert.equal(detectLanguage('El perro está en el jardín y la casa es muy grande.'), 'es');
});
