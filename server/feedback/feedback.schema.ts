import { z } from "zod";
import { text } from "../validation/text";

export const FEEDBACK_MAX_CHARS = 5000;

export const feedbackInput = z.object({ invitationId: text().min(1).max(64) });

export const sendFeedbackInput = z.object({
  invitationId: text().min(1).max(64),
  body: text()
    .trim()
    .min(20, "Write at least a few sentences of feedback.")
    .max(FEEDBACK_MAX_CHARS, `Keep the feedback under ${FEEDBACK_MAX_CHARS} characters.`),
});

export type FeedbackInput = z.infer<typeof feedbackInput>;
export type SendFeedbackInput = z.infer<typeof sendFeedbackInput>;
