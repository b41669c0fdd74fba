// Types of web/translator/index.js.

export type Device = 'auto' | 'wasm' | 'webgpu';

export interface ProgressEvent {
  status: 'initiate' | 'download' | 'progress' | 'done' | 'ready' | 'fallback';
  /** for 'fallback': why WebGPU is not (or no longer) used */
  reason?: string;
  /** e.g. "en-de/model.twm", "engine.wasm"; for 'ready' the route, e.g. "de-en+en-fr" */
  file: string;
  loaded: number;
  total: number;
  /** true when the file came from the kept copy (IndexedDB or memory) instead of the network */
  cached?: boolean;
}

export interface TranslatorOptions {
  from?: string;
  to?: string;
  /** a registry id ("en-de"), or URLs of a model, its SentencePiece vocabulary and optionally a
   * Marian lexical shortlist (lex.*.s2t.bin; registry entries may list one as files.shortlist) */
  model?: string | { model: string; vocab: string; shortlist?: string };
  /** 'wasm' (default); 'webgpu': greedy requests on WebGPU when an adapter works; 'auto': WebGPU
   * only on a hardware adapter and for requests of at least gpuMinLines lines. Any WebGPU
   * failure falls back to WASM (see Translator.deviceReason and the 'fallback' progress event). */
  device?: Device;
  /** sentences per GPU batch (default 64) */
  gpuBatch?: number;
  /** with device 'auto', smaller requests stay on WASM (default 8) */
  gpuMinLines?: number;
  /** tests: with device 'auto', measure a software adapter too instead of declining it */
  gpuCalibrateSoftware?: boolean;
  /** engine threads (default 1). On cross-origin-isolated pages and in Node: one pthread engine
   * (engine-mt.wasm) whose threads share the model and split each layer; elsewhere, or with
   * threadMode 'workers', that many single-threaded engine workers (one model copy each). */
  threads?: number;
  threadMode?: 'auto' | 'workers';
  beam?: number;
  progressCallback?: (event: ProgressEvent) => void;
  /** base URL of registry.json and the model directories */
  modelsUrl?: string;
  engineUrl?: string;
  wasmUrl?: string;
  /** the pthread engine's files (default next to engineUrl's defaults) */
  engineMtUrl?: string;
  wasmMtUrl?: string;
  /** do-not-translate terms (brand and product names), kept verbatim: an array or one
   * comma-separated string */
  keep?: string[] | string;
}

export interface ScoredTranslation {
  text: string;
  /** exp of the mean log-probability of the tokens the model chose (EOS included): the geometric
   * mean of their probabilities, in (0, 1]; the least sure line of a multi-line text; null where
   * no model output went into the text (an interface word from the glossary, only kept terms).
   * The same in the WASM engine, natively and on WebGPU (to float rounding there). */
  confidence: number | null;
}

export interface Translator {
  readonly from: string;
  readonly to: string;
  /** model ids used, in order (two when pivoting through English) */
  readonly route: string[];
  readonly stats: { sourceTokens: number };
  /** the do-not-translate terms in force, longest first */
  readonly keep: string[];
  /** true when every model of the route passes placeholders {1}, {2}, … through untouched: a caller
   * may stand them in for text that must stay as written (see fillPlaceholders) */
  readonly placeholders: boolean;
  /** number of engine workers */
  readonly threads: number;
  /** how threads > 1 is served: 'pthreads' (one engine, shared model), 'workers' (one engine per thread), or 'single' */
  readonly threading: 'pthreads' | 'workers' | 'single';
  /** why threads > 1 did not get the pthread engine (not isolated, no SharedArrayBuffer in this browser, files missing, start failed), else null */
  readonly threadingReason: string | null;
  /** where requests run now */
  readonly device: 'wasm' | 'webgpu';
  /** why WebGPU is not in use when it was asked for, else null */
  readonly deviceReason: string | null;
  readonly adapter: { vendor: string; architecture: string; description: string } | null;
  /** device 'auto' on a usable adapter: the start-up timing (16 sentences) that chose WebGPU */
  readonly deviceMeasurement: { gpuMs: number; wasmMs: number } | null;
  /** simulates losing the GPU (tests, demos): the next request falls back to WASM */
  loseDevice(): void;
  /** a text that is wholly a price, a separator-written number or a percentage, written in the
   * target language's format ("€89.90" -> "89,90 €" en→de); any other text unchanged. No model. */
  localizeQuantity(text: string): string;
  translate(text: string, options?: { scores?: false }): Promise<string>;
  translate(texts: string[], options?: { scores?: false }): Promise<string[]>;
  /** with scores: each translation with the model's confidence in it (see ScoredTranslation) */
  translate(text: string, options: { scores: true }): Promise<ScoredTranslation>;
  translate(texts: string[], options: { scores: true }): Promise<ScoredTranslation[]>;
  /** yields the translation so far after each sentence */
  translateStreaming(text: string): AsyncGenerator<string, void, unknown>;
  dispose(): void;
}

export type ErrorCode = 'network' | 'integrity' | 'unsupported' | 'unknown-pair' | 'model-too-new' | 'bad-model' | 'disposed' | 'cancelled' | 'invalid-option' | 'internal';

export declare class TranslatorError extends Error {
  readonly code: ErrorCode;
}

export declare const ErrorCodes: Readonly<Record<string, ErrorCode>>;
export declare const env: { modelsUrl: string; engineUrl: string; wasmUrl: string; engineMtUrl: string; wasmMtUrl: string };
/** whether this context may run the pthread engine (SharedArrayBuffer: Node, or a cross-origin-isolated page) */
export declare function canUsePthreads(): boolean;
export declare function createTranslator(options: TranslatorOptions): Promise<Translator>;
export declare function splitSentences(text: string): { text: string; space: string }[];
/** the language a page is written in: its lang attribute, else detected from its text ('en' if unsure) */
export declare function pageLanguage(doc: Document): string;
/** true when text (trimmed) is one e-mail or web address and nothing else */
export declare function isAddress(text: string): boolean;
/** a model's output with {n} replaced by back[n] (back[0] unused), or null unless every placeholder
 * {1} … came back exactly once and whole (the protocol of Translator.placeholders) */
export declare function fillPlaceholders(text: string, back: string[]): string | null;
/** true when a model's output has a piece of a placeholder besides the whole ones ("a {2} 2}") */
export declare function hasBrokenPlaceholder(text: string): boolean;
/** the placeholder for n: "{n}" (the protocol of Translator.placeholders, web/translator/placeholders.js) */
export declare function placeholder(n: number): string;
/** true when text holds something that reads as a placeholder ("{3}") */
export declare function hasPlaceholder(text: string): boolean;
/** text with each placeholder that has a back[n] replaced by it, whatever came back */
export declare function fillFound(text: string, back: (string | null)[]): string;
/** the texts between the placeholders of text */
export declare function betweenPlaceholders(text: string): string[];
/** texts joined with {1}, {2}, … between them */
export declare function joinWithPlaceholders(texts: string[]): string;
/** a model's output of joinWithPlaceholders(count texts) cut back into count pieces, or null unless
 * every placeholder came back exactly once, whole and in order */
export declare function cutAtPlaceholders(text: string, count: number): string[] | null;
