import { createTRPCClient, httpLink } from "@trpc/client";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import superjson from "superjson";
import { ZodError } from "zod";
import { describe, expect, it, vi } from "vitest";
import { errorMessage, fieldErrors } from "@/components/trpc/client";
import type { InterviewAnalysisResult } from "@/server/analysis/analysis.schema";
import { getDb } from "@/server/db/client";
import { createContext } from "@/server/trpc/context";
import { appRouter, type AppRouter } from "@/server/trpc/root";
import { callerFor, cookieFor, makeOrg, makeUser } from "../helpers/actors";
import { makeInterviewAnalysis } from "./authz/analysis.cases";
import { invite } from "./authz/invitations.cases";

// Makes the audit write of an override fail, to show the override is undone with it.
const faults = vi.hoisted(() => ({ failAudit: null as string | null }));
vi.mock("@/server/audit/log", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/server/audit/log")>();
  return {
    ...real,
    audit: ((tx, entry) => {
      if (entry.action === faults.failAudit) throw new Error("audit write failed");
      return real.audit(tx, entry);
    }) as typeof real.audit,
  };
});

const db = () => getDb();

const RUBRIC = [
  { id: "tech", competency: "Technical depth", weight: 0.4, looksFor: "indexes, transactions" },
  { id: "own", competency: "Ownership", weight: 0.3, looksFor: "incidents end to end" },
  { id: "collab", competency: "Collaboration", weight: 0.3, looksFor: "mentoring, disagreement" },
];

async function setup(name: string) {
  const org = await makeOrg(name);
  const hr = await makeUser({ role: "HR", orgId: org.id });
  const template = await db().template.create({
    data: {
      organizationId: org.id,
      title: "Senior Backend Engineer",
      description: "Payments platform.",
      rubric: RUBRIC,
      status: "PUBLISHED",
      questions: {
        create: [
          { position: 0, prompt: "Tell us about an incident you owned.", type: "VIDEO" },
          { position: 1, prompt: "What is your notice period?", type: "TEXT", maxChars: 500 },
        ],
      },
    },
  });
  return { org, hr, template, caller: await callerFor(hr.id) };
}

async function candidate(s: Awaited<ReturnType<typeof setup>>, email: string, name?: string) {
  const id = await invite(s.hr.id, s.org.id, s.template.id, email);
  if (name) await db().invitation.update({ where: { id }, data: { candidateName: name } });
  return { id, organizationId: s.org.id };
}

function result(scores: [number, number, number], recommendation: InterviewAnalysisResult["recommendation"], extra: Partial<InterviewAnalysisResult> = {}) {
  const overallScore = Math.round((scores[0] * 0.4 + scores[1] * 0.3 + scores[2] * 0.3) * 100) / 100;
  return {
    scores: RUBRIC.map((r, i) => ({
      competencyId: r.id,
      competency: r.competency,
      weight: r.weight,
      score: scores[i]!,
      rationale: `${r.competency} rationale`,
      evidence: [],
    })),
    overallScore,
    recommendation,
    summary: "Summary.",
    strengths: [],
    concerns: [],
    flags: [],
    ...extra,
  };
}

function zodMessages(error: unknown): string[] {
  const cause = (error as { cause?: unknown }).cause;
  return cause instanceof ZodError ? cause.issues.map((i) => i.message) : [];
}

describe("the AI analysis of an interview", () => {
  it("is pending with the pipeline's state until a whole-interview analysis completes", async () => {
    const s = await setup("Pending");
    const inv = await candidate(s, "pending@example.com");
    expect(await s.caller.analysis.interview({ invitationId: inv.id })).toMatchObject({
      state: "pending",
      analysis: null,
      pipeline: { latest: null, answers: { total: 2, analysed: 0 } },
    });

    await db().analysis.create({
      data: {
        organizationId: s.org.id,
        invitationId: inv.id,
        status: "FAILED",
        engine: "offline",
        model: "offline-1",
        promptVersion: "v1",
        inputHash: "x",
        error: "Transcript missing",
      },
    });
    expect(await s.caller.analysis.interview({ invitationId: inv.id })).toMatchObject({
      state: "failed",
      analysis: null,
      pipeline: { latest: { status: "FAILED", error: "Transcript missing" } },
    });
  });

  it("shows the newest complete analysis with the engine label, per-answer analyses and the effective values after overrides", async () => {
    const s = await setup("Effective");
    const inv = await candidate(s, "ada@example.com");
    const [video] = await db().response.findMany({ where: { invitationId: inv.id }, orderBy: { position: "asc" } });
    const quote = { quote: "I rolled it back", responseId: video!.id, startMs: 4200, endMs: 5600 };
    await makeInterviewAnalysis(inv, result([2, 2, 2], "no"), { createdAt: new Date(Date.now() - 60_000) });
    const current = await makeInterviewAnalysis(
      inv,
      result([4, 5, 3], "yes", {
        strengths: [{ text: "Owned the rollback", evidence: [quote] }],
        flags: [{ kind: "manipulation", detail: "Asked the reviewer to ignore instructions", responseId: video!.id, evidence: [quote] }],
      }),
      { engine: "groq-llm" },
    );
    await db().analysis.create({
      data: {
        organizationId: s.org.id,
        invitationId: inv.id,
        responseId: video!.id,
        status: "COMPLETE",
        engine: "offline",
        model: "offline-1",
        promptVersion: "v1",
        inputHash: "answer-1",
        overallScore: 4,
        result: {
          kind: "answer",
          responseId: video!.id,
          questionId: video!.questionId,
          score: 4,
          criteria: [{ criterion: "root cause", coverage: 0.8, evidence: [quote] }],
          completeness: 0.75,
          summary: "Covers detection and rollback.",
          strengths: [],
          concerns: [],
          metrics: { wordCount: 80, durationSec: 30, wordsPerMinute: 160, pauseCount: 2, longestPauseSec: 1.2, fillerWords: 1, fillerRate: 0.0125 },
          flags: [],
        },
      },
    });

    const before = await s.caller.analysis.interview({ invitationId: inv.id });
    expect(before.state).toBe("complete");
    expect(before.analysis).toMatchObject({
      id: current.id,
      engine: "groq-llm",
      engineLabel: "Groq Llama 3.3 70B",
      aiOverall: 4.0,
      overall: 4.0,
      overridden: false,
      flagged: true,
      recommendation: { ai: "yes", effective: "yes", override: null },
      strengths: [{ text: "Owned the rollback", evidence: [quote] }],
      flags: [{ kind: "manipulation" }],
    });
    expect(before.analysis!.scores.map((x) => [x.competencyId, x.ai, x.effective, x.rationale, x.looksFor])).toEqual([
      ["tech", 4, 4, "Technical depth rationale", "indexes, transactions"],
      ["own", 5, 5, "Ownership rationale", "incidents end to end"],
      ["collab", 3, 3, "Collaboration rationale", "mentoring, disagreement"],
    ]);
    expect(before.answers[video!.id]).toMatchObject({
      score: 4,
      completeness: 0.75,
      criteria: [{ criterion: "root cause", coverage: 0.8 }],
      metrics: { wordsPerMinute: 160 },
      engineLabel: "Offline analyzer (deterministic)",
    });
    expect(before.pipeline.answers).toMatchObject({ total: 2, analysed: 1 });

    await s.caller.analysis.override({ invitationId: inv.id, field: "collab", value: "4", reason: "Panel saw more" });
    await s.caller.analysis.override({ invitationId: inv.id, field: "collab", value: "5", reason: "Reference check confirmed mentoring" });
    await s.caller.analysis.override({ invitationId: inv.id, field: "recommendation", value: "strong_yes", reason: "Best candidate this round" });

    const after = await s.caller.analysis.interview({ invitationId: inv.id });
    const collab = after.analysis!.scores.find((x) => x.competencyId === "collab")!;
    expect(collab).toMatchObject({ ai: 3, effective: 5, override: { value: "5", reason: "Reference check confirmed mentoring", by: { id: s.hr.id } } });
    expect(collab.override!.at).toBeInstanceOf(Date);
    expect(after.analysis!.recommendation).toMatchObject({ ai: "yes", effective: "strong_yes", override: { reason: "Best candidate this round" } });
    // 4*0.4 + 5*0.3 + 5*0.3
    expect(after.analysis).toMatchObject({ aiOverall: 4.0, overall: 4.6, overridden: true });
  });

  it("finds nothing for HR of another organization", async () => {
    const s = await setup("Mine");
    const inv = await candidate(s, "mine@example.com");
    await makeInterviewAnalysis(inv, result([3, 3, 3], "yes"));
    const other = await callerFor((await makeUser({ role: "HR", orgId: (await makeOrg("Theirs")).id })).id);
    await expect(other.analysis.interview({ invitationId: inv.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(other.analysis.override({ invitationId: inv.id, field: "tech", value: "5", reason: "Not mine to change" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await db().analysisOverride.count({ where: { analysis: { invitationId: inv.id } } })).toBe(0);
  });
});

describe("overriding the AI", () => {
  it("writes the override and its audit entry together, recording the AI value and what it replaced", async () => {
    const s = await setup("Audit");
    const inv = await candidate(s, "ben@example.com", "Ben Okafor");
    const analysis = await makeInterviewAnalysis(inv, result([3, 2, 3], "no"));

    await s.caller.analysis.override({ invitationId: inv.id, field: "own", value: "3", reason: "  Owned the follow-up  " });
    const second = await s.caller.analysis.override({ invitationId: inv.id, field: "own", value: "4", reason: "Took the pager" });
    expect(second).toMatchObject({ analysisId: analysis.id, field: "own", label: "Ownership", aiValue: "2", from: "3", to: "4" });

    const overrides = await db().analysisOverride.findMany({ where: { analysisId: analysis.id }, orderBy: { createdAt: "asc" } });
    expect(overrides.map((o) => [o.field, o.aiValue, o.value, o.reason, o.userId])).toEqual([
      ["own", "2", "3", "Owned the follow-up", s.hr.id],
      ["own", "2", "4", "Took the pager", s.hr.id],
    ]);
    const logs = await db().auditLog.findMany({ where: { organizationId: s.org.id, action: "analysis.override" }, orderBy: { createdAt: "asc" } });
    expect(logs.map((l) => l.data)).toEqual([
      expect.objectContaining({ field: "own", aiValue: "2", from: "2", to: "3", reason: "Owned the follow-up", invitationId: inv.id }),
      expect.objectContaining({ field: "own", aiValue: "2", from: "3", to: "4", reason: "Took the pager" }),
    ]);
    expect(logs[0]).toMatchObject({ actorId: s.hr.id, targetType: "analysis", targetId: analysis.id });

    faults.failAudit = "analysis.override";
    try {
      await expect(s.caller.analysis.override({ invitationId: inv.id, field: "recommendation", value: "yes", reason: "Changed my mind" })).rejects.toThrow();
    } finally {
      faults.failAudit = null;
    }
    expect(await db().analysisOverride.count({ where: { analysisId: analysis.id } })).toBe(2);

    const page = await s.caller.analysis.auditLog({ action: "analysis.override" });
    expect(page.items.map((i) => (i.data as { to: string }).to)).toEqual(["4", "3"]);
    expect(page.items[0]!.actor).toMatchObject({ id: s.hr.id });
    expect(page.actions).toContain("analysis.override");
    expect(page.actions).toContain("invitation.sent");
    const paged = await s.caller.analysis.auditLog({ take: 1 });
    expect(paged.items).toHaveLength(1);
    expect(paged.nextCursor).toBe(paged.items[0]!.id);
    const next = await s.caller.analysis.auditLog({ take: 1, cursor: paged.nextCursor });
    expect(next.items[0]!.id).not.toBe(paged.items[0]!.id);
  });

  it("rejects an unknown competency, a bad value, a missing reason and a no-op with messages for people", async () => {
    const s = await setup("Reject");
    const inv = await candidate(s, "cal@example.com");
    await makeInterviewAnalysis(inv, result([1, 2, 1], "strong_no"));
    const attempt = (input: { field: string; value: string; reason: string }) =>
      s.caller.analysis.override({ invitationId: inv.id, ...input }).then(
        () => null,
        (e: unknown) => e,
      );

    const unknown = await attempt({ field: "charisma", value: "4", reason: "Seemed nice" });
    expect(unknown).toMatchObject({
      code: "BAD_REQUEST",
      message: `This interview's rubric has no competency "charisma". Its competencies are: Technical depth, Ownership, Collaboration.`,
    });

    const badScore = await attempt({ field: "tech", value: "7", reason: "Very good" });
    expect(badScore).toMatchObject({ code: "BAD_REQUEST" });
    expect(zodMessages(badScore)).toEqual(["Choose a score from 1 to 5"]);

    const badRecommendation = await attempt({ field: "recommendation", value: "maybe", reason: "Unsure" });
    expect(zodMessages(badRecommendation)).toEqual(["Choose strong no, no, yes or strong yes"]);

    expect(zodMessages(await attempt({ field: "tech", value: "3", reason: "ok" }))).toEqual(["Say why in at least 3 characters"]);
    expect(zodMessages(await attempt({ field: "tech", value: "3", reason: "x".repeat(501) }))).toEqual(["Keep the reason under 500 characters"]);

    expect(await attempt({ field: "tech", value: "1", reason: "Same as the AI" })).toMatchObject({
      code: "BAD_REQUEST",
      message: "Technical depth is already 1; choose a different value to override it.",
    });

    expect(await db().analysisOverride.count({ where: { analysis: { invitationId: inv.id } } })).toBe(0);
    expect(await db().auditLog.count({ where: { organizationId: s.org.id, action: "analysis.override" } })).toBe(0);
  });

  it("reaches the browser as field messages for the dialog, and rule failures as the error's message", async () => {
    const s = await setup("Http");
    const inv = await candidate(s, "http@example.com");
    await makeInterviewAnalysis(inv, result([3, 3, 3], "yes"));
    const cookie = await cookieFor(s.hr.id);
    const client = createTRPCClient<AppRouter>({
      links: [
        httpLink({
          url: "http://app.test/api/trpc",
          transformer: superjson,
          headers: { cookie },
          fetch: (url, init) => {
            const req = new Request(url, init);
            return fetchRequestHandler({ endpoint: "/api/trpc", req, router: appRouter, createContext: () => createContext({ headers: req.headers }) });
          },
        }),
      ],
    });
    const invalid = await client.analysis.override.mutate({ invitationId: inv.id, field: "tech", value: "9", reason: "x" }).catch((e: unknown) => e);
    expect(fieldErrors(invalid)).toEqual({ value: "Choose a score from 1 to 5", reason: "Say why in at least 3 characters" });
    const unknown = await client.analysis.override
      .mutate({ invitationId: inv.id, field: "charisma", value: "4", reason: "Seemed nice" })
      .catch((e: unknown) => e);
    expect(fieldErrors(unknown)).toEqual({});
    expect(errorMessage(unknown)).toMatch(/^This interview's rubric has no competency "charisma"/);
  });

  it("says there is nothing to override before the analysis completes", async () => {
    const s = await setup("Early");
    const inv = await candidate(s, "early@example.com");
    await expect(s.caller.analysis.override({ invitationId: inv.id, field: "tech", value: "4", reason: "Too early" })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: "This interview has no completed AI analysis yet, so there is nothing to override.",
    });
  });
});

describe("comparing a template's candidates", () => {
  async function cohort() {
    const s = await setup("Compare");
    const ada = await candidate(s, "ada@example.com", "Ada Moreno");
    const ben = await candidate(s, "ben@example.com", "Ben Okafor");
    const cal = await candidate(s, "cal@example.com", "Cal Whitfield");
    const dee = await candidate(s, "dee@example.com", "Dee Marsh");
    const eve = await candidate(s, "eve@example.com", "Eve Pending");
    const done = new Date(Date.now() - 3_600_000);
    await db().invitation.updateMany({ where: { id: { in: [ada.id, ben.id, cal.id, dee.id] } }, data: { status: "COMPLETED", completedAt: done } });
    await db().invitation.update({ where: { id: eve.id }, data: { status: "IN_PROGRESS" } });
    await makeInterviewAnalysis(ada, result([5, 5, 4], "strong_yes"));
    await makeInterviewAnalysis(ben, result([3, 3, 2], "no"));
    await makeInterviewAnalysis(cal, result([1, 2, 1], "strong_no"));
    await makeInterviewAnalysis(dee, result([2, 3, 5], "no"), { flagged: true });
    return { s, ada, ben, cal, dee, eve };
  }

  it("ranks by the effective overall, recomputed from overridden scores, with unanalysed candidates last", async () => {
    const { s, ben } = await cohort();
    const first = await s.caller.analysis.compare({ templateId: s.template.id });
    expect(first.competencies.map((c) => c.id)).toEqual(["tech", "own", "collab"]);
    expect(first.rows.map((r) => [r.rank, r.candidateName, r.analysis?.overall ?? null])).toEqual([
      [1, "Ada Moreno", 4.7],
      [2, "Dee Marsh", 3.2],
      [3, "Ben Okafor", 2.7],
      [4, "Cal Whitfield", 1.3],
      [null, "Eve Pending", null],
    ]);
    expect(first.rows[1]!.analysis).toMatchObject({ flagged: true, engineLabel: "Offline analyzer (deterministic)" });

    await s.caller.analysis.override({ invitationId: ben.id, field: "tech", value: "5", reason: "Strong take-home" });
    await s.caller.analysis.override({ invitationId: ben.id, field: "recommendation", value: "yes", reason: "Take-home changes it" });
    const second = await s.caller.analysis.compare({ templateId: s.template.id });
    // Ben: 5*0.4 + 3*0.3 + 2*0.3 = 3.5, ahead of Dee now.
    expect(second.rows.map((r) => r.candidateName).slice(0, 3)).toEqual(["Ada Moreno", "Ben Okafor", "Dee Marsh"]);
    expect(second.rows[1]!.analysis).toMatchObject({
      overall: 3.5,
      aiOverall: 2.7,
      overridden: true,
      scores: { tech: { ai: 3, effective: 5, overridden: true }, own: { ai: 3, effective: 3, overridden: false } },
      recommendation: { ai: "no", effective: "yes", overridden: true },
    });
  });

  it("sorts by one competency and filters by status and effective recommendation", async () => {
    const { s, ben } = await cohort();
    const byCollab = await s.caller.analysis.compare({ templateId: s.template.id, sort: "collab" });
    expect(byCollab.rows.map((r) => r.candidateName)).toEqual(["Dee Marsh", "Ada Moreno", "Ben Okafor", "Cal Whitfield", "Eve Pending"]);

    const inProgress = await s.caller.analysis.compare({ templateId: s.template.id, status: ["IN_PROGRESS"] });
    expect(inProgress.rows.map((r) => r.candidateName)).toEqual(["Eve Pending"]);

    await s.caller.analysis.override({ invitationId: ben.id, field: "recommendation", value: "yes", reason: "Take-home changes it" });
    const positive = await s.caller.analysis.compare({ templateId: s.template.id, recommendation: ["yes", "strong_yes"], status: ["COMPLETED"] });
    expect(positive.rows.map((r) => r.candidateName)).toEqual(["Ada Moreno", "Ben Okafor"]);

    await expect(s.caller.analysis.compare({ templateId: s.template.id, sort: "charisma" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: `This template has no competency "charisma" to sort by.`,
    });
    const other = await callerFor((await makeUser({ role: "HR", orgId: (await makeOrg("Elsewhere")).id })).id);
    await expect(other.analysis.compare({ templateId: s.template.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("notifications", () => {
  it("are listed, counted and marked read for their owner only", async () => {
    const org = await makeOrg("Notify");
    const me = await makeUser({ role: "HR", orgId: org.id });
    const you = await makeUser({ role: "HR", orgId: org.id });
    const at = (min: number) => new Date(Date.now() - (10 - min) * 60_000);
    const mine = await Promise.all(
      [1, 2, 3].map((n) =>
        db().notification.create({
          data: {
            userId: me.id,
            organizationId: org.id,
            type: "analysis.ready",
            title: `Analysis ${n} ready`,
            body: "Open it",
            link: "/interviews/x",
            createdAt: at(n),
          },
        }),
      ),
    );
    const yours = await db().notification.create({
      data: { userId: you.id, organizationId: org.id, type: "analysis.ready", title: "Yours", body: "Not mine" },
    });

    const caller = await callerFor(me.id);
    expect(await caller.notifications.unreadCount()).toBe(3);
    const list = await caller.notifications.list({});
    expect(list.items.map((n) => n.title)).toEqual(["Analysis 3 ready", "Analysis 2 ready", "Analysis 1 ready"]);
    const firstPage = await caller.notifications.list({ take: 2 });
    expect((await caller.notifications.list({ take: 2, cursor: firstPage.nextCursor })).items.map((n) => n.title)).toEqual(["Analysis 1 ready"]);

    // Someone else's id in the list changes nothing of theirs.
    expect(await caller.notifications.markRead({ ids: [mine[0]!.id, yours.id] })).toEqual({ marked: 1, unread: 2 });
    expect((await db().notification.findUniqueOrThrow({ where: { id: yours.id } })).readAt).toBeNull();
    expect((await caller.notifications.list({ unreadOnly: true })).items.map((n) => n.id)).toEqual([mine[2]!.id, mine[1]!.id]);

    expect(await caller.notifications.markRead({ all: true })).toEqual({ marked: 2, unread: 0 });
    expect(await (await callerFor(you.id)).notifications.unreadCount()).toBe(1);
    expect((await (await callerFor(you.id)).notifications.list({})).items.map((n) => n.id)).toEqual([yours.id]);
  });
});
