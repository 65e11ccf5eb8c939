import { createHash } from "node:crypto";
import { z } from "zod";
import type { Prisma } from "../db/client";
import { DomainError, notFound } from "../errors";
import { DEFAULT_SETTINGS, effectiveSettings } from "../interview/interview-settings";
import { readStoredSettings, storedSettingsSchema } from "./settings.schema";

export const snapshotRubricItemSchema = z.object({
  id: z.string(),
  competency: z.string(),
  weight: z.number(),
  looksFor: z.string(),
});

const snapshotOptionsSchema = z.array(z.object({ id: z.string(), text: z.string(), correct: z.boolean() }));

export const snapshotQuestionSchema = z.object({
  id: z.string(),
  position: z.number().int(),
  prompt: z.string(),
  type: z.enum(["VIDEO", "TEXT", "MULTIPLE_CHOICE"]),
  timeLimitSec: z.number().int(),
  thinkTimeSec: z.number().int(),
  retakes: z.number().int(),
  maxChars: z.number().int().nullable(),
  criteria: z.string(),
  // Multiple choice only; absent from other questions, so their versions hash as before.
  options: snapshotOptionsSchema.optional(),
  scoreByKey: z.boolean().optional(),
  // Present only on optional questions, so versions made before the flag existed hash as before.
  required: z.boolean().optional(),
});

/**
 * A TemplateVersion's snapshot: the template as a candidate answers it and a reviewer scores it.
 * Types only, no product limits, so a snapshot stays readable when those limits change; unknown keys
 * (the seed once stored whole question rows) are dropped.
 */
export const templateSnapshotSchema = z.object({
  title: z.string(),
  description: z.string(),
  rubric: z.array(snapshotRubricItemSchema),
  questions: z.array(snapshotQuestionSchema),
  // Interview settings; absent while they are the defaults, so versions made before them hash as before.
  settings: storedSettingsSchema.optional(),
});

export type TemplateSnapshot = z.infer<typeof templateSnapshotSchema>;
export type SnapshotRubricItem = z.infer<typeof snapshotRubricItemSchema>;

type Tx = Pick<Prisma.TransactionClient, "template" | "templateVersion" | "$queryRaw">;

/** A stored rubric as the snapshot shape, or null when the JSON is not a rubric. */
export function readRubric(json: unknown): SnapshotRubricItem[] | null {
  const parsed = z.array(snapshotRubricItemSchema).safeParse(json);
  return parsed.success ? parsed.data : null;
}

/** A stored question's options as the snapshot shape; JSON the app did not write reads as none. */
export function readOptions(json: unknown) {
  const parsed = snapshotOptionsSchema.safeParse(json);
  return parsed.success ? parsed.data : [];
}

function canonicalize(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonicalize);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, canonicalize((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

/** sha256 of the snapshot's JSON with sorted keys, so equal content always hashes the same. */
export function snapshotHash(snapshot: TemplateSnapshot): string {
  return createHash("sha256")
    .update(JSON.stringify(canonicalize(snapshot)))
    .digest("hex");
}

/** The template's settings for its snapshot, whole, or nothing while they are all the defaults. */
function snapshotSettings(json: unknown): { settings?: TemplateSnapshot["settings"] } {
  const settings = effectiveSettings(readStoredSettings(json), null);
  const isDefault = (Object.keys(DEFAULT_SETTINGS) as (keyof typeof DEFAULT_SETTINGS)[]).every((k) => settings[k] === DEFAULT_SETTINGS[k]);
  return isDefault ? {} : { settings };
}

/**
 * The version a new invitation should point at: the latest one when the template has not changed
 * since, otherwise a new one. Content identical to an older version reuses that version (the hash is
 * unique per template), which a candidate cannot tell apart from a copy.
 * Call it inside the transaction that writes the invitation.
 */
export async function ensureTemplateVersion(tx: Tx, templateId: string) {
  // Serialises with template edits and with other invitations to the same template, so two
  // transactions cannot both create version N+1.
  await tx.$queryRaw`SELECT id FROM templates WHERE id = ${templateId} FOR UPDATE`;
  const template = await tx.template.findUnique({
    where: { id: templateId },
    select: { title: true, description: true, rubric: true, settings: true, questions: { orderBy: [{ position: "asc" }, { id: "asc" }] } },
  });
  if (!template) throw notFound("The interview template");
  const rubric = readRubric(template.rubric);
  if (!rubric) throw new DomainError("PRECONDITION_FAILED", "This template's rubric cannot be read: open the template, check the rubric and save it.");
  const snapshot: TemplateSnapshot = {
    title: template.title,
    description: template.description,
    rubric: rubric.map(({ id, competency, weight, looksFor }) => ({ id, competency, weight, looksFor })),
    questions: template.questions.map((q, position) => ({
      id: q.id,
      position,
      prompt: q.prompt,
      type: q.type,
      timeLimitSec: q.timeLimitSec,
      thinkTimeSec: q.thinkTimeSec,
      retakes: q.retakes,
      maxChars: q.maxChars,
      criteria: q.criteria,
      ...(q.type === "MULTIPLE_CHOICE" ? { options: readOptions(q.options), scoreByKey: q.scoreByKey } : {}),
      ...(q.required ? {} : { required: false }),
    })),
    ...snapshotSettings(template.settings),
  };
  const hash = snapshotHash(snapshot);
  const same = await tx.templateVersion.findUnique({ where: { templateId_hash: { templateId, hash } } });
  if (same) return same;
  const latest = await tx.templateVersion.findFirst({ where: { templateId }, orderBy: { version: "desc" }, select: { version: true } });
  return tx.templateVersion.create({ data: { templateId, version: (latest?.version ?? 0) + 1, snapshot, hash } });
}
