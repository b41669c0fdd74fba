// layout-symbols.js: which symbols of a line are layout (kept as written) and which words go to
// the model, and that the line comes back whole.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { joinLayout, splitLayout } from '../../web/translator/layout-symbols.js';

const upper = (line) => {
  const s = splitLayout(line);
  return s && joinLayout(s, s.pieces.map((p) => p.toUpperCase()));
};

test('separators between words split a line; the symbols and their spacing stay as written', () => {
  assert.deepEqual(splitLayout('Home › Products › Pricing').pieces, ['Home', 'Products', 'Pricing']);
  assert.equal(upper('Home › Products › Pricing'), 'HOME › PRODUCTS › PRICING');
  assert.equal(upper('Privacy policy · Terms of use | Imprint'), 'PRIVACY POLICY · TERMS OF USE | IMPRINT');
  assert.equal(upper('Settings  >  Privacy'), 'SETTINGS  >  PRIVACY');
});

test('bullets, arrows, dashes and stars at the ends are kept; a piece without letters is not sent', () => {
  assert.equal(upper('• Free shipping'), '• FREE SHIPPING');
  assert.equal(upper('Next →'), 'NEXT →');
  assert.equal(upper('— Maria, project manager'), '— MARIA, PROJECT MANAGER');
  assert.equal(upper('Work email *'), 'WORK EMAIL *');
  assert.deepEqual(splitLayout('€12.99 / month').pieces, ['month']);
  assert.equal(upper('€12.99 / month'), '€12.99 / MONTH');
  assert.deepEqual(splitLayout(' › '), { pieces: [], glue: [' › '] });
});

test('prose is left whole: symbols without spaces, dashes and French quotes inside a sentence', () => {
  for (const line of ['Plain sentence.', 'and/or, A>B', 'Maria – a project manager – said so.', '« Bonjour », dit-il.', '  spaced  ', '12'])
    assert.equal(splitLayout(line), null, line);
});
