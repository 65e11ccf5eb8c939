import { z } from "zod";

export const interviewReviewInput = z.object({ invitationId: z.string().min(1) });

export type InterviewReviewInput = z.infer<typeof interviewReviewInput>;
