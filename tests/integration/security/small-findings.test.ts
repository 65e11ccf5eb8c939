import { describe, expect, it } from "vitest";
import { authOptions } from "@/server/auth/options";
import { callerFor, makeOrg, makeUser } from "../../helpers/actors";
import { makeTemplate } from "../authz/invitations.cases";

describe("smaller findings (11)", () => {
  it("a magic link lives 15 minutes, not 24 hours", () => {
    const email = authOptions().providers.find((p) => p.id === "email") as { options: { maxAge?: number } } | undefined;
    expect(email?.options.maxAge).toBe(15 * 60);
  });
});

describe("list filters (finding 11)", () => {
  it("read % and _ as themselves, not as wildcards", async () => {
    const org = await makeOrg("Wildcards");
    const hr = await makeUser({ role: "HR", orgId: org.id });
    await makeTemplate(org.id, { title: "Backend Engineer" });
    await makeTemplate(org.id, { title: "100% remote_lead" });
    const api = await callerFor(hr.id);
    const titles = async (query: string) => (await api.templates.list({ query, status: "ALL" })).items.map((t) => t.title);
    expect(await titles("%")).toEqual(["100% remote_lead"]);
    expect(await titles("_")).toEqual(["100% remote_lead"]);
    expect(await titles("Back_nd")).toEqual([]);
  });
});
