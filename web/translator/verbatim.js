// Text a translation must copy character for character: e-mail addresses, web addresses, and long
// numbers (phone numbers, order and account numbers, ISO dates). Small models copy them badly
// ("+44 20 7946 0958" -> "4444 2046 20958"), so where the models pass placeholders through they
// travel as {n} (keep-terms.js), and the widget keeps such elements as they are (text-placement.js).

// No trailing full stop or bracket: "Write to help@example.com." ends the sentence.
export const ADDRESS = String.raw`[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?:https?:\/\/|www\.)[^\s<>"]*[^\s<>".,;:!?)'\]]`;
// Seven digits or more, in groups: "+44 20 7946 0958", "2026-12-02", "0800 123 4567".
export const LONG_NUMBER = String.raw`\+?\d(?:[ \-./]?\d){6,}`;
