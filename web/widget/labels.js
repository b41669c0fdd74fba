// The widget's own words (picker and popup), in every language we offer, so the control reads naturally whatever
// language the page is shown in.
export const LANGUAGE_NAMES = {
  en: { en: 'English', de: 'Englisch', fr: 'Anglais' },
  de: { en: 'German', de: 'Deutsch', fr: 'Allemand' },
  fr: { en: 'French', de: 'Französisch', fr: 'Français' },
};

export const LABELS = {
  en: { translate: 'Translate this page', original: 'Original', downloading: 'Downloading translation model…', translating: 'Translating…', done: 'Translated on your device', restored: 'Showing the original', error: 'Translation failed', privacy: 'Text never leaves this device', originalText: 'Original text', unsure: 'Dotted underline: this translation may be inaccurate' },
  de: { translate: 'Diese Seite übersetzen', original: 'Original', downloading: 'Übersetzungsmodell wird geladen…', translating: 'Wird übersetzt…', done: 'Auf Ihrem Gerät übersetzt', restored: 'Original wird angezeigt', error: 'Übersetzung fehlgeschlagen', privacy: 'Der Text verlässt dieses Gerät nie', originalText: 'Originaltext', unsure: 'Gepunktet unterstrichen: Diese Übersetzung ist möglicherweise ungenau' },
  fr: { translate: 'Traduire cette page', original: 'Original', downloading: 'Téléchargement du modèle de traduction…', translating: 'Traduction en cours…', done: 'Traduit sur votre appareil', restored: 'Texte original affiché', error: 'La traduction a échoué', privacy: 'Le texte ne quitte jamais cet appareil', originalText: 'Texte original', unsure: 'Souligné en pointillés : cette traduction est peut-être inexacte' },
};

export function label(lang, key) {
  return (LABELS[lang] ?? LABELS.en)[key] ?? LABELS.en[key];
}

export function languageName(code, inLang) {
  return LANGUAGE_NAMES[code]?.[inLang] ?? LANGUAGE_NAMES[code]?.en ?? code;
}
