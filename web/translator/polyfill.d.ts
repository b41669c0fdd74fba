// Importing 'transwidget/polyfill' installs globalThis.Translator and globalThis.LanguageDetector
// (WICG Translator and Language Detector APIs) where the browser has none.
export type Availability = 'unavailable' | 'downloadable' | 'downloading' | 'available';

export interface TranslatorCreateOptions {
  sourceLanguage: string;
  targetLanguage: string;
  monitor?: (target: EventTarget) => void;
  signal?: AbortSignal;
}

export interface PolyfillTranslator {
  readonly sourceLanguage: string;
  readonly targetLanguage: string;
  readonly inputQuota: number;
  translate(text: string, options?: { signal?: AbortSignal }): Promise<string>;
  translateStreaming(text: string, options?: { signal?: AbortSignal }): ReadableStream<string>;
  measureInputUsage(text: string, options?: { signal?: AbortSignal }): Promise<number>;
  destroy(): void;
}

export interface TranslatorConstructor {
  availability(options: { sourceLanguage: string; targetLanguage: string }): Promise<Availability>;
  create(options: TranslatorCreateOptions): Promise<PolyfillTranslator>;
}

export interface LanguageDetectorConstructor {
  availability(options?: { expectedInputLanguages?: string[] }): Promise<Availability>;
  create(options?: { expectedInputLanguages?: string[]; monitor?: (target: EventTarget) => void; signal?: AbortSignal }): Promise<{
    readonly inputQuota: number;
    detect(text: string, options?: { signal?: AbortSignal }): Promise<{ detectedLanguage: string; confidence: number }[]>;
    measureInputUsage(text: string, options?: { signal?: AbortSignal }): Promise<number>;
    destroy(): void;
  }>;
}

/** quota of translate()/detect(), in UTF-16 code units */
export declare const INPUT_QUOTA: number;

/** Installs ours (force: even where the browser has its own); models from modelsUrl. */
export declare function installTranslatorPolyfill(options?: {
  modelsUrl?: string;
  engine?: { engineUrl?: string; wasmUrl?: string; engineMtUrl?: string; wasmMtUrl?: string };
  force?: boolean;
}): { Translator: TranslatorConstructor; LanguageDetector: LanguageDetectorConstructor; installed: boolean };

export declare function makeTranslatorClass(options?: { modelsUrl?: string; engine?: object }): TranslatorConstructor;
export declare function makeLanguageDetectorClass(): LanguageDetectorConstructor;
