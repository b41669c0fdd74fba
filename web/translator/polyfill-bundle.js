// Entry of dist/translator-polyfill.js (scripts/bundle.mjs): one classic script that installs
// Translator and LanguageDetector where the browser has none. Engine files from engine/ next to
// the script, models from data-models (default models/ next to the script); data-force="on"
// replaces a built-in implementation.
import { engineFilesAt } from './index.js';
import { installTranslatorPolyfill } from './wicg-api.js';

const script = document.currentScript;
const base = new URL('.', script?.src ?? location.href);
installTranslatorPolyfill({
  modelsUrl: new URL(script?.getAttribute('data-models') ?? 'models/', base).href,
  engine: engineFilesAt(new URL('engine/', base)),
  force: script?.getAttribute('data-force') === 'on',
});
