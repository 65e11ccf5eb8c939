import { z } from "zod";
import { text } from "../validation/text";

export const HIRING_DECISIONS = ["ADVANCE", "HOLD", "REJECT"] as const;
export type HiringDecision = (typeof HIRING_DECISIONS)[number];

export const HIRING_DECISION_LABELS: Record<HiringDecision, string> = { ADVANCE: "Advance", HOLD: "Hold", REJECT: "Reject" };

export const decisionInput = z.object({ invitationId: text().min(1).max(64) });

export const decideInput = z.object({
  invitationId: text().min(1).max(64),
  decision: z.enum(HIRING_DECISIONS, { message: "Choose advance, hold or reject." }),
});

export type DecisionInput = z.infer<typeof decisionInput>;
export type DecideInput = z.infer<typeof decideInput>;
