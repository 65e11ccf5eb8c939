import type { TemplateDetail } from "@/server/templates/queries";
import { QUESTION_DEFAULTS, templateInput, type QuestionTypeValue, type TemplateFormInput } from "@/server/templates/templates.schema";

// Number fields stay strings while HR types ("", "1", "12"); they become numbers only on the way out.
export type QuestionDraft = {
  key: string;
  id?: string;
  prompt: string;
  type: QuestionTypeValue;
  timeLimitSec: string;
  thinkTimeSec: string;
  retakes: string;
  maxChars: string;
  criteria: string;
};

export type CompetencyDraft = { key: string; id?: string; competency: string; weight: string; looksFor: string };

export type TemplateDraft = { title: string; description: string; rubric: CompetencyDraft[]; questions: QuestionDraft[] };

/** Field errors keyed by each item's key rather than its index, so they follow the item when it moves. */
export type DraftErrors = Record<string, string>;

let counter = 0;
const newKey = (prefix: string) => `${prefix}-new-${++counter}`;

export function emptyQuestion(key = newKey("q")): QuestionDraft {
  return {
    key,
    prompt: "",
    type: "VIDEO",
    timeLimitSec: String(QUESTION_DEFAULTS.timeLimitSec),
    thinkTimeSec: String(QUESTION_DEFAULTS.thinkTimeSec),
    retakes: String(QUESTION_DEFAULTS.retakes),
    maxChars: String(QUESTION_DEFAULTS.maxChars),
    criteria: "",
  };
}

export function emptyCompetency(key = newKey("c")): CompetencyDraft {
  return { key, competency: "", weight: "1", looksFor: "" };
}

export function draftFromTemplate(template: TemplateDetail | null): TemplateDraft {
  // Fixed keys: the blank form is rendered on the server and again in the browser, and keys end up in element ids.
  if (!template) return { title: "", description: "", rubric: [emptyCompetency("c-first")], questions: [emptyQuestion("q-first")] };
  return {
    title: template.title,
    description: template.description,
    rubric: template.rubric.map((c) => ({ key: c.id, id: c.id, competency: c.competency, weight: String(c.weight), looksFor: c.looksFor })),
    questions: template.questions.map((q) => ({
      key: q.id,
      id: q.id,
      prompt: q.prompt,
      type: q.type,
      // A text question stores no time settings; switching it to video starts from the defaults.
      timeLimitSec: String(q.type === "VIDEO" ? q.timeLimitSec : QUESTION_DEFAULTS.timeLimitSec),
      thinkTimeSec: String(q.type === "VIDEO" ? q.thinkTimeSec : QUESTION_DEFAULTS.thinkTimeSec),
      retakes: String(q.type === "VIDEO" ? q.retakes : QUESTION_DEFAULTS.retakes),
      maxChars: String(q.maxChars ?? QUESTION_DEFAULTS.maxChars),
      criteria: q.criteria,
    })),
  };
}

const optionalNumber = (s: string) => (s.trim() === "" ? null : Number(s));

export function toInput(draft: TemplateDraft): TemplateFormInput {
  return {
    title: draft.title,
    description: draft.description,
    rubric: draft.rubric.map((c) => ({ id: c.id, competency: c.competency, weight: c.weight.trim() === "" ? Number.NaN : Number(c.weight), looksFor: c.looksFor })),
    questions: draft.questions.map((q) => ({
      id: q.id,
      prompt: q.prompt,
      type: q.type,
      timeLimitSec: optionalNumber(q.timeLimitSec),
      thinkTimeSec: optionalNumber(q.thinkTimeSec),
      retakes: optionalNumber(q.retakes),
      maxChars: optionalNumber(q.maxChars),
      criteria: q.criteria,
    })),
  };
}

/** Turns field errors keyed by the submitted order ("questions.2.prompt") into keys that follow the item. */
export function keyErrors(errors: Record<string, string>, submitted: TemplateDraft): DraftErrors {
  const out: DraftErrors = {};
  for (const [path, message] of Object.entries(errors)) {
    const [list, index, ...rest] = path.split(".");
    const items = list === "questions" ? submitted.questions : list === "rubric" ? submitted.rubric : null;
    const item = items && index !== undefined && /^\d+$/.test(index) ? items[Number(index)] : undefined;
    out[item ? [list, item.key, ...rest].join(".") : path] ??= message;
  }
  return out;
}

/** The editor's own check before sending, with the server's rules (the same schema). */
export function validateDraft(draft: TemplateDraft): DraftErrors {
  const result = templateInput.safeParse(toInput(draft));
  if (result.success) return {};
  const byPath: Record<string, string> = {};
  for (const issue of result.error.issues) byPath[issue.path.map(String).join(".") || "_form"] ??= issue.message;
  return keyErrors(byPath, draft);
}

export function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  if (from === to || from < 0 || from >= items.length) return [...items];
  const next = [...items];
  const [item] = next.splice(from, 1);
  next.splice(Math.max(0, Math.min(to, next.length)), 0, item!);
  return next;
}
