import { TRPCError } from "@trpc/server";
import { describe, expect, it, vi } from "vitest";
import { GET } from "@/app/api/reports/fairness/route";
import { readCookie } from "@/server/auth/session";
import { getDb } from "@/server/db/client";
import { callerFor, cookieFor, makeOrg, makeUser } from "../helpers/actors";
import { makeInterview } from "../fixtures/interview";
import { makeInterviewAnalysis } from "./authz/analysis.cases";

// The CSV route reads the session through next/headers, which only exists inside a Next request.
const request = vi.hoisted(() => ({ cookie: null as string | null }));
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => {
      const value = readCookie(request.cookie, name);
      return value === null ? undefined : { name, value };
    },
  }),
}));

const db = () => getDb();

async function completed(organizationId: string, completedAt = new Date("2026-06-15T12:00:00Z")) {
  const interview = await makeInterview({ organizationId, consent: true });
  await db().invitation.update({ where: { id: interview.invitation.id }, data: { status: "COMPLETED", completedAt } });
  return interview;
}

const analysis = (recommendation: "yes" | "no") => ({
  scores: [{ competencyId: "c1", competency: "Design", weight: 1, score: recommendation === "yes" ? 4 : 2, rationale: "r", evidence: [] }],
  overallScore: recommendation === "yes" ? 4 : 2,
  recommendation,
  summary: "s",
  strengths: [],
  concerns: [],
  flags: [],
});

describe("voluntary self-identification", () => {
  it("opens only once the interview is complete, and a second answer replaces the first", async () => {
    const org = await makeOrg("SelfId");
    const open = await makeInterview({ organizationId: org.id, consent: true });
    const anonymous = await callerFor(null);
    await expect(anonymous.fairness.selfIdentify({ token: open.token, sex: "female", raceEthnicity: "asian" })).rejects.toThrow(/once you have completed/);

    const done = await completed(org.id);
    await anonymous.fairness.selfIdentify({ token: done.token, sex: "female", raceEthnicity: "asian" });
    await anonymous.fairness.selfIdentify({ token: done.token, sex: "prefer_not_to_say", raceEthnicity: "white" });
    expect(await db().selfIdentification.findMany({ where: { invitationId: done.invitation.id }, select: { sex: true, raceEthnicity: true } })).toEqual([
      { sex: "prefer_not_to_say", raceEthnicity: "white" },
    ]);
    await expect(anonymous.fairness.selfIdentify({ token: done.token, sex: "other" as never, raceEthnicity: "white" })).rejects.toThrow(/prefer not to say/);
  });
});

describe("HR's decision on a candidate", () => {
  it("is recorded with who and when once the interview is complete, audited on every change, and out of reach of other organizations", async () => {
    const org = await makeOrg("Decide");
    const hr = await makeUser({ role: "HR", orgId: org.id });
    const caller = await callerFor(hr.id);
    const open = await makeInterview({ organizationId: org.id, consent: true });
    await expect(caller.fairness.decide({ invitationId: open.invitation.id, decision: "ADVANCE" })).rejects.toThrow(/once the candidate has completed/);

    const done = await completed(org.id);
    const advanced = await caller.fairness.decide({ invitationId: done.invitation.id, decision: "ADVANCE" });
    expect(advanced).toMatchObject({ completed: true, decision: { decision: "ADVANCE", decidedBy: hr.name } });
    await caller.fairness.decide({ invitationId: done.invitation.id, decision: "ADVANCE" });
    await caller.fairness.decide({ invitationId: done.invitation.id, decision: "REJECT" });
    const log = await db().auditLog.findMany({ where: { targetId: done.invitation.id, action: "candidate.decided" }, orderBy: { createdAt: "asc" } });
    expect(log.map((l) => l.data)).toEqual([
      { decision: "ADVANCE", previous: null },
      { decision: "REJECT", previous: "ADVANCE" },
    ]);

    const other = await makeUser({ role: "HR", orgId: (await makeOrg("Other")).id });
    const outsider = await callerFor(other.id);
    await expect(outsider.fairness.decide({ invitationId: done.invitation.id, decision: "ADVANCE" })).rejects.toSatisfy(
      (e: unknown) => e instanceof TRPCError && e.code === "NOT_FOUND",
    );
  });
});

describe("the fairness report", () => {
  it("gives selection rates and impact ratios for HR decisions and the AI's own recommendation, suppresses small cells, and keeps to the range", async () => {
    const org = await makeOrg("Fair");
    const owner = await makeUser({ role: "HR", orgId: org.id, orgRole: "OWNER" });
    const anonymous = await callerFor(null);
    // 6 women, 3 advanced; 6 men, 6 advanced; 3 who preferred not to say; 2 who did not answer.
    const groups: { sex: string; race: string; advance: boolean; ai: "yes" | "no" }[] = [
      ...Array.from({ length: 6 }, (_, i) => ({ sex: "female", race: i < 3 ? "asian" : "white", advance: i < 3, ai: "yes" as const })),
      ...Array.from({ length: 6 }, () => ({ sex: "male", race: "white", advance: true, ai: "no" as const })),
      ...Array.from({ length: 3 }, () => ({ sex: "prefer_not_to_say", race: "prefer_not_to_say", advance: false, ai: "no" as const })),
    ];
    for (const g of groups) {
      const i = await completed(org.id);
      await anonymous.fairness.selfIdentify({ token: i.token, sex: g.sex as "female", raceEthnicity: g.race as "white" });
      await db().hiringDecision.create({ data: { invitationId: i.invitation.id, organizationId: org.id, decision: g.advance ? "ADVANCE" : "REJECT" } });
      // The AI said no and HR overrode it: the report reads the AI's own recommendation.
      const a = await makeInterviewAnalysis(i.invitation, analysis(g.ai));
      await db().analysisOverride.create({
        data: { analysisId: a.id, field: "recommendation", aiValue: g.ai, value: "strong_yes", reason: "Seen in person." },
      });
    }
    for (let n = 0; n < 2; n++) await completed(org.id);
    // Completed after the range and held: neither counts.
    const late = await completed(org.id, new Date("2027-02-01T00:00:00Z"));
    await db().hiringDecision.create({ data: { invitationId: late.invitation.id, organizationId: org.id, decision: "ADVANCE" } });

    const report = await (await callerFor(owner.id)).fairness.report({ from: "2026-01-01", to: "2026-12-31" });
    expect(report).toMatchObject({ completed: 17, selfIdentified: 15 });
    const [hr, ai] = report.bases;
    expect(hr).toMatchObject({ basis: "hr", assessed: 15, pending: 2 });
    const sex = hr!.tables.find((t) => t.dimension === "sex")!;
    expect(sex.rows).toEqual([
      { category: "female", total: 6, selected: 3, rate: 0.5, ratio: 0.5, belowFourFifths: true, suppressed: false },
      { category: "male", total: 6, selected: 6, rate: 1, ratio: 1, belowFourFifths: false, suppressed: false },
    ]);
    expect(sex.unknown).toBe(3);
    const race = hr!.tables.find((t) => t.dimension === "raceEthnicity")!;
    expect(race.rows.find((r) => r.category === "asian")).toMatchObject({ suppressed: true, total: null });
    expect(race.rows.find((r) => r.category === "white")).toMatchObject({ total: 9, selected: 6 });

    expect(ai).toMatchObject({ basis: "ai", assessed: 15 });
    const aiSex = ai!.tables.find((t) => t.dimension === "sex")!;
    expect(aiSex.rows.map((r) => [r.category, r.rate, r.ratio])).toEqual([
      ["female", 1, 1],
      ["male", 0, 0],
    ]);
    expect(aiSex.rows[1]!.belowFourFifths).toBe(true);
  });

  it("is for owners only, on the page and as a CSV", async () => {
    const org = await makeOrg("FairCsv");
    const owner = await makeUser({ role: "HR", orgId: org.id, orgRole: "OWNER" });
    const member = await makeUser({ role: "HR", orgId: org.id });
    await expect((await callerFor(member.id)).fairness.report({ from: "2026-01-01", to: "2026-12-31" })).rejects.toSatisfy(
      (e: unknown) => e instanceof TRPCError && e.code === "FORBIDDEN",
    );

    const download = async (cookie: string | null, query = "?from=2026-01-01&to=2026-12-31") => {
      request.cookie = cookie;
      return GET(new Request(`http://localhost:3000/api/reports/fairness${query}`, cookie ? { headers: { cookie } } : {}));
    };
    const csv = await download(await cookieFor(owner.id));
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    // The byte-order mark makes spreadsheet programs read it as UTF-8 (text() drops it).
    expect([...new Uint8Array(await csv.clone().arrayBuffer()).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = await csv.text();
    // Every cell quoted, as every CSV the app writes (server/comparison/csv.ts).
    expect(text.split("\r\n")[0]).toBe(
      '"Selection","Dimension","Category","Candidates","Selected","Selection rate","Impact ratio","Below four-fifths","Suppressed (fewer than 5)"',
    );
    expect(text).toContain('"HR decision (advance)","Sex","Female","","","","","","yes"');
    expect((await download(await cookieFor(member.id))).status).toBe(403);
    expect((await download(null)).status).toBe(401);
    expect((await download(await cookieFor(owner.id), "?from=2026-12-31&to=2026-01-01")).status).toBe(400);
  });
});
