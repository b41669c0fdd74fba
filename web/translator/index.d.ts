// Types of web/translator/index.js.

export type Device = 'auto' | 'wasm' | 'webgpu';

export interface ProgressEvent {
  status: 'initiate' | 'download' | 'progress' | 'done' | 'ready';
  /** e.g. "en-de/model.twm", "engine.wasm"; for 'ready' the route, e.g. "de-en+en-fr" */
  file: string;
  loaded: number;
  total: number;
  /** true when the file came from the Cache API or memory instead of the network */
  cached?: boolean;
}

export interface TranslatorOptions {
  from?: string;
  to?: string;
  /** a registry id ("en-de"), or URLs of a model and its SentencePiece vocabulary */
  model?: string | { model: string; vocab: string };
  /** only 'wasm' is implemented today; 'auto' and 'webgpu' run on WASM */
  device?: Device;
  /** engine workers working on shares of each request (default 1; each holds its own copy of the model) */
  threads?: number;
  beam?: number;
  progressCallback?: (event: ProgressEvent) => void;
  /** base URL of registry.json and the model directories */
  modelsUrl?: string;
  engineUrl?: string;
  wasmUrl?: string;
}

export interface Translator {
  readonly from: string;
  readonly to: string;
  /** model ids used, in order (two when pivoting through English) */
  readonly route: string[];
  readonly stats: { sourceTokens: number };
  /** number of engine workers */
  readonly threads: number;
  translate(text: string): Promise<string>;
  translate(texts: string[]): Promise<string[]>;
  /** yields the translation so far after each sentence */
  translateStreaming(text: string): AsyncGenerator<string, void, unknown>;
  dispose(): void;
}

export type ErrorCode = 'network' | 'integrity' | 'unsupported' | 'unknown-pair' | 'model-too-new' | 'bad-model' | 'disposed' | 'cancelled' | 'internal';

export declare class TranslatorError extends Error {
  readonly code: ErrorCode;
}

export declare const ErrorCodes: Readonly<Record<string, ErrorCode>>;
export declare const env: { modelsUrl: string; engineUrl: string; wasmUrl: string };
export declare function createTranslator(options: TranslatorOptions): Promise<Translator>;
export declare function splitSentences(text: string): { text: string; space: string }[];
