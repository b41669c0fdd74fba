// The placeholder protocol (web/translator/placeholders.js), shared by the text pipeline and the
// widget: numbering in reading order with the line's own placeholders, filling back in any order,
// cutting back in page order, and refusing outputs that lost, doubled or broke one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  betweenPlaceholders, cutAtPlaceholders, fillFound, fillPlaceholders, hasBrokenPlaceholder, hasPlaceholder,
  joinWithPlaceholders, numberPlaceholders, placeholder, withoutPlaceholders,
} from '../../web/translator/placeholders.js';

test('kept pieces and the line\'s own placeholders are numbered together in reading order', () => {
  const pieces = [{ text: '©', term: true, shown: '©' }, { text: ' 2026 {1}. Call ', term: false },
    { text: '0800 123', term: true, shown: '0800 123' }, { text: ' or see {2}.', term: false }];
  const { text, back } = numberPlaceholders(pieces);
  assert.equal(text, '{1} 2026 {2}. Call {3} or see {4}.');
  assert.deepEqual(back, [null, '©', '{1}', '0800 123', '{2}']);
  assert.equal(fillPlaceholders('{4} oder {3} anrufen. {1} 2026 {2}.', back), '{2} oder 0800 123 anrufen. © 2026 {1}.');
});

test('filling back: every placeholder exactly once and whole, in any order; otherwise null', () => {
  const back = [null, 'A', 'B'];
  assert.equal(fillPlaceholders('{2} und {1}', back), 'B und A');
  assert.equal(fillPlaceholders('{1} und', back), null, 'lost');
  assert.equal(fillPlaceholders('{1} {1} {2}', back), null, 'doubled');
  assert.equal(fillPlaceholders('{1} {2} 2}', back), null, 'broken');
  assert.equal(fillPlaceholders('{1} {2} {3}', back), null, 'invented');
  assert.equal(fillFound('{2} und {7}', back), 'B und {7}', 'fillFound takes what is there');
});

test('cutting back in page order: the page\'s nodes cannot be reordered', () => {
  assert.equal(joinWithPlaceholders(['Use ', ' at checkout or write to ', '.']), 'Use {1} at checkout or write to {2}.');
  assert.deepEqual(cutAtPlaceholders('Verwenden Sie {1} an der Kasse oder schreiben Sie an {2}.', 3),
    ['Verwenden Sie ', ' an der Kasse oder schreiben Sie an ', '.']);
  assert.equal(cutAtPlaceholders('Schreiben Sie an {2} oder verwenden Sie {1}.', 3), null, 'reordered');
  assert.equal(cutAtPlaceholders('Verwenden Sie den Code an der Kasse.', 2), null, 'dropped');
  assert.equal(cutAtPlaceholders('{1} und {1}', 2), null, 'doubled');
  assert.equal(cutAtPlaceholders('{1} und 1}', 2), null, 'broken');
  assert.deepEqual(betweenPlaceholders('Run {1} now.'), ['Run ', ' now.']);
});

test('what reads as a placeholder', () => {
  assert.equal(placeholder(3), '{3}');
  assert.ok(hasPlaceholder('Write {1} here'));
  assert.ok(!hasPlaceholder('Write {x} or {} here'));
  assert.ok(hasBrokenPlaceholder('a {2} 2}'));
  assert.ok(hasBrokenPlaceholder('a {2'));
  assert.ok(!hasBrokenPlaceholder('a {2} and {10}'));
  assert.equal(withoutPlaceholders('a{1}b'), 'a b');
});
