// Importing this module installs globalThis.Translator and globalThis.LanguageDetector (the WICG
// Translator and Language Detector APIs, on our engine) where the browser has none, with the
// models of the registry at ../../models/. To choose the models or replace a built-in one:
//   import { installTranslatorPolyfill } from './polyfill.js';
//   installTranslatorPolyfill({ modelsUrl: 'https://example.com/models/', force: true });
import { installTranslatorPolyfill } from './wicg-api.js';

export { installTranslatorPolyfill, makeLanguageDetectorClass, makeTranslatorClass, INPUT_QUOTA } from './wicg-api.js';

installTranslatorPolyfill();
