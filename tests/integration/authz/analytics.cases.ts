import type { Cases, Fixture } from "./fixture";
import { makeTemplate } from "./invitations.cases";

const templates = new WeakMap<Fixture, Promise<string>>();

// Organization A's template, built once per fixture on first use.
function templateOf(fx: Fixture): Promise<string> {
  let t = templates.get(fx);
  if (!t) {
    t = makeTemplate(fx.orgA.id).then((template) => template.id);
    templates.set(fx, t);
  }
  return t;
}

export const analyticsCases: Cases = {
  "analytics.overview": {
    input: () => ({ from: "2026-01-01", to: "2026-12-31" }),
    crossTenant: async (fx) => ({ templateId: await templateOf(fx), from: "2026-01-01", to: "2026-12-31" }),
  },
};
