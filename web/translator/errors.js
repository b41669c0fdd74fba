// Typed errors of the translation API. `code` is stable and meant for programs; `message` for people.
export const ErrorCodes = Object.freeze({
  NETWORK: 'network',              // a download failed (HTTP error, offline, truncated body)
  INTEGRITY: 'integrity',          // downloaded bytes do not match the registry's sha256
  UNSUPPORTED: 'unsupported',      // this browser/runtime cannot run the engine (no WASM SIMD, no workers)
  UNKNOWN_PAIR: 'unknown-pair',    // no model (and no pivot through English) for the language pair
  MODEL_TOO_NEW: 'model-too-new',  // the model file needs a newer engine
  BAD_MODEL: 'bad-model',          // the model or vocabulary file is corrupt or inconsistent
  INVALID_OPTION: 'invalid-option',  // an option has a value the API does not know
  DISPOSED: 'disposed',            // the translator was disposed
  CANCELLED: 'cancelled',          // the request was cancelled
  INTERNAL: 'internal',
});

export class TranslatorError extends Error {
  constructor(code, message, details = {}) {
    super(message);
    this.name = 'TranslatorError';
    this.code = code;
    Object.assign(this, details);
  }
}

// Engine error codes (engine/core/error.h) -> API codes.
export function fromEngineError(engineCode, message) {
  if (engineCode === 3) return new TranslatorError(ErrorCodes.MODEL_TOO_NEW, message);
  if (engineCode >= 1 && engineCode <= 10) return new TranslatorError(ErrorCodes.BAD_MODEL, message);
  return new TranslatorError(ErrorCodes.INTERNAL, message);
}
