// The text pipeline (text-pipeline.js and its stages), the bookkeeping around the model: which pieces of a line travel as placeholders,
// how they are numbered beside the widget's own, and what happens when the model loses one. The
// model's side is played by a function that shows what it was sent (tests/web/api.test.mjs runs
// the shipped models through the same code).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalizeKeepTerms } from '../../web/translator/keep-terms.js';
import { translateText } from '../../web/translator/text-pipeline.js';

// A "model" that uppercases words and passes {n} through, or drops the last one when told to.
function model({ drop = false } = {}) {
  const sent = [];
  const run = async (lines) => {
    sent.push(...lines);
    return {
      lines: lines.map((l) => {
        const out = l.replace(/[a-z]+/g, (w) => w.toUpperCase());
        return drop ? out.replace(/\{\d+\}(?!.*\{\d+\})/, '') : out;
      }),
      sourceTokens: lines.length,
    };
  };
  return { run, sent };
}

test('with placeholder models: addresses, long numbers, prices, emoji and other scripts travel as {n}', async () => {
  const m = model();
  const line = 'Write to help@example.com or call +44 20 7946 0958 about the €25 fee 🍕 from 東京電力.';
  const { lines } = await translateText([line, 'Plain words.'], [], m.run, true);
  assert.deepEqual(m.sent, ['Write to {1} or call {2} about the {3} fee {4} from {5}.', 'Plain words.']);
  assert.equal(lines[0], 'WRITE TO help@example.com OR CALL +44 20 7946 0958 ABOUT THE €25 FEE 🍕 FROM 東京電力.');
  assert.equal(lines[1], 'PLAIN WORDS.');
});

test('the line\'s own placeholders (the widget\'s) are numbered with ours in reading order and given back as they were', async () => {
  const m = model();
  const { lines } = await translateText(['© 2026 {1}. Call 0800 123 4567 or see {2}.'], [], m.run, true);
  assert.deepEqual(m.sent, ['{1} 2026 {2}. Call {3} or see {4}.']);
  assert.equal(lines[0], '© 2026 {1}. CALL 0800 123 4567 OR SEE {2}.');
});

test('a placeholder the model lost: the line is translated in pieces, the kept text as written', async () => {
  const m = model({ drop: true });
  const { lines } = await translateText(['Ask Acme Cloud support today.'], normalizeKeepTerms('Acme, Acme Cloud'), m.run, true);
  assert.deepEqual(m.sent, ['Ask {1} support today.', 'Ask', 'support today.']);
  assert.equal(lines[0], 'ASK Acme Cloud SUPPORT TODAY.');
});

test('models without placeholders: only the terms are kept (in pieces); addresses and numbers stay in the sentence', async () => {
  const m = model();
  const { lines } = await translateText(['Acme costs €25, call 0800 123 4567.'], ['Acme'], m.run, false);
  assert.deepEqual(m.sent, ['costs €25, call 0800 123 4567.']);
  assert.equal(lines[0], 'Acme COSTS €25, CALL 0800 123 4567.');
  const plain = model();
  await translateText(['Call 0800 123 4567 about 🍕.'], [], plain.run, false);
  assert.deepEqual(plain.sent, ['Call 0800 123 4567 about 🍕.']);
});

test('layout symbols (breadcrumb separators, bullets) are not sent: the words between them are, each on its own', async () => {
  for (const placeholders of [true, false]) {
    const m = model();
    const { lines } = await translateText(['Home › Products › Pricing', '• Free shipping', 'Plain words.'], [], m.run, placeholders);
    assert.deepEqual(m.sent, ['Home', 'Products', 'Pricing', 'Free shipping', 'Plain words.']);
    assert.deepEqual(lines, ['HOME › PRODUCTS › PRICING', '• FREE SHIPPING', 'PLAIN WORDS.']);
  }
  const m = model();
  assert.deepEqual((await translateText([' · '], [], m.run, true)).lines, [' · ']);
  assert.deepEqual(m.sent, [], 'nothing to translate: the model is not asked');
});

test('with placeholder models a date or time travels as {n} and comes back as Intl writes it in the target language', async () => {
  const m = model();
  const { lines } = await translateText(['Posted on March 12, 2024 by Anna.', 'Offer valid until 31 May.'], [], m.run, true, { from: 'en', to: 'de' });
  assert.deepEqual(m.sent, ['Posted on {1} by Anna.', 'Offer valid until {1}.']);
  assert.deepEqual(lines, ['POSTED ON 12. März 2024 BY ANNA.', 'OFFER VALID UNTIL 31. Mai.']);
  const times = model();
  const opening = await translateText(['Open daily from 9 am to 6 pm, at 7 pm on Fridays.'], [], times.run, true, { from: 'en', to: 'de' });
  assert.deepEqual(opening.lines, ['OPEN DAILY FROM 9 Uhr – 18 Uhr, AT 19 Uhr ON FRIDAYS.']);
  assert.deepEqual(times.sent, ['Open daily from {1}, at {2} on Fridays.'], '"18" for "6 pm" is no changed number: no second pass');
  const plain = model();
  await translateText(['Posted on March 12, 2024.'], [], plain.run, false, { from: 'en', to: 'de' });
  assert.deepEqual(plain.sent, ['Posted on March 12, 2024.'], 'models without placeholders get the date in the sentence');
});

test('with the languages known, a line that is an interface word is not sent; a kept term still is', async () => {
  const m = model();
  const { lines } = await translateText(['Remove', 'Home › Products', 'Remove the lid.', 'Home'], ['Home'], m.run, true, { from: 'en', to: 'fr' });
  assert.deepEqual(lines, ['Supprimer', 'Home › Produits', 'REMOVE THE LID.', 'Home']);
  assert.deepEqual(m.sent, ['{1}', 'Remove the lid.', '{1}'], 'the kept term "Home" goes as a placeholder, the rest is the table\'s');
});

test('an output with a broken placeholder besides the whole ones ("a {2} 2}") counts as lost: the line goes in pieces', async () => {
  const sent = [];
  const run = async (lines) => {
    sent.push(...lines);
    return { lines: lines.map((l) => (l.includes('{2}') ? l.replace('{2}', '{2} 2}') : l).toUpperCase()), sourceTokens: 0 };
  };
  const { lines } = await translateText(['Mail help@example.com or call 0800 123 4567 today.'], [], run, true);
  assert.deepEqual(sent, ['Mail {1} or call {2} today.', 'Mail', 'or call', 'today.']);
  assert.equal(lines[0], 'MAIL help@example.com OR CALL 0800 123 4567 TODAY.');
});

// A "model" that writes numbers its own way: `edit` maps each digit run it sees.
function numberModel(edit) {
  const sent = [];
  const run = async (lines) => {
    sent.push(...lines);
    return { lines: lines.map((l) => l.replace(/(?<!\{)\d+(?:[.,]\d+)*(?!\})/g, edit).toUpperCase()), sourceTokens: lines.length };
  };
  return { run, sent };
}

test('a line whose translation changed a number is translated again with every number as {n}', async () => {
  const m = numberModel((n) => n + '0');  // 40 -> 400, as fr→en did
  const { lines, sourceTokens } = await translateText(['You clicked 40 times, 3,5 % of {1}.', 'No numbers.'], [], m.run, true);
  assert.deepEqual(m.sent, ['You clicked 40 times, 3,5 % of {1}.', 'No numbers.', 'You clicked {1} times, {2} % of {3}.']);
  assert.equal(lines[0], 'YOU CLICKED 40 TIMES, 3,5 % OF {1}.');
  assert.equal(lines[1], 'NO NUMBERS.');
  assert.equal(sourceTokens, 3);
});

test('numbers written with other separators are the same numbers: translated once', async () => {
  const m = numberModel((n) => n.replace(/[.,]/g, (c) => (c === '.' ? ',' : '.')));  // 1,299.50 -> 1.299,50
  const { lines } = await translateText(['It costs 1,299.50 in 2026.'], [], m.run, true);
  assert.deepEqual(m.sent, ['It costs 1,299.50 in 2026.']);
  assert.equal(lines[0], 'IT COSTS 1.299,50 IN 2026.');
  const old = numberModel((n) => n + '0');
  await translateText(['Only 40 left.'], [], old.run, false);
  assert.deepEqual(old.sent, ['Only 40 left.'], 'models without placeholders: nothing to retry with');
});

// Hostile text on the page: patterns that backtrack would hang the page here (the timeout is a
// hang guard; with bounded patterns this takes well under a second).
test('a million characters of near-addresses, near-numbers, near-dates, separators and currency signs come back unchanged', { timeout: 60_000 }, async () => {
  const hostile = ['a.'.repeat(500_000) + '@', 'https://a' + '.'.repeat(1_000_000), '1.'.repeat(500_000), '€'.repeat(1_000_000),
    '12 of '.repeat(200_000) + 'Marchy', ' ›'.repeat(500_000) + 'a' + ' '.repeat(500_000) + 'b', '- '.repeat(500_000)];
  const { lines } = await translateText(hostile, [], async (l) => ({ lines: l, sourceTokens: 0 }), true, { from: 'en', to: 'de' });
  assert.deepEqual(lines.map((l) => l.length), hostile.map((l) => l.length));
});
