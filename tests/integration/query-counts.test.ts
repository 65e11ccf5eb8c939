import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSession, sessionCookieName, userFromSessionToken } from "@/server/auth/session";
import { getDb, PrismaClient } from "@/server/db/client";
import { createCaller } from "@/server/trpc/root";
import { seedOrganization } from "../../scripts/bench-api-seed";
import { makeOrg, makeUser } from "../helpers/actors";

/**
 * SQL statements per request for HR's list procedures: each must make a fixed number of queries
 * however many rows it returns (no query per row, the N+1 that makes a page of 100 a hundred
 * round trips). Each is called on two sizes of the same data and must count the same.
 */

let sql = 0;
const counting = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL!, max: 2 }), log: [{ emit: "event", level: "query" }] });
counting.$on("query", () => (sql += 1));

afterAll(() => counting.$disconnect());

let caller: ReturnType<typeof createCaller>;
let ids: { comparison: string; smallComparison: string; review: string; smallReview: string };

beforeAll(async () => {
  const org = await makeOrg("Query counts");
  const owner = await makeUser({ role: "HR", orgId: org.id, orgRole: "OWNER" });
  const { comparisonTemplateId } = await seedOrganization(getDb(), org.id, owner.id, {
    templates: 3,
    comparisonCandidates: 40,
    otherInvitations: 40,
    answersPerInvitation: 9,
  });
  const other = await getDb().template.findFirstOrThrow({ where: { organizationId: org.id, id: { not: comparisonTemplateId } }, select: { id: true } });
  const [review, smallReview] = await getDb().invitation.findMany({ where: { templateId: comparisonTemplateId }, select: { id: true }, take: 2 });
  // The same kind of interview with 2 answers instead of 9.
  await getDb().response.deleteMany({ where: { invitationId: smallReview!.id, position: { gte: 2 } } });
  ids = { comparison: comparisonTemplateId, smallComparison: other.id, review: review!.id, smallReview: smallReview!.id };
  const { token } = await createSession(getDb(), owner.id);
  const headers = new Headers({ cookie: `${sessionCookieName()}=${token}` });
  caller = createCaller({ db: counting, headers, user: await userFromSessionToken(counting, token) });
});

async function queriesOf(call: () => Promise<unknown>): Promise<number> {
  await call();
  sql = 0;
  await call();
  return sql;
}

describe("queries per request of HR's list procedures", () => {
  it("invitations.list makes as many queries for a page of 100 as for a page of 2, with filters and search", async () => {
    for (const input of [{}, { status: "COMPLETED" as const }, { query: "Moreno" }, { templateId: ids.comparison }]) {
      const few = await queriesOf(() => caller.invitations.list({ ...input, take: 2 }));
      const many = await queriesOf(() => caller.invitations.list({ ...input, take: 100 }));
      expect(many, JSON.stringify(input)).toBe(few);
    }
    const page = await caller.invitations.list({ take: 100 });
    expect(page.items.length).toBeGreaterThan(40);
  });

  it("analysis.compare makes as many queries for 40 candidates as for a few", async () => {
    const many = await queriesOf(() => caller.analysis.compare({ templateId: ids.comparison }));
    const few = await queriesOf(() => caller.analysis.compare({ templateId: ids.smallComparison }));
    expect(many).toBe(few);
    const all = await caller.analysis.compare({ templateId: ids.comparison });
    expect(all.rows.length).toBe(40);
  });

  it("review.interview makes as many queries for 9 answers as for 2", async () => {
    const many = await queriesOf(() => caller.review.interview({ invitationId: ids.review }));
    const few = await queriesOf(() => caller.review.interview({ invitationId: ids.smallReview }));
    expect(many).toBe(few);
  });

  it("review.inbox and quick find make a fixed number of queries", async () => {
    // Four sections, each a count and a page whose four relations Prisma reads with one query each.
    expect(await queriesOf(() => caller.review.inbox({ filter: "all" }))).toBeLessThanOrEqual(4 * (2 + 4));
    expect(await queriesOf(() => caller.search.quickFind({ query: "Moreno" }))).toBeLessThan(10);
  });
});
