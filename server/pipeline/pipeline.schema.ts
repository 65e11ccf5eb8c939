import { z } from "zod";

export const retryResponseInput = z.object({ responseId: z.string().min(1, "Choose an answer to process again.") });
export type RetryResponseInput = z.infer<typeof retryResponseInput>;

export const JOB_STATUSES = ["QUEUED", "RUNNING", "SLEEPING", "COMPLETED", "FAILED", "CANCELLED"] as const;

export const listRunsInput = z.object({
  status: z.enum(JOB_STATUSES).optional(),
  functionId: z.string().max(200).optional(),
  cursor: z.string().min(1).optional(),
  limit: z.number().int().min(1).max(100).default(25),
});
export type ListRunsInput = z.infer<typeof listRunsInput>;

export const runIdInput = z.object({ runId: z.string().min(1, "Choose a run.") });
