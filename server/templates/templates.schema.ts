import { z } from "zod";
import { text } from "../validation/text";

export const TEMPLATE_STATUSES = ["DRAFT", "PUBLISHED", "ARCHIVED"] as const;
export type TemplateStatusValue = (typeof TEMPLATE_STATUSES)[number];
export const QUESTION_TYPES = ["VIDEO", "TEXT", "MULTIPLE_CHOICE"] as const;
export type QuestionTypeValue = (typeof QUESTION_TYPES)[number];
export const QUESTION_TYPE_LABELS: Record<QuestionTypeValue, string> = { VIDEO: "Video", TEXT: "Text", MULTIPLE_CHOICE: "Multiple choice" };

export const LIMITS = {
  title: 120,
  description: 10_000,
  competencies: 10,
  competency: 80,
  looksFor: 1000,
  weight: 100,
  questions: 30,
  prompt: 1000,
  criteria: 2000,
  timeLimitSec: { min: 15, max: 600 },
  thinkTimeSec: { min: 0, max: 300 },
  retakes: { min: 0, max: 5 },
  maxChars: { min: 50, max: 5000 },
  options: { min: 2, max: 10 },
  option: 200,
} as const;

export const QUESTION_DEFAULTS = { timeLimitSec: 120, thinkTimeSec: 30, retakes: 1, maxChars: 2000 } as const;

function checkRange(ctx: z.RefinementCtx, key: string, value: number | null | undefined, range: { min: number; max: number }, message: string) {
  if (value == null || !Number.isInteger(value) || value < range.min || value > range.max) ctx.addIssue({ code: "custom", path: [key], message });
}

// Ids are those the server gave out: a question row's id, or a competency's id in the rubric JSON.
const clientId = text()
  .regex(/^[\w-]{1,64}$/, "Unknown id")
  .optional();

export const rubricItemInput = z.object({
  id: clientId,
  competency: text().trim().min(1, "Name the competency").max(LIMITS.competency, `Keep the name under ${LIMITS.competency} characters`),
  weight: z.number({ error: "Enter a weight" }).positive("The weight must be more than 0").max(LIMITS.weight, `Keep the weight at ${LIMITS.weight} or less`),
  looksFor: text().trim().min(1, "Describe what a strong candidate shows").max(LIMITS.looksFor, `Keep this under ${LIMITS.looksFor} characters`),
});

// Checked only on a multiple-choice question (checkOptions): the editor keeps blank options on other
// types while HR switches type back and forth, and those must not block saving.
export const choiceOptionInput = z.object({
  id: clientId,
  text: text().trim(),
  correct: z.boolean().default(false),
});

function checkOptions(ctx: z.RefinementCtx, options: z.output<typeof choiceOptionInput>[] | null | undefined) {
  const { min, max } = LIMITS.options;
  if (!options || options.length < min || options.length > max) {
    ctx.addIssue({ code: "custom", path: ["options"], message: `Give from ${min} to ${max} options` });
    return;
  }
  const texts = new Set<string>();
  const ids = new Set<string>();
  options.forEach((o, i) => {
    if (!o.text) ctx.addIssue({ code: "custom", path: ["options", i, "text"], message: "Write the option" });
    if (o.text.length > LIMITS.option)
      ctx.addIssue({ code: "custom", path: ["options", i, "text"], message: `Keep an option under ${LIMITS.option} characters` });
    const key = o.text.toLowerCase();
    if (texts.has(key)) ctx.addIssue({ code: "custom", path: ["options", i, "text"], message: "Another option already says this" });
    if (o.id && ids.has(o.id)) ctx.addIssue({ code: "custom", path: ["options", i, "id"], message: "This option appears twice" });
    texts.add(key);
    if (o.id) ids.add(o.id);
  });
  if (!options.some((o) => o.correct)) ctx.addIssue({ code: "custom", path: ["options"], message: "Mark at least one option as correct" });
}

/**
 * The settings that do not apply to a question's type arrive as anything (the editor keeps them while
 * HR switches type back and forth) and leave as the stored value: a text answer has no time limit,
 * think time or retakes, and a video answer no character limit.
 */
export const questionInput = z
  .object({
    id: clientId,
    prompt: text().trim().min(1, "Write the question").max(LIMITS.prompt, `Keep the question under ${LIMITS.prompt} characters`),
    type: z.enum(QUESTION_TYPES, { error: "Choose how the candidate answers" }),
    timeLimitSec: z.number().nullish(),
    thinkTimeSec: z.number().nullish(),
    retakes: z.number().nullish(),
    maxChars: z.number().nullish(),
    options: z.array(choiceOptionInput).nullish(),
    scoreByKey: z.boolean().default(false),
    // Optional questions may be skipped when the candidate completes the interview early.
    required: z.boolean().default(true),
    criteria: text().trim().max(LIMITS.criteria, `Keep the criteria under ${LIMITS.criteria} characters`).default(""),
  })
  .superRefine((q, ctx) => {
    if (q.type === "VIDEO") {
      const { timeLimitSec: t, thinkTimeSec: think, retakes: r } = LIMITS;
      checkRange(ctx, "timeLimitSec", q.timeLimitSec, t, `Set a time limit from ${t.min} to ${t.max} seconds`);
      checkRange(ctx, "thinkTimeSec", q.thinkTimeSec, think, `Set a think time from ${think.min} to ${think.max} seconds`);
      checkRange(ctx, "retakes", q.retakes, r, `Allow from ${r.min} to ${r.max} retakes`);
    } else if (q.type === "MULTIPLE_CHOICE") {
      checkOptions(ctx, q.options);
    } else if (q.maxChars != null) {
      const m = LIMITS.maxChars;
      checkRange(ctx, "maxChars", q.maxChars, m, `Allow from ${m.min} to ${m.max.toLocaleString("en")} characters`);
    }
  })
  .transform((q) => {
    const common = { id: q.id, prompt: q.prompt, type: q.type, criteria: q.criteria, required: q.required, options: null, scoreByKey: false };
    if (q.type === "VIDEO")
      return {
        ...common,
        timeLimitSec: q.timeLimitSec ?? QUESTION_DEFAULTS.timeLimitSec,
        thinkTimeSec: q.thinkTimeSec ?? QUESTION_DEFAULTS.thinkTimeSec,
        retakes: q.retakes ?? QUESTION_DEFAULTS.retakes,
        maxChars: null,
      };
    if (q.type === "MULTIPLE_CHOICE")
      return { ...common, timeLimitSec: 0, thinkTimeSec: 0, retakes: 0, maxChars: null, options: q.options ?? [], scoreByKey: q.scoreByKey };
    return { ...common, timeLimitSec: 0, thinkTimeSec: 0, retakes: 0, maxChars: q.maxChars ?? QUESTION_DEFAULTS.maxChars };
  });

/**
 * Everything the editor saves, in one piece. A draft may still lack questions or competencies;
 * publishing needs both (see publishBlockers), so HR can save unfinished work.
 */
export const templateInput = z.object({
  title: text().trim().min(1, "Enter the job title").max(LIMITS.title, `Keep the title under ${LIMITS.title} characters`),
  description: text()
    .trim()
    .min(1, "Describe the job")
    .max(LIMITS.description, `Keep the description under ${LIMITS.description.toLocaleString("en")} characters`),
  rubric: z
    .array(rubricItemInput)
    .max(LIMITS.competencies, `A rubric has at most ${LIMITS.competencies} competencies`)
    .superRefine((items, ctx) => {
      const names = new Set<string>();
      const ids = new Set<string>();
      items.forEach((item, i) => {
        const name = item.competency.toLowerCase();
        if (names.has(name)) ctx.addIssue({ code: "custom", path: [i, "competency"], message: "Another competency already has this name" });
        if (item.id && ids.has(item.id)) ctx.addIssue({ code: "custom", path: [i, "id"], message: "This competency appears twice" });
        names.add(name);
        if (item.id) ids.add(item.id);
      });
    }),
  questions: z
    .array(questionInput)
    .max(LIMITS.questions, `An interview has at most ${LIMITS.questions} questions`)
    .superRefine((questions, ctx) => {
      const ids = new Set<string>();
      questions.forEach((q, i) => {
        if (q.id && ids.has(q.id)) ctx.addIssue({ code: "custom", path: [i, "id"], message: "This question appears twice" });
        if (q.id) ids.add(q.id);
      });
    }),
});

export const templateIdInput = z.object({ id: text().min(1) });

export const updateTemplateInput = templateInput.extend(templateIdInput.shape);

export const listTemplatesInput = z.object({
  // ACTIVE hides the archive, which is what HR wants to see by default.
  status: z.enum(["ACTIVE", "ALL", ...TEMPLATE_STATUSES]).default("ACTIVE"),
  query: text().trim().max(200).optional(),
  cursor: text().min(1).optional(),
  take: z.number().int().min(1).max(100).default(25),
});

export const setTemplateStatusInput = z.object({
  id: text().min(1),
  status: z.enum(TEMPLATE_STATUSES),
});

export type TemplateInput = z.infer<typeof templateInput>;
export type TemplateFormInput = z.input<typeof templateInput>;
export type UpdateTemplateInput = z.infer<typeof updateTemplateInput>;
export type ListTemplatesInput = z.infer<typeof listTemplatesInput>;
export type SetTemplateStatusInput = z.infer<typeof setTemplateStatusInput>;
export type RubricItemInput = z.infer<typeof rubricItemInput>;
export type QuestionInput = z.infer<typeof questionInput>;

/**
 * What keeps valid content from being published, keyed like field errors. Every weight is above 0,
 * so one competency is enough for the weights to add up to more than 0.
 */
export function publishBlockers(content: { rubric: readonly unknown[]; questions: readonly unknown[] }): Record<string, string> {
  const blockers: Record<string, string> = {};
  if (!content.questions.length) blockers.questions = "Add at least one question before publishing";
  if (!content.rubric.length) blockers.rubric = "Add at least one competency to the rubric before publishing";
  return blockers;
}

/** Each competency's share of the total weight, in whole percent, as HR and reviewers see it. */
export function weightShares(weights: readonly number[]): number[] {
  const valid = weights.map((w) => (Number.isFinite(w) && w > 0 ? w : 0));
  const total = valid.reduce((a, b) => a + b, 0);
  return valid.map((w) => (total > 0 ? Math.round((w / total) * 100) : 0));
}
