// Language detection for the widget (page language) and the LanguageDetector API: one detector.
//
// Scripts first: text mostly in a non-Latin script is that script's language (or 'und' where a
// script serves many), never one of ours. Latin text is scored by function words — the short,
// frequent words every sentence has — and typical spellings (ß, ç, n't, -ung, l'…, half a point
// each) of the languages we ship and of the Latin-script languages a page is most likely to be in
// otherwise, so that Spanish is "es", not the French it shares "la" with. Accuracy is measured by scripts/measure-language-detector.mjs (numbers in the README).
const MARKERS = {
  en: 'the and is are was were with of to in on for that this it you not have has be at by from or an a',
  de: 'der die das und ist sind war mit ein eine einem einen einer nicht auf für von zu den dem des sich ich sie es wir auch im',
  fr: 'le la les et est sont était avec un une des du sur pour dans que qui ne pas ce cette il elle nous vous au aux',
  // Not shipped, but must not be taken for ours.
  es: 'el la los las y es son está con un una del en que por para no se lo su al muy pero como',
  it: 'il lo la gli le e è sono con un una del della di che per non si nel alla come ma',
  pt: 'o a os as e é são está com um uma do da em que por para não se no na ao mas como',
  nl: 'de het een en is zijn was met van op voor dat niet te in ik je we ze er maar ook',
  sv: 'och är att för det som en på med jag inte har till av om så var',
};
// Spellings typical of one language (letters, elisions, endings): each occurrence counts as a hit.
const SPELLINGS = {
  en: /n't\b|'(s|re|ve|ll|m|d)\b|\w(ing|ly)\b|\bth/giu,
  de: /[äöüß]|\w(ung|lich|keit|heit|chen)\b|sch|\bge\w{3}/giu,
  fr: /[éèêàçùâîôûœ]|\b(l|d|j|m|n|s|t|c|qu)'|\w(eux|aux|ais|ait|ées?)\b/giu,
  es: /[ñ¿¡]|ción\b|\w(os|as)\b/giu,
  it: /\w(zione|zioni|ggi|cch)\w*|\b(gli|della|delle|nel)\b/giu,
  pt: /[ãõ]|ção\b|\blh|nh/giu,
  nl: /ij|\b(het|een)\b|oo|aa/giu,
  pl: /[łąęśżźćń]/giu,
  sv: /[å]|\boch\b/giu,
  tr: /[şğı]/giu,
};
export const DETECTABLE_LANGUAGES = ['en', 'de', 'fr'];  // what the LanguageDetector API offers
const MARKER_SETS = Object.entries(MARKERS).map(([lang, words]) => [lang, new Set(words.split(' '))]);
// Scripts that name one language; the others (Cyrillic, Arabic, Devanagari, …) give 'und'.
const SCRIPTS = [
  [/\p{Script=Hiragana}|\p{Script=Katakana}/u, 'ja'], [/\p{Script=Hangul}/u, 'ko'], [/\p{Script=Han}/u, 'zh'],
  [/\p{Script=Greek}/u, 'el'], [/\p{Script=Hebrew}/u, 'he'], [/\p{Script=Thai}/u, 'th'],
];

// -> [{ detectedLanguage, confidence }], most likely first, confidences summing to 1.
export function rankLanguages(text) {
  const letters = [...text].filter((c) => /\p{L}/u.test(c));
  if (letters.length < 2) return [{ detectedLanguage: 'und', confidence: 1 }];
  const latin = letters.filter((c) => /\p{Script=Latin}/u.test(c)).length;
  if (latin < letters.length / 2) {
    const sample = letters.join('');
    const kana = SCRIPTS[0][0].test(sample);
    for (const [re, lang] of SCRIPTS) if (re.test(sample) && (lang !== 'zh' || !kana)) return [{ detectedLanguage: lang, confidence: 1 }];
    return [{ detectedLanguage: 'und', confidence: 1 }];
  }
  const words = text.toLowerCase().split(/[^\p{L}]+/u).filter(Boolean).slice(0, 2000);
  const langs = new Set([...Object.keys(MARKERS), ...Object.keys(SPELLINGS)]);
  const markerHits = new Map(MARKER_SETS.map(([lang, set]) => [lang, words.filter((w) => set.has(w)).length]));
  const sample = text.slice(0, 20000);
  const hits = [...langs].map((lang) => ({ lang,
    hits: (markerHits.get(lang) ?? 0) + (SPELLINGS[lang] ? (sample.match(SPELLINGS[lang]) ?? []).length * 0.5 : 0) }))
    .sort((a, b) => b.hits - a.hits);
  const total = hits.reduce((s, h) => s + h.hits, 0);
  if (!total) return [{ detectedLanguage: 'und', confidence: 1 }];
  // A word shared by languages counts for each; one hit alone is weak evidence: keep 'und' likely.
  const und = 1 / (1 + total);
  return [...hits.filter((h) => h.hits).map((h) => ({ detectedLanguage: h.lang, confidence: (h.hits / total) * (1 - und) })),
    { detectedLanguage: 'und', confidence: und }].sort((a, b) => b.confidence - a.confidence);
}

// The most likely of the languages we know, or null when the text does not say.
export function detectLanguage(text) {
  const [best] = rankLanguages(text);
  return best.detectedLanguage !== 'und' && best.confidence >= 0.5 ? best.detectedLanguage : null;
}

export function pageLanguage(doc) {
  const declared = (doc.documentElement.getAttribute('lang') ?? '').trim().toLowerCase().split('-')[0];
  if (declared) return declared;
  return detectLanguage(doc.body?.innerText ?? '') ?? 'en';
}
