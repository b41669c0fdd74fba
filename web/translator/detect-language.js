// Page language: <html lang> first, else a tiny function-word detector for the languages we ship.
const MARKERS = {
  en: ['the', 'and', 'is', 'are', 'with', 'of', 'a', 'in', 'on', 'to'],
  de: ['der', 'die', 'das', 'und', 'ist', 'mit', 'ein', 'eine', 'einem', 'auf', 'nicht'],
  fr: ['le', 'la', 'les', 'et', 'est', 'avec', 'un', 'une', 'des', 'du', 'sur'],
};

const MARKER_SETS = Object.entries(MARKERS).map(([lang, words]) => [lang, new Set(words)]);
export const DETECTABLE_LANGUAGES = Object.keys(MARKERS);

// Function words of each language in the text: [{ lang, hits }], most first.
function markerHits(text) {
  const words = text.toLowerCase().split(/[^\p{L}]+/u).filter(Boolean).slice(0, 2000);
  return MARKER_SETS.map(([lang, set]) => ({ lang, hits: words.filter((w) => set.has(w)).length }))
    .sort((a, b) => b.hits - a.hits);
}

export function detectLanguage(text) {
  const [best] = markerHits(text);
  return best.hits >= 3 ? best.lang : null;
}

// Every language we know with a confidence in [0, 1] (summing to 1), most likely first; 'und'
// (undetermined) alone when the text has no function word of any of them.
export function rankLanguages(text) {
  const hits = markerHits(text);
  const total = hits.reduce((s, h) => s + h.hits, 0);
  if (!total) return [{ detectedLanguage: 'und', confidence: 1 }];
  return hits.map((h) => ({ detectedLanguage: h.lang, confidence: h.hits / total }));
}

export function pageLanguage(doc) {
  const declared = (doc.documentElement.getAttribute('lang') ?? '').trim().toLowerCase().split('-')[0];
  if (declared) return declared;
  return detectLanguage(doc.body?.innerText ?? '') ?? 'en';
}
