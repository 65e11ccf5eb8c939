import { getDb } from "@/server/db/client";
import { createTemplate } from "@/server/templates/editor";
import { templateInput } from "@/server/templates/templates.schema";
import type { Cases, Fixture } from "./fixture";

const content = templateInput.parse({
  title: "Support Engineer",
  description: "Help customers run our product.",
  rubric: [{ competency: "Empathy", weight: 1, looksFor: "Listens before answering" }],
  questions: [{ prompt: "Tell us about a hard customer conversation.", type: "VIDEO", timeLimitSec: 120, thinkTimeSec: 30, retakes: 1 }],
});

type Records = { main: string; deleteMe: string };
const records = new WeakMap<Fixture, Promise<Records>>();

// Organization A's templates, made once per fixture: `main` for the procedures that read or change one,
// and one that the delete case removes, so `main` is still there when the cross-tenant walk names it.
function recordsOf(fx: Fixture): Promise<Records> {
  let r = records.get(fx);
  if (!r) {
    r = (async () => {
      const make = async () => (await createTemplate(getDb(), fx.users.hr, fx.orgA.id, content)).id;
      return { main: await make(), deleteMe: await make() };
    })();
    records.set(fx, r);
  }
  return r;
}

const main = async (fx: Fixture) => ({ id: (await recordsOf(fx)).main });
const questionIds = async (fx: Fixture) =>
  (await getDb().question.findMany({ where: { templateId: (await recordsOf(fx)).main }, orderBy: { position: "asc" }, select: { id: true } })).map((q) => q.id);
const question = content.questions[0]!;
// Each removal takes a question of its own, so every allowed role's call finds one to remove.
const freshQuestion = async (fx: Fixture) => {
  const templateId = (await recordsOf(fx)).main;
  const { id } = await getDb().question.create({ data: { templateId, position: 99, prompt: "To be removed", type: "TEXT" } });
  return { templateId, questionId: id };
};

export const templatesCases: Cases = {
  "templates.list": {
    input: () => ({}),
    crossTenant: "filters on the caller's organization; takes no id (tests/integration/templates.test.ts: another organization's templates are never listed)",
  },
  "templates.get": { input: main, crossTenant: main },
  "templates.create": { input: () => content, crossTenant: "creates in the caller's organization; takes no id" },
  "templates.update": {
    input: async (fx) => ({ ...(await main(fx)), ...content }),
    crossTenant: async (fx) => ({ ...(await main(fx)), ...content, title: "Taken over" }),
  },
  "templates.duplicate": { input: main, crossTenant: main },
  "templates.delete": { input: async (fx) => ({ id: (await recordsOf(fx)).deleteMe }), crossTenant: main },
  "templates.setIntro": {
    input: async (fx) => ({ templateId: (await main(fx)).id, introText: "Welcome, and thank you for your time." }),
    crossTenant: async (fx) => ({ templateId: (await main(fx)).id, introText: "Taken over" }),
  },
  "templates.introVideo": {
    input: async (fx) => ({ templateId: (await main(fx)).id }),
    crossTenant: async (fx) => ({ templateId: (await main(fx)).id }),
  },
  "templates.removeIntroVideo": {
    input: async (fx) => ({ templateId: (await main(fx)).id }),
    crossTenant: async (fx) => ({ templateId: (await main(fx)).id }),
  },
  "templates.setSettings": {
    input: async (fx) => ({ templateId: (await main(fx)).id, randomOrder: true, timeLimitMin: 30, allowPause: false, showTimer: true }),
    crossTenant: async (fx) => ({ templateId: (await main(fx)).id, randomOrder: false, timeLimitMin: null, allowPause: true, showTimer: false }),
  },
  "templates.questions.add": {
    input: async (fx) => ({ templateId: (await main(fx)).id, question }),
    crossTenant: async (fx) => ({ templateId: (await main(fx)).id, question }),
  },
  "templates.questions.update": {
    input: async (fx) => ({ templateId: (await main(fx)).id, questionId: (await questionIds(fx))[0], question }),
    crossTenant: async (fx) => ({ templateId: (await main(fx)).id, questionId: (await questionIds(fx))[0], question: { ...question, prompt: "Taken over" } }),
  },
  "templates.questions.remove": { input: freshQuestion, crossTenant: freshQuestion },
  "templates.questions.reorder": {
    input: async (fx) => ({ templateId: (await main(fx)).id, questionIds: (await questionIds(fx)).reverse() }),
    crossTenant: async (fx) => ({ templateId: (await main(fx)).id, questionIds: await questionIds(fx) }),
  },
  "templates.setStatus": {
    input: async (fx) => ({ ...(await main(fx)), status: "PUBLISHED" }),
    crossTenant: async (fx) => ({ ...(await main(fx)), status: "ARCHIVED" }),
  },
};
