import { z } from "zod";

// Shared by the candidate's pages and the interview procedures: plain values and zod schemas only.

/** Used when a text question was saved without a limit of its own. */
export const DEFAULT_TEXT_MAX_CHARS = 5000;
/** The most any text answer can hold, whatever a question says: the schema's hard ceiling. */
export const TEXT_MAX_CHARS_CEILING = 20_000;

/** The longest recording a client may claim; the server measures the real length itself. */
const MAX_DURATION_MS = 60 * 60 * 1000;

// The link's token as createInvitationToken makes it (43 base64url characters); the bounds leave
// room for other lengths and keep arbitrary junk out of the hash lookup.
const token = z
  .string()
  .trim()
  .min(16, "This interview link is not valid.")
  .max(256, "This interview link is not valid.")
  .regex(/^[A-Za-z0-9_-]+$/, "This interview link is not valid.");
const responseId = z.string().min(1).max(64);

export const interviewTokenInput = z.object({ token });

export const consentInput = z.object({
  token,
  accepted: z.literal(true, { message: "Tick the box to agree before you start." }),
  /** The version of the consent text the page showed (InterviewState.consent.version). */
  textVersion: z.string().min(1, "Reload the page to read the terms before agreeing.").max(100),
});

export const startTakeInput = z.object({ token, responseId });

export const submitVideoInput = z.object({
  token,
  responseId,
  take: z.number().int().min(1),
  /** The recording's length as the browser timed it; kept only when the server cannot measure the file. */
  durationMs: z.number().int().min(0).max(MAX_DURATION_MS).optional(),
});

export const submitTextInput = z.object({
  token,
  responseId,
  text: z
    .string()
    .max(TEXT_MAX_CHARS_CEILING, `Keep your answer under ${TEXT_MAX_CHARS_CEILING} characters.`)
    .refine((v) => v.trim().length > 0, "Write your answer before submitting."),
});

/** The per-question limit, checked by the textarea and again by submitText. */
export function textLimit(maxChars: number | null | undefined): number {
  return Math.min(maxChars && maxChars > 0 ? maxChars : DEFAULT_TEXT_MAX_CHARS, TEXT_MAX_CHARS_CEILING);
}

/** How many recordings a question allows: the first one plus its retakes. */
export function takesAllowed(retakes: number): number {
  return Math.max(0, retakes) + 1;
}

export type InterviewTokenInput = z.output<typeof interviewTokenInput>;
export type ConsentInput = z.output<typeof consentInput>;
export type StartTakeInput = z.output<typeof startTakeInput>;
export type SubmitVideoInput = z.output<typeof submitVideoInput>;
export type SubmitTextInput = z.output<typeof submitTextInput>;
