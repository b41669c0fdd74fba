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

// An engine error, by the stable name the engine gives it (engine/core/error.h ErrorCodeName,
// tw_error_code_name) -> API codes: a file newer than the engine, a caller or engine fault, or
// else something wrong with the model or vocabulary files.
export function fromEngineError(name, message) {
  if (name === 'too_new') return new TranslatorError(ErrorCodes.MODEL_TOO_NEW, message);
  if (['invalid_argument', 'out_of_memory', 'internal'].includes(name)) return new TranslatorError(ErrorCodes.INTERNAL, message);
  return new TranslatorError(ErrorCodes.BAD_MODEL, message);
}
