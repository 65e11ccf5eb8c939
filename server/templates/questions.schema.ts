import { z } from "zod";
import { text } from "../validation/text";
import { LIMITS, questionInput } from "./templates.schema";

// The per-question operations' inputs (server/templates/questions.ts), for callers that change one
// question at a time rather than saving the whole template from the editor.

const id = text().min(1, "Name the question").max(64);

export const addQuestionInput = z.object({
  templateId: text().min(1),
  question: questionInput,
  /** 0-based; the end of the list when left out or past it. */
  position: z.number().int("Give the position as a whole number").min(0, "The position starts at 0").optional(),
});

export const updateQuestionInput = z.object({ templateId: text().min(1), questionId: id, question: questionInput });

export const removeQuestionInput = z.object({ templateId: text().min(1), questionId: id });

export const reorderQuestionsInput = z.object({
  templateId: text().min(1),
  questionIds: z
    .array(id)
    .min(1, "List the template's questions in their new order")
    .max(LIMITS.questions, `An interview has at most ${LIMITS.questions} questions`)
    .superRefine((ids, ctx) => {
      const seen = new Set<string>();
      ids.forEach((qid, i) => {
        if (seen.has(qid)) ctx.addIssue({ code: "custom", path: [i], message: `Question ${qid} is listed more than once` });
        seen.add(qid);
      });
    }),
});

export type AddQuestionInput = z.infer<typeof addQuestionInput>;
export type UpdateQuestionInput = z.infer<typeof updateQuestionInput>;
export type RemoveQuestionInput = z.infer<typeof removeQuestionInput>;
export type ReorderQuestionsInput = z.infer<typeof reorderQuestionsInput>;
