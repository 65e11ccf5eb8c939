import { getDb, type QuestionType, type TemplateStatus } from "@/server/db/client";
import { createInvitations } from "@/server/invitations/create";
import { createInvitationsInput } from "@/server/invitations/invitations.schema";
import type { Cases, Fixture } from "./fixture";

/** A template with questions written straight to the database, so these tests do not depend on the templates module's API. */
export async function makeTemplate(
  organizationId: string,
  opts: { status?: TemplateStatus; title?: string; questions?: { prompt: string; type: QuestionType }[] } = {},
) {
  const questions = opts.questions ?? [
    { prompt: "Tell us about a system you designed.", type: "VIDEO" as const },
    { prompt: "How do you review code?", type: "TEXT" as const },
  ];
  return getDb().template.create({
    data: {
      organizationId,
      title: opts.title ?? "Backend Engineer",
      description: "Build and run our payment services.",
      rubric: [{ id: "c1", competency: "Design", weight: 1, looksFor: "Trade-offs" }],
      status: opts.status ?? "PUBLISHED",
      questions: { create: questions.map((q, i) => ({ position: i, prompt: q.prompt, type: q.type, maxChars: q.type === "TEXT" ? 2000 : null })) },
    },
  });
}

/** Invites one candidate as `actorId` and returns the invitation's id. */
export async function invite(actorId: string, organizationId: string, templateId: string, email: string) {
  const input = createInvitationsInput.parse({ templateId, candidates: { mode: "one", name: "Casey Candidate", email } });
  const result = await createInvitations(getDb(), { id: actorId }, organizationId, input);
  return result.created[0]!.id;
}

type Records = { templateId: string; resend: string; cancel: string; review: string };
const records = new WeakMap<Fixture, Promise<Records>>();

// Built once per fixture, on first use: organization A's template and one invitation per procedure
// that changes it, so the cases do not interfere with one another.
function recordsOf(fx: Fixture): Promise<Records> {
  let r = records.get(fx);
  if (!r) {
    r = (async () => {
      const template = await makeTemplate(fx.orgA.id);
      const one = (key: string) => invite(fx.users.hr.id, fx.orgA.id, template.id, `authz-${key}@example.com`);
      return { templateId: template.id, resend: await one("resend"), cancel: await one("cancel"), review: await one("review") };
    })();
    records.set(fx, r);
  }
  return r;
}

const ownOrg = "works on the caller's own organization only; takes no id";

const createInput = async (fx: Fixture) => ({
  templateId: (await recordsOf(fx)).templateId,
  candidates: { mode: "one", name: "Dana", email: "authz-create@example.com" },
});

export const invitationsCases: Cases = {
  "invitations.list": {
    input: () => ({}),
    crossTenant: "filters on the caller's organization; another organization's template id matches nothing (tests/integration/invitations.test.ts)",
  },
  "invitations.templates": { crossTenant: ownOrg },
  "invitations.create": { input: createInput, crossTenant: createInput },
  "invitations.resend": {
    input: async (fx) => ({ invitationId: (await recordsOf(fx)).resend }),
    crossTenant: async (fx) => ({ invitationId: (await recordsOf(fx)).resend, expiresInDays: 30 }),
  },
  "invitations.cancel": {
    input: async (fx) => ({ invitationId: (await recordsOf(fx)).cancel }),
    crossTenant: async (fx) => ({ invitationId: (await recordsOf(fx)).cancel }),
  },
  "invitations.setAccommodations": {
    input: async (fx) => ({ invitationId: (await recordsOf(fx)).review, extraThinkPct: 50, extraAnswerPct: 50, extraRetakes: 1 }),
    crossTenant: async (fx) => ({ invitationId: (await recordsOf(fx)).review, extraThinkPct: 25, extraAnswerPct: 0, extraRetakes: 0 }),
  },
  "review.interview": {
    input: async (fx) => ({ invitationId: (await recordsOf(fx)).review }),
    crossTenant: async (fx) => ({ invitationId: (await recordsOf(fx)).review }),
  },
};
