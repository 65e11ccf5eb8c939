import { zodResolver } from "@hookform/resolvers/zod";
import type { FieldError, Resolver } from "react-hook-form";
import type { TemplateDetail } from "@/server/templates/queries";
import { publishBlockers, QUESTION_DEFAULTS, templateInput, type TemplateFormInput, type TemplateInput } from "@/server/templates/templates.schema";

/** What the editor holds: the tRPC procedures' input, before the schema trims and fills it in. */
export type TemplateFormValues = TemplateFormInput;
export type QuestionFormValues = TemplateFormValues["questions"][number];
export type CompetencyFormValues = TemplateFormValues["rubric"][number];

export function emptyQuestion(): QuestionFormValues {
  return { prompt: "", type: "VIDEO", ...QUESTION_DEFAULTS, criteria: "", options: emptyOptions(), scoreByKey: false, required: true };
}

/** Two blank options, so switching a question to multiple choice starts at the minimum. */
function emptyOptions() {
  return [
    { text: "", correct: true },
    { text: "", correct: false },
  ];
}

export function emptyCompetency(): CompetencyFormValues {
  return { competency: "", weight: 1, looksFor: "" };
}

export function formValues(template: TemplateDetail | null): TemplateFormValues {
  if (!template) return { title: "", description: "", rubric: [emptyCompetency()], questions: [emptyQuestion()] };
  return {
    title: template.title,
    description: template.description,
    rubric: template.rubric.map((c) => ({ id: c.id, competency: c.competency, weight: c.weight, looksFor: c.looksFor })),
    questions: template.questions.map((q) => ({
      id: q.id,
      prompt: q.prompt,
      type: q.type,
      // A text question stores no time settings; switching it to video starts from the defaults.
      timeLimitSec: q.type === "VIDEO" ? q.timeLimitSec : QUESTION_DEFAULTS.timeLimitSec,
      thinkTimeSec: q.type === "VIDEO" ? q.thinkTimeSec : QUESTION_DEFAULTS.thinkTimeSec,
      retakes: q.type === "VIDEO" ? q.retakes : QUESTION_DEFAULTS.retakes,
      maxChars: q.maxChars ?? QUESTION_DEFAULTS.maxChars,
      options: q.options ?? emptyOptions(),
      scoreByKey: q.scoreByKey,
      required: q.required,
      criteria: q.criteria,
    })),
  };
}

/**
 * The tRPC procedures' own schema, plus for a published template the rule the server applies
 * when saving one: it must keep a question and a competency.
 */
export function templateResolver(published: boolean): Resolver<TemplateFormValues, unknown, TemplateInput> {
  const schema = zodResolver(templateInput);
  if (!published) return schema;
  return async (values, context, options) => {
    const result = await schema(values, context, options);
    const blockers = Object.entries(publishBlockers(values));
    if (!blockers.length) return result;
    const errors = { ...result.errors, ...Object.fromEntries(blockers.map(([name, message]) => [name, { type: "publish", message }])) };
    return { values: {}, errors };
  };
}

/** A list-wide message ("Add at least one question…"): the resolver puts it at the list or, beside item errors, at its root. */
export function listError(error: (FieldError & { root?: FieldError }) | { root?: FieldError } | undefined): string | undefined {
  if (!error) return undefined;
  return error.root?.message ?? ("message" in error ? error.message : undefined);
}
