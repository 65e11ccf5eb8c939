import { describe, expect, it, vi } from "vitest";
import { GET as avatar } from "@/app/api/users/[id]/avatar/route";
import { readCookie } from "@/server/auth/session";
import { getDb } from "@/server/db/client";
import { authOptions } from "@/server/auth/options";
import { callerFor, cookieFor, makeOrg, makeUser } from "../../helpers/actors";

const request = vi.hoisted(() => ({ cookie: null as string | null }));
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => {
      const value = readCookie(request.cookie, name);
      return value === null ? undefined : { name, value };
    },
  }),
}));
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

describe("avatars (finding 11)", () => {
  it("are seen by their owner, their organization and admins, not by any signed-in user", async () => {
    const org = await makeOrg("Faces");
    const owner = await makeUser({ role: "HR", orgId: org.id });
    await getDb().user.update({ where: { id: owner.id }, data: { avatarKey: `avatars/${owner.id}/a.png`, avatarDriver: "local" } });
    const fetchAs = async (viewerId: string) => {
      request.cookie = await cookieFor(viewerId);
      return (await avatar(new Request(`http://localhost:3000/api/users/${owner.id}/avatar`), { params: Promise.resolve({ id: owner.id }) })).status;
    };
    expect(await fetchAs(owner.id)).toBe(302);
    expect(await fetchAs((await makeUser({ role: "HR", orgId: org.id })).id)).toBe(302);
    expect(await fetchAs((await makeUser({ role: "ADMIN" })).id)).toBe(302);
    expect(await fetchAs((await makeUser({ role: "HR", orgId: (await makeOrg("Strangers")).id })).id)).toBe(404);
    expect(await fetchAs((await makeUser({ role: "CANDIDATE" })).id)).toBe(404);
  });
});
