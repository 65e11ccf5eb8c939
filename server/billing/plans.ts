import type { Plan } from "../db/client";

export const PLANS = ["FREE", "PLUS", "PRO"] as const satisfies readonly Plan[];

export const PLAN_NAMES: Record<Plan, string> = { FREE: "Free", PLUS: "Plus", PRO: "Pro" };

/** null: no limit. */
export type Limit = number | null;

export type PlanCapabilities = {
  plan: Plan;
  name: string;
  /** Completed interviews per billing month, counting invitations sent and not yet answered. */
  completedInterviewsPerMonth: Limit;
  /** Templates that are not archived. */
  activeTemplates: Limit;
  /** HR members of the organization. */
  hrSeats: Limit;
  /** The longest an organization may keep recordings. */
  recordingRetentionMaxDays: number;
  /** AI analysis by Groq when GROQ_API_KEY is set; otherwise the offline analyzer. */
  groqAnalysis: boolean;
  outgoingWebhooks: boolean;
  apiKeys: boolean;
};

/** Every limit and feature of a plan: the only place they are written down. */
export function planCapabilities(plan: Plan): PlanCapabilities {
  switch (plan) {
    case "FREE":
      return {
        plan,
        name: PLAN_NAMES[plan],
        completedInterviewsPerMonth: 3,
        activeTemplates: 5,
        hrSeats: 1,
        recordingRetentionMaxDays: 30,
        groqAnalysis: false,
        outgoingWebhooks: false,
        apiKeys: false,
      };
    case "PLUS":
      return {
        plan,
        name: PLAN_NAMES[plan],
        completedInterviewsPerMonth: 100,
        activeTemplates: 50,
        hrSeats: 5,
        recordingRetentionMaxDays: 180,
        groqAnalysis: true,
        outgoingWebhooks: true,
        apiKeys: true,
      };
    case "PRO":
      return {
        plan,
        name: PLAN_NAMES[plan],
        completedInterviewsPerMonth: null,
        activeTemplates: null,
        hrSeats: null,
        recordingRetentionMaxDays: 365,
        groqAnalysis: true,
        outgoingWebhooks: true,
        apiKeys: true,
      };
  }
}

/** The limits a quota check and the usage meter read, by name. */
export type QuotaName = "completedInterviewsPerMonth" | "activeTemplates" | "hrSeats";
