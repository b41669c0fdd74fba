// dates.js: which dates are found in each language, and how Intl writes them in another.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { datePattern, localizeDate } from '../../web/translator/dates.js';

const found = (text, lang) => [...text.matchAll(new RegExp(`(?<![\\p{L}\\p{N}])(?:${datePattern(lang)})(?![\\p{L}\\p{N}])`, 'gu'))].map((m) => m[0]);

test('dates with a month name are found in English, German and French text', () => {
  assert.deepEqual(found('Posted on March 12, 2024, updated 3 April 2024 and in June 2011.', 'en'), ['March 12, 2024', '3 April 2024', 'June 2011']);
  assert.deepEqual(found('due on the 21st of December', 'en'), ['the 21st of December']);
  assert.deepEqual(found('Am 12. März 2024 und im Juni 2011.', 'de'), ['12. März 2024', 'Juni 2011']);
  assert.deepEqual(found('Livré le 1er mars 2024. Mars 2025 aussi.', 'fr'), ['1er mars 2024', 'Mars 2025']);
});

test('words that only look like months are not dates: "may", a month without a day or year', () => {
  assert.deepEqual(found('You may 5 times try it in May.', 'en'), []);
  assert.deepEqual(found('A march 12 miles long.', 'en'), []);
});

test('Intl writes each date in the target language\'s form; impossible dates are left alone', () => {
  assert.equal(localizeDate('March 12, 2024', 'en', 'de'), '12. März 2024');
  assert.equal(localizeDate('March 12, 2024', 'en', 'fr'), '12 mars 2024');
  assert.equal(localizeDate('12. März 2024', 'de', 'en'), 'March 12, 2024');
  assert.equal(localizeDate('1er mars 2024', 'fr', 'en'), 'March 1, 2024');
  assert.equal(localizeDate('the 21st of December', 'en', 'de'), '21. Dezember');
  assert.equal(localizeDate('June 2011', 'en', 'de'), 'Juni 2011');
  assert.equal(localizeDate('February 29, 2023', 'en', 'de'), null);
  assert.equal(localizeDate('February 29, 2024', 'en', 'fr'), '29 février 2024');
});
