// The `keep` option: do-not-translate terms (brand and product names), kept verbatim through
// translation by the text pipeline (stages/kept-pieces.js).
import { ErrorCodes, TranslatorError } from './errors.js';

// -> the terms, trimmed, without duplicates, longest first (so "Acme Cloud" wins over "Acme").
export function normalizeKeepTerms(keep) {
  if (keep === undefined || keep === null) return [];
  const list = typeof keep === 'string' ? keep.split(',') : keep;
  if (!Array.isArray(list) || list.some((t) => typeof t !== 'string'))
    throw new TranslatorError(ErrorCodes.INVALID_OPTION, 'keep must be a string of comma-separated terms or an array of strings');
  return [...new Set(list.map((t) => t.trim()).filter(Boolean))].sort((a, b) => b.length - a.length);
}
