import { z } from "zod";
import { isEmail, MAX_NAME_CHARS, normalizeEmail, parseCandidateList, type Candidate } from "./parse";
import { accommodationsFields } from "./accommodations.schema";
import { settingsOverrideFields } from "../templates/settings.schema";
import { INVITATION_STATUSES } from "./status";
import { text } from "../validation/text";

export const DEFAULT_EXPIRY_DAYS = 14;
export const MIN_EXPIRY_DAYS = 1;
export const MAX_EXPIRY_DAYS = 90;
export const MAX_MESSAGE_CHARS = 1000;
export const NO_ACCOMMODATIONS = { extraThinkPct: 0, extraAnswerPct: 0, extraRetakes: 0 };

const expiryDays = z
  .number({ message: "Enter a number of days" })
  .int("Enter a whole number of days")
  .min(MIN_EXPIRY_DAYS, `The link must stay valid at least ${MIN_EXPIRY_DAYS} day`)
  .max(MAX_EXPIRY_DAYS, `The link can stay valid at most ${MAX_EXPIRY_DAYS} days`);

const oneCandidate = z.object({
  mode: z.literal("one"),
  name: text().trim().min(1, "Enter the candidate's name").max(MAX_NAME_CHARS, `Keep the name under ${MAX_NAME_CHARS} characters`),
  email: text()
    .transform(normalizeEmail)
    .refine((v) => v.length > 0, "Enter the candidate's email")
    .refine(isEmail, "Enter a valid email address"),
});

const candidateList = z.object({
  mode: z.literal("list"),
  // Room for 200 lines of long names and addresses; anything longer is not a list of candidates.
  text: text().max(60_000, "The list is too long: invite at most 200 candidates at once"),
});

/** Either one candidate or a pasted list, both ending as the same deduplicated list. */
const candidatesInput = z.discriminatedUnion("mode", [oneCandidate, candidateList]).transform((value, ctx): { list: Candidate[]; duplicates: string[] } => {
  if (value.mode === "one") return { list: [{ name: value.name, email: value.email }], duplicates: [] };
  const parsed = parseCandidateList(value.text);
  for (const message of parsed.errors) ctx.addIssue({ code: "custom", path: ["text"], message });
  if (!parsed.errors.length && !parsed.candidates.length) ctx.addIssue({ code: "custom", path: ["text"], message: "Paste at least one line: name, email" });
  return { list: parsed.candidates, duplicates: parsed.duplicates };
});

export const createInvitationsInput = z.object({
  templateId: text().min(1, "Choose an interview template"),
  candidates: candidatesInput,
  expiresInDays: expiryDays.default(DEFAULT_EXPIRY_DAYS),
  message: text()
    .trim()
    .max(MAX_MESSAGE_CHARS, `Keep the message under ${MAX_MESSAGE_CHARS} characters`)
    .optional()
    .transform((v) => v || null),
  /** Extra time and retakes for everyone in this batch, usually one candidate who asked for them. */
  accommodations: accommodationsFields.default(NO_ACCOMMODATIONS),
  /** Interview settings for this batch over the template's (order, overall limit, pause, timer); left out, the template's hold. */
  settings: settingsOverrideFields.default({}),
});

export const listInvitationsInput = z.object({
  status: z.enum(INVITATION_STATUSES).optional(),
  templateId: text().min(1).optional(),
  query: text().trim().max(200).optional(),
  cursor: text().min(1).optional(),
  take: z.number().int().min(1).max(100).default(25),
});

export const invitationIdInput = z.object({ invitationId: text().min(1) });

export const resendInvitationInput = z.object({
  invitationId: text().min(1),
  /** Days from now the new link stays valid; without it the current expiry stands. */
  expiresInDays: expiryDays.optional(),
});

export type CreateInvitationsInput = z.output<typeof createInvitationsInput>;
export type CreateInvitationsForm = z.input<typeof createInvitationsInput>;
export type ListInvitationsInput = z.output<typeof listInvitationsInput>;
export type ResendInvitationInput = z.output<typeof resendInvitationInput>;
