import { z } from "zod";
import { answerAnalysisResultSchema, claimSchema, evidenceSchema, flagSchema, recommendationSchema } from "../analysis/analysis.schema";
import { INVITATION_STATUSES } from "../invitations/status";
import { TEMPLATE_STATUSES } from "../templates/templates.schema";
import { snapshotQuestionSchema, snapshotRubricItemSchema } from "../templates/versions";
import { transcriptSegmentSchema } from "../transcription/transcript.schema";

// What the REST API answers, as it travels (dates as ISO 8601 strings). The adapter parses every
// answer with its route's schema, so the OpenAPI document made from these never disagrees with
// the wire; fields a server/ function returns for the app's own pages and not listed here are left out.

const dateTime = z.iso.datetime();
const id = z.string();
const page = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    /** Pass as `cursor` for the next page; null on the last page. */
    nextCursor: z.string().nullable().describe("Pass as `cursor` to get the next page; null on the last page."),
    total: z.number().int().describe("How many items match the filters, across all pages."),
  });

export const templateSummary = z.object({
  id,
  title: z.string(),
  status: z.enum(TEMPLATE_STATUSES),
  questionCount: z.number().int(),
  invitationCount: z.number().int(),
  createdAt: dateTime,
  updatedAt: dateTime,
});
export const templatePage = page(templateSummary);

export const templateDetail = z.object({
  id,
  title: z.string(),
  description: z.string(),
  status: z.enum(TEMPLATE_STATUSES),
  rubric: z.array(snapshotRubricItemSchema),
  questions: z.array(snapshotQuestionSchema),
  invitationCount: z.number().int(),
  versionCount: z.number().int(),
  createdAt: dateTime,
  updatedAt: dateTime,
});

export const invitationStatus = z.enum(INVITATION_STATUSES);

const lastSeen = dateTime.nullable().describe("When the candidate's interview page last reported being open (about every 30 seconds while visible).");

export const invitationSummary = z.object({
  id,
  candidateName: z.string(),
  candidateEmail: z.string(),
  status: invitationStatus,
  template: z.object({ id, title: z.string() }),
  version: z.number().int().describe("The template version the candidate answers."),
  sentAt: dateTime,
  expiresAt: dateTime,
  completedAt: dateTime.nullable(),
  lastSeenAt: lastSeen,
  answered: z.number().int(),
  questions: z.number().int(),
});
export const invitationPage = page(invitationSummary);

export const createdInvitations = z.object({
  templateVersionId: id,
  version: z.number().int(),
  expiresAt: dateTime,
  created: z.array(z.object({ id, candidateName: z.string(), candidateEmail: z.string() })),
  alreadyInvited: z
    .array(z.object({ name: z.string(), email: z.string() }))
    .describe("Candidates left out: an open invitation to this template already reaches them."),
  duplicates: z.array(z.string()).describe("Emails listed more than once; each got one invitation."),
});

export const invitationDetail = z.object({
  id,
  candidateName: z.string(),
  candidateEmail: z.string(),
  status: invitationStatus,
  message: z.string().nullable(),
  template: z.object({ id, title: z.string() }),
  sentAt: dateTime,
  expiresAt: dateTime,
  openedAt: dateTime.nullable(),
  startedAt: dateTime.nullable(),
  completedAt: dateTime.nullable(),
  cancelledAt: dateTime.nullable(),
  lastSeenAt: lastSeen,
  canResend: z.boolean(),
  canCancel: z.boolean(),
});

export const completedInvitation = z.object({
  id,
  status: z.enum(["IN_PROGRESS", "COMPLETED"]),
  startedAt: dateTime.nullable(),
  completedAt: dateTime.nullable(),
});
export const cancelledInvitation = z.object({ id, status: z.literal("CANCELLED"), cancelledAt: dateTime.nullable() });
export const resentInvitation = z.object({ id, status: invitationStatus, expiresAt: dateTime });

const progress = z.object({ answered: z.number().int(), total: z.number().int() });

export const interviewStatus = z.object({
  id,
  status: invitationStatus,
  progress,
  processing: z.boolean().describe("True while answers are still being processed, transcribed or analysed."),
  humanReviewRequestedAt: dateTime.nullable().describe("Set when the candidate asked for people only to review: no AI analysis is made."),
  timeline: z.array(z.object({ kind: z.string(), at: dateTime, label: z.string() })),
});

const RESPONSE_STATUSES = ["PENDING", "UPLOADING", "UPLOADED", "PROCESSING", "TRANSCRIBING", "TRANSCRIBED", "ANALYZING", "ANALYZED", "FAILED"] as const;

export const interviewAnswers = z.object({
  id,
  status: invitationStatus,
  answers: z.array(
    z.object({
      number: z.number().int(),
      question: snapshotQuestionSchema,
      response: z
        .object({
          id,
          status: z.enum(RESPONSE_STATUSES),
          textAnswer: z.string().nullable().describe("The written answer, or for multiple choice the chosen options' words, one a line."),
          choices: z.array(z.string()).describe("Multiple choice: the ids of the chosen options (see the question's options)."),
          keyScore: z.number().nullable().describe("Multiple choice scored by key: the points earned, from 0 to 1; null otherwise."),
          durationMs: z.number().int().nullable(),
          failureReason: z.string().nullable(),
          submittedAt: dateTime.nullable(),
        })
        .nullable(),
      playback: z
        .object({ url: z.string(), contentType: z.string(), expiresAt: dateTime, posterUrl: z.string().nullable() })
        .nullable()
        .describe("A signed link to the recording, valid for an hour."),
      transcript: z
        .object({
          text: z.string(),
          engine: z.string(),
          engineLabel: z.string(),
          rough: z.boolean(),
          caution: z.string().nullable(),
          segments: z.array(transcriptSegmentSchema),
        })
        .nullable(),
      captionsUrl: z.string().nullable().describe("The answer's captions as WebVTT, fetched with the same API key."),
    }),
  ),
});

const appliedOverride = z
  .object({ value: z.string(), reason: z.string(), at: dateTime, by: z.object({ id, name: z.string().nullable(), email: z.string() }).nullable() })
  .nullable()
  .describe("HR's override of the AI's value, with its reason; null when the AI's value stands.");

const engine = { engine: z.string(), engineLabel: z.string(), model: z.string(), promptVersion: z.string(), createdAt: dateTime };

export const interviewAnalysis = z.object({
  state: z.enum(["pending", "running", "failed", "complete"]),
  analysis: z
    .object({
      id,
      ...engine,
      summary: z.string(),
      strengths: z.array(claimSchema),
      concerns: z.array(claimSchema),
      flags: z.array(flagSchema),
      flagged: z.boolean(),
      aiOverall: z.number(),
      overall: z.number().nullable().describe("The rubric-weighted mean of the effective scores (overrides applied)."),
      overridden: z.boolean(),
      recommendation: z.object({ ai: recommendationSchema, effective: recommendationSchema, override: appliedOverride }),
      scores: z.array(
        z.object({
          competencyId: z.string(),
          competency: z.string(),
          weight: z.number(),
          ai: z.number().nullable(),
          effective: z.number().nullable(),
          override: appliedOverride,
          looksFor: z.string().nullable(),
          rationale: z.string().nullable(),
          evidence: z.array(evidenceSchema),
        }),
      ),
    })
    .nullable()
    .describe("Null until the whole interview has been analysed; `state` says where it is."),
  answers: z
    .record(z.string(), answerAnalysisResultSchema.omit({ kind: true }).extend({ id, ...engine }))
    .describe("Each answer's own analysis, by answer (response) id."),
});

export const webhookEndpoint = z.object({
  id,
  url: z.string(),
  description: z.string(),
  events: z.array(z.string()),
  active: z.boolean().describe("False once disabled after 3 days of failed deliveries, until an owner enables it again."),
  failingSince: dateTime.nullable(),
  disabledAt: dateTime.nullable(),
  disabledReason: z.string().nullable(),
  previousSecretExpiresAt: dateTime.nullable().describe("After a rotation, until when the previous secret also signs."),
  createdAt: dateTime,
});
export const webhookEndpointList = z.object({ items: z.array(webhookEndpoint) });
export const createdWebhookEndpoint = z.object({
  endpoint: webhookEndpoint,
  secret: z.string().describe("The signing secret (whsec_…), shown only in this answer: keep it to verify deliveries."),
});
export const deletedWebhookEndpoint = z.object({ deleted: z.literal(true) });
