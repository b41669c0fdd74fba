// dates.js: which dates and times are found in each language, and how Intl writes them in another.
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

test('times of day with their mark: am/pm in English, Uhr in German; French "9 h" alone (also a duration) is left alone', () => {
  assert.deepEqual(found('Doors open at 7 pm, or 9AM on Sundays.', 'en'), ['7 pm', '9AM']);
  assert.deepEqual(found('Samstags ab 9.30 Uhr.', 'de'), ['9.30 Uhr']);
  assert.deepEqual(found('2 h de route, puis 3 h de marche', 'fr'), [], 'a duration');
  assert.equal(localizeDate('5 pm', 'en', 'de'), '17 Uhr');
  assert.equal(localizeDate('12 am', 'en', 'fr'), '0 h');
  assert.equal(localizeDate('5:30 p.m.', 'en', 'fr'), '17:30');
  assert.match(localizeDate('17 Uhr', 'de', 'en'), /^5\sPM$/u);  // Intl's space: U+202F in current ICU
  assert.equal(localizeDate('9 am', 'en', 'es'), '9:00', 'a bare hour gets its minutes where the language has no hour word');
  assert.equal(localizeDate('13 pm', 'en', 'de'), null);
});

test('"March 12." ends a sentence: the full stop is not part of the date', () => {
  assert.deepEqual(found('It starts on March 12. Book now.', 'en'), ['March 12']);
});

test('a range of times is one: "9 am to 5 pm", "9 bis 17 Uhr", "9am-5pm", written as its two ends', () => {
  assert.deepEqual(found('Monday to Friday, 9 am to 5:30 p.m. daily; 9am-5pm; 9 to 5 pm.', 'en'), ['9 am to 5:30 p.m.', '9am-5pm', '5 pm']);
  assert.deepEqual(found('Von 9 bis 17 Uhr, samstags 8–12 Uhr.', 'de'), ['9 bis 17 Uhr', '8–12 Uhr']);
  assert.equal(localizeDate('9 am to 5:30 p.m.', 'en', 'de'), '9 Uhr – 17:30');
  assert.equal(localizeDate('9am-5pm', 'en', 'fr'), '9 h – 17 h');
  assert.match(localizeDate('9 bis 17 Uhr', 'de', 'en'), /^9\sAM – 5\sPM$/u);
  assert.deepEqual(found('du lundi au vendredi de 9 h à 17 h', 'fr'), ['9 h à 17 h']);
  assert.match(localizeDate('9 h à 17 h', 'fr', 'en'), /^9\sAM – 5\sPM$/u);
  assert.deepEqual(found('Ouvert de 10 h à 18 h 30.', 'fr'), ['10 h à 18 h 30']);
  assert.match(localizeDate('10 h à 18h30', 'fr', 'en'), /^10\sAM – 6:30\sPM$/u);
  assert.equal(localizeDate('10 h à 18 h 30', 'fr', 'de'), '10 Uhr – 18:30');
});
