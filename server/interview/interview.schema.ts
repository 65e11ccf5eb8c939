import { z } from "zod";
import { TEXT_MAX_CHARS_CEILING } from "./interview-rules";
import { text } from "../validation/text";

// The interview procedures' inputs. Plain values the candidate's page also needs live in
// interview-rules.ts, which ships no zod to the browser.

// The link's token as createInvitationToken makes it (43 base64url characters); the bounds leave
// room for other lengths and keep arbitrary junk out of the hash lookup.
const token = text()
  .trim()
  .min(16, "This interview link is not valid.")
  .max(256, "This interview link is not valid.")
  .regex(/^[A-Za-z0-9_-]+$/, "This interview link is not valid.");
const responseId = text().min(1).max(64);

export const interviewTokenInput = z.object({ token });
/** The link's token, for other domains' inputs that a candidate sends from their link. */
export const interviewToken = token;

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
});

export const submitTextInput = z.object({
  token,
  responseId,
  text: text()
    .max(TEXT_MAX_CHARS_CEILING, `Keep your answer under ${TEXT_MAX_CHARS_CEILING} characters.`)
    .refine((v) => v.trim().length > 0, "Write your answer before submitting."),
});

export const submitChoicesInput = z.object({
  token,
  responseId,
  choices: z
    .array(text().min(1).max(64))
    .min(1, "Choose an answer before submitting.")
    .max(10, "Choose at most 10 options.")
    .refine((ids) => new Set(ids).size === ids.length, "Choose each option once."),
});

export type InterviewTokenInput = z.output<typeof interviewTokenInput>;
export type ConsentInput = z.output<typeof consentInput>;
export type StartTakeInput = z.output<typeof startTakeInput>;
export type SubmitVideoInput = z.output<typeof submitVideoInput>;
export type SubmitTextInput = z.output<typeof submitTextInput>;
export type SubmitChoicesInput = z.output<typeof submitChoicesInput>;

/** The candidate stops or restarts the overall clock, where the interview allows pausing. */
export const setPausedInput = z.object({ token, paused: z.boolean() });
export type SetPausedInput = z.output<typeof setPausedInput>;
