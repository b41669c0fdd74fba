/* C API of the engine: opaque handles and status codes, no exceptions across it.
 * Used by the WASM module (web/engine) and by the fuzzers. All strings are UTF-8.
 *
 *   tw_translator* t = tw_translator_create(model, model_len, vocab, vocab_len, "native");
 *   if (!t) { puts(tw_last_error()); }          // message naming the problem
 *   const char* out = tw_translate(t, "Line one\nLine two", 1);  // one output line per input line
 *   tw_translator_free(t);
 */
#ifndef TW_C_API_H_
#define TW_C_API_H_
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct tw_translator tw_translator;

/* Returns NULL on failure; tw_last_error()/tw_last_error_code() then describe it.
 * Error codes are those of tw::ErrorCode (core/error.h); 0 means success. */
tw_translator* tw_translator_create(const void* model, size_t model_len, const void* vocab, size_t vocab_len,
                                    const char* backend);
void tw_translator_free(tw_translator* t);

/* Translates newline-separated lines; the result has exactly as many lines, owned by the
 * translator and valid until its next call. NULL on failure. beam >= 1. */
const char* tw_translate(tw_translator* t, const char* text, int beam);

/* Loads a Marian lexical shortlist (lex.*.s2t.bin) used by later tw_translate calls.
 * Returns 0, or an error code (tw_last_error() tells why). */
int tw_translator_set_shortlist(tw_translator* t, const void* bytes, size_t len);

/* Decoding outside the engine (the browser's WebGPU decoder) in three calls around it:
 *   int n = tw_plan(t, "Line one\nLine two");     // number of source chunks, -1 on failure
 *   const int* src = tw_plan_source(t, i, &len);   // chunk i: token ids ending in EOS (0 <= i < n)
 *   int most = tw_plan_max_target(t, i);            // most output tokens (EOS not counted) for chunk i
 *   const char* out = tw_assemble(t, ids, lengths, n);  // chunk outputs (ids without EOS, concatenated)
 * tw_assemble returns as many lines as tw_plan was given (overlong words kept verbatim), or NULL. */
int tw_plan(tw_translator* t, const char* text);
/* The engine as one of those decoders (the worker runs every request as plan -> decode ->
 * assemble, on this or the WebGPU decoder): decodes the last plan's chunks with beam >= 1 and keeps
 * the outputs, read with tw_decoded (ids without EOS, valid until the next tw_decode).
 *   if (tw_decode(t, 1) < 0) ...;  const int* ids = tw_decoded(t, i, &len);  tw_assemble(t, ...); */
int tw_decode(tw_translator* t, int beam);
const int* tw_decoded(const tw_translator* t, int i, int* length);
/* Confidence: tw_decode_scored decodes as tw_decode and keeps, per chunk, the mean
 * log-probability of its output tokens and EOS (tw_decoded_score; 0 for i out of range).
 * tw_line_scores turns chunk scores (from this or another decoder) and output lengths (EOS not
 * counted) of the last plan into one per line: the mean over the line's tokens, NaN for a line no
 * output went into. The array has as many entries as tw_plan was given lines; owned by the
 * translator, valid until its next call; NULL on failure. */
int tw_decode_scored(tw_translator* t, int beam);
float tw_decoded_score(const tw_translator* t, int i);
const float* tw_line_scores(tw_translator* t, const int* lengths, const float* scores, int count);
const int* tw_plan_source(const tw_translator* t, int i, int* length);
int tw_plan_max_target(const tw_translator* t, int i);
const char* tw_assemble(tw_translator* t, const int* ids, const int* lengths, int count);

/* Number of source tokens of the last tw_translate (or tw_plan) call (EOS included), for throughput figures. */
size_t tw_last_source_tokens(const tw_translator* t);

/* The loaded model for decoders outside the engine, as JSON (bindings/model_description.h):
 * config, limits, activation levels, tensor table with addresses, positional table. Owned by
 * the translator and valid until its next call; NULL on failure. */
const char* tw_model_description(tw_translator* t);

/* Metadata value of the loaded model, or "" when absent. */
const char* tw_model_meta(const tw_translator* t, const char* key);

/* Threads used by every translator from now on (the caller included); returns how many are
 * available: 1 in the single-threaded WASM engine, up to the pre-spawned pool in engine-mt.
 * Outputs do not depend on it. */
int tw_set_threads(int threads);

/* Stage timing (core/profile.h): tw_profile_start clears it and switches it on for every
 * translator of this module; tw_profile_json gives {"stages":[{"stage","ms","calls"}...]} so far
 * (valid until the next call); tw_profile_stop switches it off. */
void tw_profile_start(void);
const char* tw_profile_json(void);
void tw_profile_stop(void);

const char* tw_last_error(void);
int tw_last_error_code(void);
/* The stable name of an error code ("too_new", "corrupt", …; core/error.h ErrorCodeName): callers
 * map names, never numbers. "out_of_memory" for -2, "internal" for -1 and unknown codes. */
const char* tw_error_code_name(int code);

#ifdef __cplusplus
}
#endif
#endif
