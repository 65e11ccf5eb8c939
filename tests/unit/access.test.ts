import { describe, expect, it } from "vitest";
import type { SessionUser } from "@/server/auth/session-user";
import { decideAccess } from "@/server/trpc/access";
import { needsOnboarding } from "@/server/users/onboarding";

const org = { id: "o1", name: "Org", slug: "org", suspendedAt: null };
const user = (over: Partial<SessionUser>): SessionUser => ({
  id: "u",
  email: "u@example.com",
  name: null,
  image: null,
  role: "HR",
  status: "ACTIVE",
  memberships: [{ organizationId: "o1", role: "HR", orgRole: "MEMBER", organization: org }],
  ...over,
});

describe("access decisions", () => {
  it("HR access needs both the HR role and a membership, and yields that organization", () => {
    const ok = decideAccess({ who: "hr", tenant: "organization" }, user({}));
    expect(ok).toEqual({ ok: true, membership: expect.objectContaining({ organizationId: "o1" }) });
    expect(decideAccess({ who: "hr", tenant: "organization" }, user({ memberships: [] }))).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(decideAccess({ who: "hr", tenant: "organization" }, user({ role: "CANDIDATE" }))).toMatchObject({ ok: false });
  });

  it("owner access needs an HR membership whose organization role is owner", () => {
    const owner = user({ memberships: [{ organizationId: "o1", role: "HR", orgRole: "OWNER", organization: org }] });
    expect(decideAccess({ who: "owner", tenant: "organization" }, owner)).toEqual({ ok: true, membership: expect.objectContaining({ organizationId: "o1" }) });
    expect(decideAccess({ who: "owner", tenant: "organization" }, user({}))).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
      message: expect.stringMatching(/owner/),
    });
    expect(decideAccess({ who: "owner", tenant: "organization" }, { ...owner, role: "CANDIDATE" })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(decideAccess({ who: "owner", tenant: "organization" }, null)).toMatchObject({ ok: false, code: "UNAUTHORIZED" });
  });

  it("a suspended or absent user is unauthorized everywhere but public", () => {
    for (const who of ["onboarding", "signedIn", "candidate", "admin"] as const) {
      expect(decideAccess({ who, tenant: who === "admin" ? "platform" : "self" } as never, null)).toMatchObject({ code: "UNAUTHORIZED" });
      expect(decideAccess({ who, tenant: "self" } as never, user({ status: "SUSPENDED" }))).toMatchObject({ code: "UNAUTHORIZED" });
    }
    expect(decideAccess({ who: "public", tenant: "none" }, null)).toMatchObject({ ok: true });
  });

  it("onboarding is needed until a role, and for HR an organization, is chosen", () => {
    expect(needsOnboarding(user({ role: null, memberships: [] }))).toBe(true);
    expect(needsOnboarding(user({ role: "HR", memberships: [] }))).toBe(true);
    expect(needsOnboarding(user({}))).toBe(false);
    expect(needsOnboarding(user({ role: "CANDIDATE", memberships: [] }))).toBe(false);
  });
});
