import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { createSession, sessionCookieName, userFromSessionToken } from "@/server/auth/session";
import { createDb, getDb, type Db } from "@/server/db/client";
import type { createInvitationsInput } from "@/server/invitations/invitations.schema";
import { templateInput } from "@/server/templates/templates.schema";
import { createCaller } from "@/server/trpc/root";
import { makeOrg, makeUser } from "../helpers/actors";
import { makeTemplate } from "../integration/authz/invitations.cases";

// The embedded database runs one transaction at a time, so only a real server can show that two
// requests racing for an organization's last slot are serialized by the billing lock.
const ROUNDS = 12;
const RACERS = 4;

const content = templateInput.parse({
  title: "Support Engineer",
  description: "Help customers run our product.",
  rubric: [{ competency: "Empathy", weight: 1, looksFor: "Listens before answering" }],
  questions: [{ prompt: "Tell us about a hard customer conversation.", type: "VIDEO", timeLimitSec: 120, thinkTimeSec: 30, retakes: 1 }],
});

const inviteInput = (templateId: string, email: string): z.input<typeof createInvitationsInput> => ({
  templateId,
  candidates: { mode: "one", name: "Casey Candidate", email },
});

// One client of one connection per racer: each request's transaction runs on a connection of its own.
const clients: Db[] = [];

beforeAll(async () => {
  // tests/helpers/db-setup.ts made this file's database on the real server.
  for (let i = 0; i < RACERS; i += 1) clients.push(createDb(process.env.DATABASE_URL!, 1));
  // Connected up front, so no racer starts late for opening its connection.
  await Promise.all(clients.map((client) => client.$queryRaw`SELECT 1`));
});

afterAll(async () => {
  await Promise.all(clients.map((client) => client.$disconnect()));
});

/** A Free organization whose owner gets one caller per racer, each going through the procedures on its own client. */
async function freeOrgWithRacers(name: string) {
  const org = await makeOrg(name, "FREE");
  const owner = await makeUser({ role: "HR", orgId: org.id, orgRole: "OWNER" });
  const { token } = await createSession(getDb(), owner.id);
  const headers = new Headers({ cookie: `${sessionCookieName()}=${token}` });
  const callers = await Promise.all(clients.map(async (db) => createCaller({ db, headers, user: await userFromSessionToken(db, token) })));
  return { org, owner, callers };
}

function expectOneWinner(results: PromiseSettledResult<unknown>[], round: number) {
  const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
  expect(results.length - refused.length, `winners in round ${round}`).toBe(1);
  for (const r of refused) expect(r.reason, `round ${round}`).toMatchObject({ code: "PAYMENT_REQUIRED" });
}

describe("quotas on a real PostgreSQL", () => {
  it("lets exactly one of several concurrent template creations take the last slot", async () => {
    for (let round = 1; round <= ROUNDS; round += 1) {
      const { org, callers } = await freeOrgWithRacers("Template race");
      for (let i = 0; i < 4; i += 1) await callers[0]!.templates.create(content);
      expectOneWinner(await Promise.allSettled(callers.map((caller) => caller.templates.create(content))), round);
      expect(await getDb().template.count({ where: { organizationId: org.id } }), `round ${round}`).toBe(5);
    }
  });

  it("lets exactly one of several concurrent invitations take the last interview of the month", async () => {
    for (let round = 1; round <= ROUNDS; round += 1) {
      const { org, callers } = await freeOrgWithRacers("Invitation race");
      // A template each: inviting locks the template's row, which would serialize racers on one
      // template without the billing lock and hide its absence.
      const templates = await Promise.all(callers.map(() => makeTemplate(org.id)));
      await callers[0]!.invitations.create(inviteInput(templates[0]!.id, "first@example.com"));
      await callers[0]!.invitations.create(inviteInput(templates[0]!.id, "second@example.com"));
      const results = await Promise.allSettled(callers.map((caller, i) => caller.invitations.create(inviteInput(templates[i]!.id, `racer${i}@example.com`))));
      expectOneWinner(results, round);
      expect(await getDb().invitation.count({ where: { organizationId: org.id } }), `round ${round}`).toBe(3);
    }
  });
});
