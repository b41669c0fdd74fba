#!/usr/bin/env node
// Accuracy of our language detector (web/translator/detect-language.js): the languages we ship, on
// short (Tatoeba) and long (news) sentences of ../shared/data/general, and how much confidence it
// gives our languages on text in languages we do not ship (tests/web/other-languages.json).
// Usage: node scripts/measure-language-detector.mjs [rows per set, default 500]
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rankLanguages, DETECTABLE_LANGUAGES } from '../web/translator/detect-language.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const general = join(root, '..', 'shared', 'data', 'general');

// Every n-th row of a corpus file (deterministic), as { en, other }.
function sample(file, rows) {
  const lines = gunzipSync(readFileSync(join(general, file))).toString('utf8').split('\n').filter(Boolean);
  const step = Math.max(1, Math.floor(lines.length / rows));
  return lines.filter((_, i) => i % step === 0).slice(0, rows).map((l) => l.split('\t'));
}

export function measure(rows = 500) {
  const out = {};
  for (const [kind, name] of [['short', 'tatoeba'], ['long', 'news']]) {
    const sets = { en: [], de: [], fr: [] };
    for (const other of ['de', 'fr']) {
      for (const [en, tr] of sample(`${name}.en-${other}.tsv.gz`, rows)) { sets.en.push(en); sets[other].push(tr); }
    }
    for (const [lang, texts] of Object.entries(sets)) {
      const right = texts.filter((t) => rankLanguages(t)[0].detectedLanguage === lang).length;
      out[`${kind} ${lang}`] = { sentences: texts.length, accuracy: right / texts.length };
    }
  }
  const others = JSON.parse(readFileSync(join(root, 'tests', 'web', 'other-languages.json'), 'utf8'));
  let worst = { confidence: 0 };
  for (const [lang, texts] of Object.entries(others)) {
    for (const t of texts) {
      for (const r of rankLanguages(t)) {
        if (DETECTABLE_LANGUAGES.includes(r.detectedLanguage) && r.confidence > worst.confidence) worst = { ...r, text: t, lang };
      }
    }
  }
  out['other languages: highest confidence given to en/de/fr'] = worst;
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  console.log(JSON.stringify(measure(Number(process.argv[2]) || 500), null, 1));
}
