import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/server/db/client";
import type { Who } from "@/server/trpc/access";
import type { Meta } from "@/server/trpc/init";
import { appRouter } from "@/server/trpc/root";
import { callerFor } from "../helpers/actors";
import { cases } from "./authz";
import { buildFixture, type Fixture } from "./authz/fixture";

/**
 * Walks every tRPC procedure with every kind of caller. The expectation table below is the
 * specification; server/trpc/access.ts is the implementation under test. A new procedure without
 * an entry in `cases` (tests/integration/authz/*.cases.ts) fails this test.
 */
type Actor = "anonymous" | "suspended" | "newcomer" | "candidate" | "hr" | "hrMember" | "hrOtherOrg" | "admin";
const ACTORS: Actor[] = ["anonymous", "suspended", "newcomer", "candidate", "hr", "hrMember", "hrOtherOrg", "admin"];

const ALLOWED: Record<Who, Actor[]> = {
  public: ACTORS,
  onboarding: ["newcomer", "candidate", "hr", "hrMember", "hrOtherOrg", "admin"],
  signedIn: ["candidate", "hr", "hrMember", "hrOtherOrg", "admin"],
  hr: ["hr", "hrMember", "hrOtherOrg", "admin"],
  // The fixture's admin is a plain member of organization A, so it is no owner there.
  owner: ["hr", "hrOtherOrg"],
  candidate: ["candidate"],
  admin: ["admin"],
};

// Flat at run time ("users.me"), whatever its static type says.
const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { meta?: Meta; type: string } }>;

function call(caller: unknown, path: string, input: unknown): Promise<unknown> {
  const fn = path.split(".").reduce<any>((node, key) => node[key], caller);
  return fn(input);
}

async function outcome(promise: Promise<unknown>): Promise<"allowed" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_FOUND"> {
  try {
    await promise;
    return "allowed";
  } catch (error) {
    if (error instanceof TRPCError && (error.code === "UNAUTHORIZED" || error.code === "FORBIDDEN" || error.code === "NOT_FOUND")) {
      // NOT_FOUND is an allowed call that found nothing of the caller's; callers below tell the two apart.
      return error.code;
    }
    return "allowed";
  }
}

describe("authorization of every procedure", () => {
  let fx: Fixture;
  beforeAll(async () => {
    fx = await buildFixture();
  });

  it("has a case for every procedure, and an access rule on each", () => {
    const paths = Object.keys(procedures).sort();
    expect(paths.length).toBeGreaterThan(0);
    expect(paths.filter((p) => !cases[p])).toEqual([]);
    expect(Object.keys(cases).filter((p) => !procedures[p])).toEqual([]);
    for (const p of paths) expect(procedures[p]!._def.meta?.access, p).toBeDefined();
  });

  for (const path of Object.keys(cases)) {
    it(`${path}: only the allowed roles get through`, async () => {
      const access = procedures[path]!._def.meta!.access;
      const c = cases[path]!;
      for (const actor of ACTORS) {
        const caller = await callerFor(actor === "anonymous" ? null : fx.users[actor].id);
        const result = await outcome(call(caller, path, await c.input?.(fx)));
        const denied = result === "UNAUTHORIZED" || result === "FORBIDDEN";
        expect({ actor, denied }, `${path} as ${actor}`).toEqual({ actor, denied: !ALLOWED[access.who].includes(actor) });
        if (actor === "anonymous" || actor === "suspended") {
          if (denied) expect(result).toBe("UNAUTHORIZED");
        }
      }
      // Undo what allowed calls changed, so every case starts from the same roles.
      await getDb().user.update({ where: { id: fx.target.id }, data: { status: "ACTIVE", role: "CANDIDATE" } });
      await getDb().user.update({ where: { id: fx.users.newcomer.id }, data: { role: null } });
    });
  }

  it("every HR and owner procedure states how it stays inside the caller's organization", async () => {
    for (const [path, proc] of Object.entries(procedures)) {
      const who = proc._def.meta?.access.who;
      if (who !== "hr" && who !== "owner") continue;
      const cross = cases[path]?.crossTenant;
      expect(cross, `${path} needs a crossTenant entry`).toBeDefined();
      if (typeof cross === "function") {
        const caller = await callerFor(fx.users.hrOtherOrg.id);
        const result = await outcome(call(caller, path, await cross(fx)));
        expect(["NOT_FOUND", "FORBIDDEN"], `${path} as HR of another organization`).toContain(result);
      }
    }
  });
});
