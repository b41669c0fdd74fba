// How sure the model was of a translation. The engine scores each line with the mean
// log-probability of the tokens it chose (EOS included; engine/model/search.h); the API gives
// exp of it, the geometric mean of those tokens' probabilities, as `confidence` in (0, 1]: near 1
// for a sentence the model found easy, low where it guessed. A text of several lines takes its
// least sure line; null where no model output went into it (an interface word from the glossary,
// only kept terms, an empty text).
import { ErrorCodes, TranslatorError } from './errors.js';

// scores: mean log-probabilities, null for lines without one -> confidence or null.
export function confidenceOf(scores) {
  const known = scores.filter((s) => s !== null && s !== undefined);
  return known.length ? Math.exp(Math.min(...known)) : null;
}

// The lower of two scores, null meaning none (a line made of several model outputs is as sure as
// its least sure one).
export const lowestScore = (a, b) => (a === null ? b : b === null ? a : Math.min(a, b));

// The options of translate(): { scores: true } asks for confidences.
export function wantsScores(options) {
  if (options === undefined || options === null) return false;
  if (typeof options !== 'object') throw new TranslatorError(ErrorCodes.INVALID_OPTION, 'translate options must be an object such as { scores: true }');
  if (options.scores !== undefined && typeof options.scores !== 'boolean')
    throw new TranslatorError(ErrorCodes.INVALID_OPTION, `translate option scores must be true or false, not ${JSON.stringify(options.scores)}`);
  return options.scores === true;
}
