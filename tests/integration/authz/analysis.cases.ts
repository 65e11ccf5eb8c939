import type { InterviewAnalysisResult } from "@/server/analysis/analysis.schema";
import { getDb } from "@/server/db/client";
import type { Cases, Fixture } from "./fixture";
import { invite, makeTemplate } from "./invitations.cases";

/** A complete whole-interview Analysis row written straight to the database, valid under server/analysis' schema. */
export async function makeInterviewAnalysis(
  invitation: { id: string; organizationId: string },
  result: Omit<InterviewAnalysisResult, "kind">,
  opts: { engine?: string; createdAt?: Date; flagged?: boolean; inputHash?: string } = {},
) {
  return getDb().analysis.create({
    data: {
      organizationId: invitation.organizationId,
      invitationId: invitation.id,
      status: "COMPLETE",
      engine: opts.engine ?? "offline",
      model: opts.engine === "groq-llm" ? "llama-3.3-70b-versatile" : "offline-1",
      promptVersion: "v1",
      inputHash: opts.inputHash ?? `hash-${Math.random().toString(36).slice(2)}`,
      overallScore: result.overallScore,
      recommendation: result.recommendation,
      flagged: opts.flagged ?? result.flags.length > 0,
      result: { kind: "interview", ...result },
      ...(opts.createdAt ? { createdAt: opts.createdAt } : {}),
    },
  });
}

type Records = { templateId: string; invitationId: string };
const records = new WeakMap<Fixture, Promise<Records>>();

// Organization A's template with one analysed interview, built once per fixture on first use.
function recordsOf(fx: Fixture): Promise<Records> {
  let r = records.get(fx);
  if (!r) {
    r = (async () => {
      const template = await makeTemplate(fx.orgA.id);
      const invitationId = await invite(fx.users.hr.id, fx.orgA.id, template.id, "authz-analysis@example.com");
      await makeInterviewAnalysis(
        { id: invitationId, organizationId: fx.orgA.id },
        {
          scores: [{ competencyId: "c1", competency: "Design", weight: 1, score: 3, rationale: "Some trade-offs named.", evidence: [] }],
          overallScore: 3,
          recommendation: "yes",
          summary: "A fair answer.",
          strengths: [],
          concerns: [],
          flags: [],
        },
      );
      return { templateId: template.id, invitationId };
    })();
    records.set(fx, r);
  }
  return r;
}

const byInvitation = async (fx: Fixture) => ({ invitationId: (await recordsOf(fx)).invitationId });
const override = async (fx: Fixture) => ({ ...(await byInvitation(fx)), field: "c1", value: "4", reason: "Strong follow-up in the debrief." });

export const analysisCases: Cases = {
  "analysis.interview": { input: byInvitation, crossTenant: byInvitation },
  "analysis.override": { input: override, crossTenant: override },
  "analysis.compare": {
    input: async (fx) => ({ templateId: (await recordsOf(fx)).templateId }),
    crossTenant: async (fx) => ({ templateId: (await recordsOf(fx)).templateId }),
  },
  "analysis.auditLog": { input: () => ({}), crossTenant: "lists the caller's own organization's log only; takes no id" },
};
