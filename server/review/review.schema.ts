import { z } from "zod";
import { text } from "../validation/text";

export const interviewReviewInput = z.object({ invitationId: text().min(1) });

export const answerCaptionsInput = z.object({ invitationId: text().min(1), responseId: text().min(1) });

export type InterviewReviewInput = z.infer<typeof interviewReviewInput>;
