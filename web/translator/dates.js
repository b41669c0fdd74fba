// Dates written with a month name ("March 12, 2024", "12. März 2024", "1er mars 2024", "June
// 2011") and times of day with their marker ("9 am", "5:30 p.m.", "17 Uhr") are not the model's
// to translate: the small models garble them ("February 9, 2011" → "Februar 20110 9", "December 1"
// → "Dezember 1. Dezember", en→de dev news; "9 am to 5 pm" → "9 „m“ 5 Bleib" on the demo page),
// while the platform's Intl writes each language's form exactly. Month names, day periods, the
// hour word and the target's formats all come from Intl, so any language it knows works; where
// placeholders pass through the models, a date or time travels as {n} and comes back in the
// target's form (stages/kept-pieces.js). A one-letter hour mark (French "9 h") counts only in a range ("de
// 9 h à 17 h"): alone it also writes durations ("2 h de route").
import { perLanguage } from './per-language.js';

const YEAR = String.raw`[12]\d{3}`;
const DAY = String.raw`[0-3]?\d(?:st|nd|rd|th|er)?`;

// lang -> the twelve long month names as Intl writes them, or null if Intl has none.
const monthsOf = perLanguage((lang) => {
  const f = new Intl.DateTimeFormat(lang, { month: 'long', timeZone: 'UTC' });
  const names = [...Array(12)].map((_, m) => f.format(new Date(Date.UTC(2024, m, 15))));
  return names.every((n) => /^\p{L}+$/u.test(n)) ? names : null;  // "M03": no names for this language
});

// A regex source matching a date (day month [year], month day [year], month year) or a time of
// day in `lang`, or null. A month name is written as Intl writes it, or capitalised at a sentence
// start ("mars", "Mars"; but never "may" for "May"). Built once per language (every request asks).
export const datePattern = perLanguage((lang) => {
  const names = monthsOf(lang);
  const time = timeMarkOf(lang);
  const out = [];
  if (names) {
    const month = `(?:${names.map((n) => `[${n[0]}${n[0].toUpperCase()}]${n.slice(1)}`).join('|')})`;
    // "12. März" has a dot after the day; "March 12." does not: that is the full stop.
    out.push(`(?:the )?${DAY}\\.? (?:of )?${month}(?:,? ${YEAR})?|${month} (?:the )?${DAY}(?:,? ${YEAR})?|${month} ${YEAR}`);
  }
  if (time) out.push(RANGE(time, lang));  // "9 am to 5 pm" as one
  if (time && !time.rangeOnly) out.push(TIME(time));
  return out.length ? out.join('|') : null;
});

const HOUR = String.raw`[0-2]?\d(?:[:.][0-5]\d)?`;
// French puts the minutes after a one-letter mark: "18 h 30", "18h30".
const TIME = (mark) => `${HOUR} ?(?:${mark.pattern})${mark.rangeOnly ? '(?: ?[0-5]\\d)?' : ''}`;
// How a language joins two times into a range, besides a dash (the one thing Intl cannot say).
const RANGE_WORDS = { en: ['to', 'until', 'till'], de: ['bis'], fr: ['à'] };
const joinerOf = (lang) => `(?: ?[–-] ?| (?:${(RANGE_WORDS[lang.split('-')[0]] ?? ['–']).join('|')}) )`;
// A range: both ends marked ("9 am to 5 pm"); where the mark is a word, on the last end only
// ("9 bis 17 Uhr"). "9 to 5 pm" is left alone: it says nothing about the 9.
const RANGE = (mark, lang) => `${mark.periods ? TIME(mark) : `${HOUR}(?: ?${mark.pattern})?`}${joinerOf(lang)}${TIME(mark)}`;

// Any case, dots allowed between and after the letters: "PM" -> "p.m.", "pm", "P.M".
const anyCase = (word) => [...word].map((c) => `[${c.toLowerCase()}${c.toUpperCase()}]`).join('\\.?');

// lang -> how it marks a time of day: { periods: ['am', 'pm'] } (12-hour languages, Intl's day
// periods) or { word: 'uhr' } (the word after the hour), with a regex source `pattern`; or null.
const timeMarkOf = perLanguage((lang) => {
  const f = new Intl.DateTimeFormat(lang, { hour: 'numeric', timeZone: 'UTC' });
  const partsAt = (h) => f.formatToParts(new Date(Date.UTC(2024, 0, 1, h)));
  const period = (h) => partsAt(h).find((p) => p.type === 'dayPeriod')?.value;
  const word = partsAt(9).filter((p) => p.type === 'literal').map((p) => p.value.trim()).join('');
  if (period(9) && period(21) && /^\p{L}+$/u.test(period(9) + period(21))) {
    const periods = [period(9), period(21)].map((p) => p.toLowerCase());
    // The final dot only where the sentence goes on ("9 a.m. to 5 p.m."), not a full stop.
    return { periods, pattern: `(?:${periods.map(anyCase).join('|')})(?:\\.(?=,|\\s+\\p{Ll}))?` };
  }
  if (!/^\p{L}+$/u.test(word)) return null;
  // A one-letter mark also writes durations ("2 h de route"): only a range ("de 9 h à 17 h") is a
  // time of day for sure.
  return { word: word.toLowerCase(), pattern: anyCase(word).replaceAll('\\.?', ''), rangeOnly: word.length === 1 };
});

// lang -> its compiled range regexes (the whole range, the joiner between its ends) and one regex
// finding a month name (lower case), built once.
const matchersOf = perLanguage((lang) => {
  const mark = timeMarkOf(lang), names = monthsOf(lang);
  return {
    range: mark && new RegExp(`^(?:${RANGE(mark, lang)})$`, 'u'),
    joiner: mark && new RegExp(joinerOf(lang), 'u'),
    month: names && new RegExp(`(?<!\\p{L})(${names.map((n) => n.toLowerCase()).join('|')})(?!\\p{L})`, 'u'),
  };
});

// True when a text matched by datePattern(lang) is a time ("9:30 a.m.", "17 Uhr"), not a date.
function isTime(text, lang) {
  const mark = timeMarkOf(lang);
  const parts = partsOfTime(text);
  return !!mark && !!parts && (mark.periods ? mark.periods.includes(parts.mark) : parts.mark === mark.word);
}

// "5:30 p.m." -> { hour: 5, minute: 30, mark: 'pm' }; "18 h 30" -> { hour: 18, minute: 30, mark: 'h' }.
function partsOfTime(text) {
  const m = text.match(/^(\d{1,2})(?:[:.](\d{2}))?\s?([^\d]*?)\s?(\d{2})?$/su);
  return m && { hour: Number(m[1]), minute: Number(m[2] ?? m[4] ?? 0), mark: m[3].replace(/[\s.]/g, '').toLowerCase() };
}

// A time matched by datePattern(from) as `to` writes it ("5:30 p.m." -> "17:30"), or null.
function localizeTime(text, from, to) {
  const mark = timeMarkOf(from);
  const parts = partsOfTime(text);
  if (!mark || !parts) return null;
  let { hour } = parts;
  const { minute } = parts;
  if (mark.periods) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (parts.mark === mark.periods[1] ? 12 : 0);
  } else if (hour > 23) return null;
  const bare = new Intl.DateTimeFormat(to, { hour: 'numeric', timeZone: 'UTC' }).formatToParts(new Date(0));
  // Minutes also where the target's hour alone is a bare number (Spanish "17" -> "17:00").
  const withMinutes = minute !== 0 || bare.every((p) => p.type === 'hour');
  const f = new Intl.DateTimeFormat(to, { hour: 'numeric', ...(withMinutes && { minute: '2-digit' }), timeZone: 'UTC' });
  // "09 Uhr" is how Intl writes nine o'clock in German; people write "9 Uhr".
  return f.formatToParts(new Date(Date.UTC(2024, 0, 1, hour, minute)))
    .map((p) => (p.type === 'hour' ? String(Number(p.value)) : p.value)).join('');
}

// A date, time or time range matched by datePattern(from), written as `to` writes it (a range as
// its two ends joined by " – "); null when it is not a real date or time ("February 30", "13 pm")
// or either language has no month names.
export function localizeDate(text, from, to) {
  const mark = timeMarkOf(from);
  const matchers = matchersOf(from);
  const core = text.replace(/\.$/u, '');  // "5 p.m." mid-sentence keeps its dot (see timeMarkOf)
  if (matchers?.range?.test(core)) {
    const [start, end] = core.split(matchers.joiner);
    const ends = [mark.word && !isTime(start, from) ? `${start} ${mark.word}` : start, end].map((t) => localizeTime(t, from, to));
    return ends.every(Boolean) ? ends.join(' – ') : null;
  }
  if (isTime(text, from)) return localizeTime(text, from, to);
  const names = monthsOf(from);
  if (!names || !monthsOf(to)) return null;
  const lower = text.toLowerCase();
  const found = lower.match(matchers.month)?.[1];
  const month = found === undefined ? -1 : names.findIndex((n) => n.toLowerCase() === found);
  const numbers = [...lower.matchAll(/\d+/g)].map((m) => m[0]);
  const year = numbers.find((n) => n.length === 4);
  const day = numbers.find((n) => n.length <= 2);
  if (month < 0) return null;
  const date = new Date(Date.UTC(year ? Number(year) : 2024, month, day ? Number(day) : 1));
  if (day && date.getUTCDate() !== Number(day)) return null;
  const options = { timeZone: 'UTC', month: 'long', ...(day && { day: 'numeric' }), ...(year && { year: 'numeric' }) };
  return new Intl.DateTimeFormat(to, options).format(date);
}
