import { getDb } from "@/server/db/client";
import type { Cases, Fixture } from "./fixture";

const templates = new WeakMap<Fixture, Promise<string>>();

// Organization A's template, made once per fixture: naming it from organization B must find nothing.
function templateOf(fx: Fixture): Promise<string> {
  let t = templates.get(fx);
  if (!t) {
    t = getDb()
      .template.create({ data: { organizationId: fx.orgA.id, title: "Search authz", description: "Payments backend.", rubric: [], status: "PUBLISHED" } })
      .then((row) => row.id);
    templates.set(fx, t);
  }
  return t;
}

export const searchCases: Cases = {
  "search.interviews": {
    input: async (fx) => ({ query: "database index", templateId: await templateOf(fx) }),
    crossTenant: async (fx) => ({ query: "database index", templateId: await templateOf(fx) }),
  },
  "search.quickFind": {
    input: () => ({ query: "Search authz" }),
    crossTenant:
      "filters on the caller's organization; takes no id (tests/integration/quick-find.test.ts: another organization's candidates and templates are never found)",
  },
};
