import { describe, expect, it, vi } from "vitest";
import { GET } from "@/app/api/analytics/csv/route";
import { readCookie } from "@/server/auth/session";
import { getDb, type InvitationStatus } from "@/server/db/client";
import { createInvitationToken } from "@/server/invitations/token";
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
const at = (iso: string) => new Date(`2026-06-${iso}Z`);
const past = new Date("2026-07-01T00:00:00Z");
const future = new Date(Date.now() + 30 * 24 * 3600 * 1000);

type Shape = {
  status: InvitationStatus;
  expiresAt?: Date;
  sentAt?: Date;
  openedAt?: Date;
  consentAt?: Date;
  startedAt?: Date;
  completedAt?: Date;
  cancelledAt?: Date;
  /** submittedAt of each answered question, by position. */
  answered?: Date[];
};

/** Another invitation to the same template version as `base`, in the given state, with its two responses. */
async function invitation(base: Awaited<ReturnType<typeof makeInterview>>, shape: Shape) {
  const { hash } = createInvitationToken();
  const inv = await db().invitation.create({
    data: {
      organizationId: base.organizationId,
      templateId: base.invitation.templateId,
      templateVersionId: base.invitation.templateVersionId,
      candidateName: "Drew",
      candidateEmail: `drew-${hash.slice(0, 8)}@example.com`,
      tokenHash: hash,
      status: shape.status,
      expiresAt: shape.expiresAt ?? future,
      sentAt: shape.sentAt ?? at("01T09:00:00"),
      openedAt: shape.openedAt,
      consentAt: shape.consentAt,
      startedAt: shape.startedAt,
      completedAt: shape.completedAt,
      cancelledAt: shape.cancelledAt,
    },
  });
  await db().response.createMany({
    data: base.questions.map((q) => ({
      invitationId: inv.id,
      questionId: q.id,
      position: q.position,
      type: q.type,
      status: shape.answered?.[q.position] ? "ANALYZED" : "PENDING",
      submittedAt: shape.answered?.[q.position] ?? null,
    })),
  });
  return inv;
}

const design = (score: number) => ({
  scores: [{ competencyId: "c1", competency: "Design", weight: 1, score, rationale: "r", evidence: [] }],
  overallScore: score,
  recommendation: "yes" as const,
  summary: "s",
  strengths: [],
  concerns: [],
  flags: [],
});

/**
 * One template's invitations at each step of the funnel (A invited, B opened, C dropped at the
 * second question when the link expired, D cancelled before answering, E and F completed and
 * analysed, E reviewed), another template's completed interview, one sent outside the range, and
 * another organization's interview.
 */
async function seed() {
  const org = await makeOrg("Analytics");
  const hr = await makeUser({ role: "HR", orgId: org.id });
  const base = await makeInterview({ organizationId: org.id, expiresAt: future });
  await db().invitation.update({ where: { id: base.invitation.id }, data: { sentAt: at("01T08:00:00") } });
  const opened = { openedAt: at("01T10:00:00") };
  const consented = { ...opened, consentAt: at("01T10:01:00"), startedAt: at("01T10:02:00") };
  await invitation(base, { status: "OPENED", ...opened });
  await invitation(base, { status: "IN_PROGRESS", expiresAt: past, ...consented, answered: [at("02T10:00:00")] });
  await invitation(base, { status: "CANCELLED", ...consented, cancelledAt: at("03T00:00:00") });
  const e = await invitation(base, {
    status: "COMPLETED",
    ...opened,
    consentAt: at("03T10:00:00"),
    startedAt: at("03T10:00:00"),
    completedAt: at("03T10:20:00"),
    answered: [at("03T10:10:00"), at("03T10:20:00")],
  });
  const f = await invitation(base, {
    status: "COMPLETED",
    ...opened,
    consentAt: at("05T10:00:00"),
    startedAt: at("05T10:00:00"),
    completedAt: at("05T10:40:00"),
    answered: [at("05T10:20:00"), at("05T10:40:00")],
  });
  await makeInterviewAnalysis(e, design(4.2));
  // F was analysed twice: the latest analysis is the one counted.
  await makeInterviewAnalysis(f, design(5), { createdAt: at("05T11:00:00") });
  await makeInterviewAnalysis(f, design(2.4), { createdAt: at("05T12:00:00") });
  const reviewer = await makeUser({ role: "HR", orgId: org.id });
  await db().reviewerState.create({ data: { invitationId: e.id, reviewerId: hr.id, organizationId: org.id, reviewedAt: at("03T12:20:00") } });
  await db().reviewerState.create({ data: { invitationId: e.id, reviewerId: reviewer.id, organizationId: org.id, reviewedAt: at("04T12:20:00") } });
  // Not counted for the template: another template's interview, and one sent before the range.
  const other = await makeInterview({ organizationId: org.id });
  await db().invitation.update({
    where: { id: other.invitation.id },
    data: { status: "COMPLETED", sentAt: at("02T08:00:00"), openedAt: at("02T09:00:00"), startedAt: at("02T09:00:00"), completedAt: at("02T09:10:00") },
  });
  await invitation(base, { status: "SENT", sentAt: new Date("2025-12-31T23:00:00Z") });
  // Never counted: another organization's completed interview in the range.
  const foreign = await makeInterview({ organizationId: (await makeOrg("Elsewhere")).id });
  await db().invitation.update({
    where: { id: foreign.invitation.id },
    data: { status: "COMPLETED", sentAt: at("02T08:00:00"), completedAt: at("02T09:00:00") },
  });
  return { org, hr, templateId: base.invitation.templateId, prompts: base.questions.map((q) => q.prompt) };
}

const range = { from: "2026-06-01", to: "2026-06-30" };

describe("HR analytics", () => {
  it("counts the funnel, the medians, the drop-off, the score distribution and the answers per day of one template", async () => {
    const s = await seed();
    const a = await (await callerFor(s.hr.id)).analytics.overview({ ...range, templateId: s.templateId });

    expect(a.funnel.map((f) => [f.step, f.count])).toEqual([
      ["invited", 6],
      ["opened", 5],
      ["consented", 4],
      ["started", 4],
      ["completed", 2],
      ["analysed", 2],
      ["reviewed", 1],
    ]);
    expect(a.funnel[0]!.fromPrevious).toBeNull();
    expect(a.funnel[1]!.fromPrevious).toBeCloseTo(5 / 6);
    expect(a.funnel[4]!.fromPrevious).toBeCloseTo(0.5);
    expect(a.funnel[6]!.fromInvited).toBeCloseTo(1 / 6);
    // E took 20 minutes and F 40; E's first review came two hours after it was completed.
    expect(a.medianSecondsToComplete).toBeCloseTo(1800);
    expect(a.medianSecondsToFirstReview).toBeCloseTo(7200);
    expect(a.dropOff).toEqual([
      { position: 0, label: `1. ${s.prompts[0]}`, answered: 3, stoppedHere: 1 },
      { position: 1, label: `2. ${s.prompts[1]}`, answered: 2, stoppedHere: 1 },
    ]);
    expect(a.scores).toEqual({
      competencies: ["Design"],
      buckets: [
        { competency: "Design", score: 2, interviews: 1 },
        { competency: "Design", score: 4, interviews: 1 },
      ],
    });
    expect(a.answersPerDay).toEqual([
      { day: "2026-06-02", answers: 1 },
      { day: "2026-06-03", answers: 2 },
      { day: "2026-06-04", answers: 0 },
      { day: "2026-06-05", answers: 2 },
    ]);
  });

  it("filters by status as a reader sees it, covers every template without one, and never counts another organization", async () => {
    const s = await seed();
    const caller = await callerFor(s.hr.id);
    // The dropped candidate's invitation is stored as in progress, but its link has expired.
    const expired = await caller.analytics.overview({ ...range, templateId: s.templateId, status: ["EXPIRED"] });
    expect(expired.funnel[0]!.count).toBe(1);
    expect(expired.dropOff.map((d) => d.stoppedHere)).toEqual([0, 1]);

    const all = await caller.analytics.overview(range);
    expect(all.templateTitle).toBeNull();
    expect(all.funnel.find((f) => f.step === "invited")!.count).toBe(7);
    expect(all.funnel.find((f) => f.step === "completed")!.count).toBe(3);
    expect(all.dropOff[0]!.label).toBe("Question 1");

    const wider = await caller.analytics.overview({ from: "2025-12-01", to: "2026-06-30" });
    expect(wider.funnel[0]!.count).toBe(8);
  });

  it("refuses another organization's template and dates that make no range, with a clear message", async () => {
    const s = await seed();
    const stranger = await makeUser({ role: "HR", orgId: (await makeOrg("Stranger")).id });
    await expect((await callerFor(stranger.id)).analytics.overview({ ...range, templateId: s.templateId })).rejects.toThrow(/template was not found/);
    const caller = await callerFor(s.hr.id);
    await expect(caller.analytics.overview({ from: "2026-06-30", to: "2026-06-01" })).rejects.toThrow(/on or before the end date/);
    await expect(caller.analytics.overview({ from: "June", to: "2026-06-01" })).rejects.toThrow(/YYYY-MM-DD/);
  });

  it("downloads the same figures as CSV for HR, and nothing for anyone else", async () => {
    const s = await seed();
    const download = async (query: string, cookie: string | null) => {
      request.cookie = cookie;
      return GET(new Request(`http://localhost:3000/api/analytics/csv${query}`, cookie ? { headers: { cookie } } : {}));
    };
    const res = await download(`?from=2026-06-01&to=2026-06-30&templateId=${s.templateId}`, await cookieFor(s.hr.id));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="analytics-2026-06-01-to-2026-06-30.csv"');
    const body = await res.text();
    expect(body).toContain('"Invited","6","",');
    expect(body).toContain('"Reviewed","1","50.0","16.7"');
    expect(body).toContain('"Median hours to complete","0.50"');
    expect(body).toContain('"2026-06-04","0"');

    expect((await download("?from=2026-06-01&to=2026-06-30", null)).status).toBe(401);
    const candidate = await makeUser({ role: "CANDIDATE" });
    expect((await download("?from=2026-06-01&to=2026-06-30", await cookieFor(candidate.id))).status).toBe(403);
    expect((await download("?from=2026-06-30&to=2026-06-01", await cookieFor(s.hr.id))).status).toBe(400);
  });
});
