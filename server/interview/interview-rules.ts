// Plain values and functions the candidate's page shares with the interview procedures. No zod
// here: this module ships to the candidate's browser, where every kilobyte is on a phone's link.

/** Used when a text question was saved without a limit of its own. */
const DEFAULT_TEXT_MAX_CHARS = 5000;
/** The most any text answer can hold, whatever a question says: the schema's hard ceiling. */
export const TEXT_MAX_CHARS_CEILING = 20_000;

/** The per-question limit, checked by the textarea and again by submitText. */
export function textLimit(maxChars: number | null | undefined): number {
  return Math.min(maxChars && maxChars > 0 ? maxChars : DEFAULT_TEXT_MAX_CHARS, TEXT_MAX_CHARS_CEILING);
}

/** How many recordings a question allows: the first one plus its retakes. */
export function takesAllowed(retakes: number): number {
  return Math.max(0, retakes) + 1;
}
