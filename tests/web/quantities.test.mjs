// quantities.js: numbers, prices and percentages read by the source language's rules and written
// as the target language writes them, only where the meaning is certain; and through the JS API's
// bookkeeping (text-pipeline.js) with a model that copies numbers as they were sent.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { localizeNumbers, localizePrice, readQuantity } from '../../web/translator/quantities.js';
import { translateText } from '../../web/translator/text-pipeline.js';

const NNBSP = '\u202F';  // French digit groups, as Intl writes them

test('a number is read by its source language: "1,000" is a thousand in English, "1.000" in German', () => {
  assert.deepEqual(readQuantity('1,000', 'en'), { value: 1000, decimals: 0, grouped: true });
  assert.deepEqual(readQuantity('1.000', 'de'), { value: 1000, decimals: 0, grouped: true });
  assert.deepEqual(readQuantity('1 000', 'fr'), { value: 1000, decimals: 0, grouped: true });
  assert.deepEqual(readQuantity(`330${NNBSP}000`, 'fr'), { value: 330000, decimals: 0, grouped: true });
  // Another language whose group mark is a space (Intl writes U+00A0 for Russian; pages a plain space).
  assert.deepEqual(readQuantity('12 500,5', 'ru'), { value: 12500.5, decimals: 1, grouped: true });
  assert.deepEqual(readQuantity('1,299.50', 'en'), { value: 1299.5, decimals: 2, grouped: true });
  assert.deepEqual(readQuantity('1.299,50', 'de'), { value: 1299.5, decimals: 2, grouped: true });
  assert.deepEqual(readQuantity('1.5', 'en'), { value: 1.5, decimals: 1, grouped: false });
  assert.deepEqual(readQuantity('1,5', 'de'), { value: 1.5, decimals: 1, grouped: false });
  assert.deepEqual(readQuantity('1,5', 'fr'), { value: 1.5, decimals: 1, grouped: false });
});

test('what does not read as a quantity in the source language, or reads two ways, is left alone', () => {
  for (const [text, lang] of [['1,5', 'en'], ['1.5', 'de'], ['1.000', 'en'], ['1,000', 'de'], ['40', 'en'], ['2024', 'de'],
    ['12,34', 'en'], ['1,0000', 'en'], ['1.234.5', 'en'], ['1,2,3', 'en'], ['10.30', 'de']]) {
    assert.equal(readQuantity(text, lang), null, `${text} in ${lang}`);
  }
});

test('prices take the target\'s symbol position, separators and spacing, with the source\'s decimals', () => {
  assert.equal(localizePrice('€89.90', 'en', 'de'), '89,90\u00A0€');
  assert.equal(localizePrice('€89.90', 'en', 'fr'), '89,90\u00A0€');
  assert.equal(localizePrice('$1,299.00', 'en', 'fr'), `1${NNBSP}299,00\u00A0$`);
  assert.equal(localizePrice('€25', 'en', 'de'), '25\u00A0€');
  assert.equal(localizePrice('1.299,00 €', 'de', 'en'), '€1,299.00');
  assert.equal(localizePrice('25€', 'fr', 'en'), '€25');
  assert.equal(localizePrice('€1,5', 'en', 'de'), null, 'not an English amount');
  assert.equal(localizePrice('₿5', 'en', 'de'), null, 'a sign whose currency Intl is not told');
  assert.equal(localizePrice('€25', 'en', 'en'), null);
});

test('numbers and percentages the model copied are rewritten; versions, addresses, years and placeholders are not', () => {
  const de = (src, out) => localizeNumbers(src, out, 'en', 'de');
  assert.equal(de('Only 6,000 of 330,000 voted, 3.2% of them.', 'Nur 6,000 von 330,000 stimmten, 3.2% davon.'),
    'Nur 6.000 von 330.000 stimmten, 3,2\u00A0% davon.');
  assert.equal(de('It fell 50% in 2024.', 'Es fiel 50% im 2024.'), 'Es fiel 50\u00A0% im 2024.');
  assert.equal(de('Unemployment fell to 5.5 percent.', 'Die Arbeitslosigkeit fiel auf 5.5 Prozent.'), 'Die Arbeitslosigkeit fiel auf 5,5 Prozent.');
  const untouched = [
    ['Install Python 3.11 or Firefox 115.0 today.', 'Installieren Sie Python 3.11 oder Firefox 115.0 heute.'],
    ['Update to v2.0 or version 2.0.1 now.', 'Aktualisieren Sie auf v2.0 oder Version 2.0.1 jetzt.'],
    ['Connect to 10.0.0.1 on port 8080.', 'Verbinden Sie sich mit 10.0.0.1 auf Port 8080.'],
    ['In 2024, 40 people came to 75008 Paris.', 'Im 2024 kamen 40 Leute nach 75008 Paris.'],
    ['We have 1,000 of {1}.', 'Wir haben 1,000 von {1}.'.replace('1,000', '1.000')],  // the model wrote it the German way already
  ];
  for (const [src, out] of untouched) assert.equal(de(src, out), out, src);
  assert.equal(de('See {1} and 1,000 more.', 'Siehe {1} und 1,000 mehr.'), 'Siehe {1} und 1.000 mehr.');
  assert.equal(localizeNumbers('Le prix a augmenté de 3,5 % pour 12 000 clients.', 'The price rose 3,5 % for 12 000 customers.', 'fr', 'en'),
    'The price rose 3.5% for 12,000 customers.');
  assert.equal(localizeNumbers('Der Umsatz stieg um 1.234,5 Euro.', 'Sales rose by 1.234,5 euros.', 'de', 'en'), 'Sales rose by 1,234.5 euros.');
  assert.equal(localizeNumbers('Only 6,000 left.', 'Nur 6,000 übrig.', 'en', 'xx-unknown'), 'Nur 6,000 übrig.', 'a language Intl does not know: as written');
});

// A "model" that copies what it was sent, numbers and {n} included, and uppercases words.
const copyingModel = async (lines) => ({ lines: lines.map((l) => l.replace(/[a-z]+/g, (w) => w.toUpperCase())), sourceTokens: lines.length });

test('through the JS API bookkeeping: prices as placeholders, copied numbers and percentages, all in the reader\'s format', async () => {
  const line = 'The jacket costs €89.90; only 6,000 of 330,000 are left (3.2%). Call +44 20 7946 0958.';
  const { lines } = await translateText([line], [], copyingModel, true, { from: 'en', to: 'de' });
  assert.equal(lines[0], 'THE JACKET COSTS 89,90\u00A0€; ONLY 6.000 OF 330.000 ARE LEFT (3,2\u00A0%). CALL +44 20 7946 0958.');
  const fr = await translateText([line], [], copyingModel, true, { from: 'en', to: 'fr' });
  assert.equal(fr.lines[0], `THE JACKET COSTS 89,90\u00A0€; ONLY 6${NNBSP}000 OF 330${NNBSP}000 ARE LEFT (3,2\u00A0%). CALL +44 20 7946 0958.`);
});

test('a kept term keeps its numbers as written; a model that changed a number gets them as placeholders, localized', async () => {
  const { lines } = await translateText(['Try Plan 1,000 for 1,000 users.'], ['Plan 1,000'], copyingModel, true, { from: 'en', to: 'de' });
  assert.equal(lines[0], 'TRY Plan 1,000 FOR 1.000 USERS.');
  const sent = [];
  const changing = async (l) => {
    sent.push(...l);
    return { lines: l.map((t) => t.replace(/\b40\b/, '400')), sourceTokens: l.length };  // 40 -> 400, as fr→en once did
  };
  const res = await translateText(['40 of 6,000 rose 3.2%.'], [], changing, true, { from: 'en', to: 'de' });
  assert.deepEqual(sent, ['40 of 6,000 rose 3.2%.', '{1} of {2} rose {3}%.']);
  assert.equal(res.lines[0], '40 of 6.000 rose 3,2\u00A0%.');
});

test('a big number the model wrote without its group marks, or that travels whole (German, French), is written the target\'s way', async () => {
  assert.equal(localizeNumbers('The city has 1,450,000 inhabitants.', 'Die Stadt hat 1450000 Einwohner.', 'en', 'de'), 'Die Stadt hat 1.450.000 Einwohner.');
  const de = await translateText(['Die Stadt hat 1.450.000 Einwohner, Tel. 0800 123 4567.'], [], copyingModel, true, { from: 'de', to: 'en' });
  assert.equal(de.lines[0], 'DIE STADT HAT 1,450,000 EINWOHNER, TEL. 0800 123 4567.');
  const fr = await translateText(['La ville compte 1 450 000 habitants, tél. 01 23 45 67 89.'], [], copyingModel, true, { from: 'fr', to: 'en' });
  assert.equal(fr.lines[0], 'LA VILLE COMPTE 1,450,000 HABITANTS, TéL. 01 23 45 67 89.');
});
