import { z } from "zod";
import { text } from "../validation/text";

export const retryResponseInput = z.object({ responseId: text().min(1, "Choose an answer to process again.") });
export type RetryResponseInput = z.infer<typeof retryResponseInput>;

export const JOB_STATUSES = ["QUEUED", "RUNNING", "SLEEPING", "COMPLETED", "FAILED", "CANCELLED"] as const;

export const listRunsInput = z.object({
  status: z.enum(JOB_STATUSES).optional(),
  functionId: text().max(200).optional(),
  cursor: text().min(1).optional(),
  limit: z.number().int().min(1).max(100).default(25),
});
export type ListRunsInput = z.infer<typeof listRunsInput>;

export const runIdInput = z.object({ runId: text().min(1, "Choose a run.") });
