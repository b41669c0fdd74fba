// Text a translation must copy character for character. Small models copy it badly: a phone
// number comes back as "4444 2046 20958", "€25" as "25", an emoji or a Japanese name as invented
// words, "©" as "Verbindet" (measured on the general-domain en→de candidate, step 8400). Where the
// models pass placeholders through, such text travels as {n} (stages/kept-pieces.js); the widget keeps
// elements holding only an address as they are (text-placement.js).

// Every repeat is bounded: these run on the page's text, and "a.a.a.…@" or "1.1.1.…" 100 000
// characters long must not cost seconds (tests/web/text-pipeline.test.mjs).
// E-mail and web addresses; no trailing full stop or bracket ("Write to help@example.com.").
export const ADDRESS = String.raw`[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}|(?:https?:\/\/|www\.)[^\s<>"]{0,2000}[^\s<>".,;:!?)'\]]`;
// True when text (trimmed) is one e-mail or web address and nothing else.
const ADDRESS_ONLY = new RegExp(`^(?:${ADDRESS})$`, 'iu');
export const isAddress = (text) => ADDRESS_ONLY.test(text.trim());

// Seven digits or more, in groups: "+44 20 7946 0958", "2026-12-02", "0800 123 4567".
export const LONG_NUMBER = String.raw`\+?\d(?:[ \-./]?\d){6,30}`;
// Any other number, with its thousands groups and decimals: "40", "1,299.50", "3,5", "10 000".
// Short numbers are left in the sentence (models translate around them better), unless the model
// changed one (stages/number-retry.js).
export const NUMBER = String.raw`\d{1,15}(?:[.,\u00A0\u202F ]\d{3}(?!\d)){0,5}(?:[.,]\d{1,15})?`;
// An amount with its currency sign: "€25", "$1,299.00", "25 €".
export const PRICE = String.raw`\p{Sc}\s?\d{1,15}(?:[.,]\d{1,3}){0,5}|\d{1,15}(?:[.,]\d{1,3}){0,5}\s?\p{Sc}`;
// What these models never learned to translate: emoji and flags, ©®™, and scripts other than the
// models' own (a Japanese company name in an English sentence). Runs of them go as one.
const FOREIGN_CHAR = String.raw`[\p{Extended_Pictographic}\p{Regional_Indicator}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Devanagari}©®™]`;
const JOINERS = String.raw`[\u{FE0F}\u{200D}\u{20E3}\p{M}]*`;
export const FOREIGN_RUN = `${FOREIGN_CHAR}${JOINERS}(?:[ \\u{200D}]?${FOREIGN_CHAR}${JOINERS})*`;
