import { beforeAll, describe, expect, it } from "vitest";
import { getDb, Prisma } from "@/server/db/client";
import { fixtureQuestions, fixtureRubric, interviewFixture } from "@/server/seed/fixture";
import { embedTexts, getEmbedder } from "@/server/search/embedder";
import { indexResponse } from "@/server/search/index-response";
import { indexTemplateVersion } from "@/server/search/index-template";
import { textPassages } from "@/server/search/passages";
import { retrieveContext } from "@/server/search/retrieve";
import { candidateQuery, MIN_SCORE, searchInterviews } from "@/server/search/search";
import { ensureOrganizationIndex, organizationIndexName, ownIndexFilter } from "@/server/search/org-index";
import type { TemplateSnapshot } from "@/server/templates/versions";
import type { TranscriptSegment } from "@/server/transcription/transcript.schema";
import { callerFor, makeOrg, makeUser } from "../helpers/actors";

const template = interviewFixture.templates[0]!;
const SECONDS_PER_WORD = 0.4;

/** The fixture answer as a transcript: one segment per sentence, timed at a steady speaking rate. */
function segmentsOf(text: string): TranscriptSegment[] {
  let t = 0;
  return text.split(/(?<=[.!?])\s+/).map((sentence) => {
    const start = t;
    t += sentence.split(/\s+/).length * SECONDS_PER_WORD;
    return { start, end: t, text: sentence };
  });
}

type Org = {
  organizationId: string;
  templateId: string;
  versionId: string;
  responses: Record<string, Record<string, string>>;
  invitations: Record<string, string>;
};

/** An organization with the fixture's template, one invitation per fixture candidate, and their answers (video ones transcribed). */
async function makeInterviews(name: string): Promise<Org> {
  const db = getDb();
  const org = await makeOrg(name);
  const snapshot: TemplateSnapshot = {
    title: template.title,
    description: template.description,
    rubric: fixtureRubric(template),
    questions: fixtureQuestions(template).map(({ key, ...q }) => ({ id: `${name}-${key}`, ...q })),
  };
  const tpl = await db.template.create({
    data: { organizationId: org.id, title: template.title, description: template.description, rubric: snapshot.rubric, status: "PUBLISHED" },
  });
  const version = await db.templateVersion.create({ data: { templateId: tpl.id, version: 1, snapshot, hash: `hash-${name}` } });
  const responses: Org["responses"] = {};
  const invitations: Org["invitations"] = {};
  for (const candidate of interviewFixture.candidates) {
    const invitation = await db.invitation.create({
      data: {
        organizationId: org.id,
        templateId: tpl.id,
        templateVersionId: version.id,
        candidateName: candidate.name,
        candidateEmail: `${name}-${candidate.email}`,
        tokenHash: `${name}-${candidate.key}`,
        status: "COMPLETED",
        expiresAt: new Date(Date.now() + 86_400_000),
      },
    });
    invitations[candidate.key] = invitation.id;
    responses[candidate.key] = {};
    for (const q of snapshot.questions) {
      const key = template.questions[q.position]!.key;
      const text = candidate.answers[key]!;
      const response = await db.response.create({
        data: {
          invitationId: invitation.id,
          questionId: q.id,
          position: q.position,
          type: q.type,
          status: "TRANSCRIBED",
          textAnswer: q.type === "TEXT" ? text : null,
          transcript: q.type === "VIDEO" ? { create: { engine: "test", model: "fixture", language: "en", text, segments: segmentsOf(text) } } : undefined,
        },
      });
      responses[candidate.key]![key] = response.id;
    }
  }
  return { organizationId: org.id, templateId: tpl.id, versionId: version.id, responses, invitations };
}

async function indexAll(org: Org) {
  for (const byQuestion of Object.values(org.responses)) for (const id of Object.values(byQuestion)) await indexResponse(getDb(), id);
}

const chunkCount = async (organizationId: string) =>
  (await getDb().$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM embedding_chunks WHERE "organizationId" = ${organizationId}`)[0]!.n;

describe("search across interviews", () => {
  let acme: Org;
  let other: Org;
  beforeAll(async () => {
    acme = await makeInterviews("acme");
    other = await makeInterviews("other");
    await indexAll(acme);
    await indexAll(other);
  });

  it("stores each answer as timed passages with 384-dimensional embeddings", async () => {
    const rows = await getDb().$queryRaw<{ content: string; startMs: number | null; endMs: number | null; dims: number; model: string }[]>`
      SELECT content, "startMs", "endMs", vector_dims(embedding) AS dims, model FROM embedding_chunks
      WHERE "sourceId" = ${acme.responses.strong!.q1!} ORDER BY ordinal`;
    expect(rows.length).toBeGreaterThan(1);
    expect(rows.map((r) => r.content).join(" ")).toBe(interviewFixture.candidates[0]!.answers.q1);
    expect(rows.every((r) => r.dims === 384 && r.model === getEmbedder().modelName)).toBe(true);
    expect(rows[0]!.startMs).toBe(0);
    for (let i = 1; i < rows.length; i += 1) expect(rows[i]!.startMs).toBe(rows[i - 1]!.endMs);
    const text = await getDb().$queryRaw<{ startMs: number | null }[]>`SELECT "startMs" FROM embedding_chunks WHERE "sourceId" = ${acme.responses.strong!.q4!}`;
    expect(text).toEqual([{ startMs: null }]);
  });

  it("finds the strong candidate's database answer first, with a link to the moment", async () => {
    const hits = await searchInterviews(getDb(), acme.organizationId, { query: "EXPLAIN ANALYZE composite index" });
    expect(hits.length).toBeGreaterThan(0);
    const top = hits[0]!;
    expect(top.responseId).toBe(acme.responses.strong!.q2);
    expect(top.candidateName).toBe("Ada Moreno");
    expect(top.templateTitle).toBe(template.title);
    expect(top.questionNumber).toBe(2);
    expect(top.questionPrompt).toBe(template.questions[1]!.prompt);
    expect(top.content).toContain("EXPLAIN ANALYZE");
    expect(top.href).toBe(`/interviews/${acme.invitations.strong}?answer=${acme.responses.strong!.q2}&t=${Math.floor(top.startMs! / 1000)}`);
    for (let i = 1; i < hits.length; i += 1) expect(hits[i - 1]!.score).toBeGreaterThanOrEqual(hits[i]!.score);
  });

  it("never returns another organization's passages, though they say the same words", async () => {
    // The other organization holds the very same answers, so each of these hits has a twin there.
    const hits = await searchInterviews(getDb(), acme.organizationId, { query: "EXPLAIN ANALYZE composite index sequential scan measure", limit: 50 });
    const acmeInvitations = new Set(Object.values(acme.invitations));
    expect(hits.length).toBeGreaterThan(1);
    expect(hits.every((h) => acmeInvitations.has(h.invitationId))).toBe(true);
    const theirs = await searchInterviews(getDb(), other.organizationId, { query: "EXPLAIN ANALYZE composite index" });
    expect(theirs[0]!.responseId).toBe(other.responses.strong!.q2);
  });

  it("filters by template, and does not find another organization's template", async () => {
    const hits = await searchInterviews(getDb(), acme.organizationId, { query: "lock on the ledger table", templateId: acme.templateId });
    expect(hits[0]!.responseId).toBe(acme.responses.strong!.q1);
    await expect(searchInterviews(getDb(), acme.organizationId, { query: "ledger", templateId: other.templateId })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("leaves out cancelled invitations", async () => {
    await getDb().invitation.update({ where: { id: acme.invitations.average! }, data: { status: "CANCELLED", cancelledAt: new Date() } });
    try {
      const hits = await searchInterviews(getDb(), acme.organizationId, { query: "restarted the servers", limit: 50 });
      expect(hits.some((h) => h.invitationId === acme.invitations.average)).toBe(false);
    } finally {
      await getDb().invitation.update({ where: { id: acme.invitations.average! }, data: { status: "COMPLETED", cancelledAt: null } });
    }
    const hits = await searchInterviews(getDb(), acme.organizationId, { query: "restarted the servers" });
    expect(hits[0]!.invitationId).toBe(acme.invitations.average);
  });

  it("re-indexing replaces an answer's passages instead of adding to them", async () => {
    const before = await chunkCount(acme.organizationId);
    await indexAll(acme);
    await Promise.all(Object.values(acme.responses.strong!).map((id) => indexResponse(getDb(), id)));
    expect(await chunkCount(acme.organizationId)).toBe(before);

    const id = acme.responses.weak!.q1!;
    await getDb().transcript.update({ where: { responseId: id }, data: { text: "Short now.", segments: [{ start: 0, end: 1, text: "Short now." }] } });
    expect(await indexResponse(getDb(), id)).toEqual({ chunks: 1 });
    const rows = await getDb().$queryRaw<{ content: string }[]>`SELECT content FROM embedding_chunks WHERE "sourceId" = ${id}`;
    expect(rows).toEqual([{ content: "Short now." }]);
  });

  it("retrieves the Technical depth rubric entry first for the strong database answer", async () => {
    const context = await retrieveContext(getDb(), {
      organizationId: acme.organizationId,
      templateVersionId: acme.versionId,
      text: interviewFixture.candidates[0]!.answers.q2!,
    });
    expect(context[0]).toMatchObject({ source: "RUBRIC", sourceId: "c1" });
    expect(context[0]!.content).toBe(`Technical depth: ${template.rubric[0]!.looks_for}`);
    expect(context.some((c) => c.source === "JOB" && c.sourceId === acme.versionId)).toBe(true);
    for (let i = 1; i < context.length; i += 1) expect(context[i - 1]!.score).toBeGreaterThanOrEqual(context[i]!.score);
    const one = await retrieveContext(getDb(), {
      organizationId: acme.organizationId,
      templateVersionId: acme.versionId,
      text: "databases and indexing",
      k: 1,
    });
    expect(one).toEqual([expect.objectContaining({ source: "RUBRIC", sourceId: "c1" })]);
  });

  it("indexes a template version once, and only for its own organization", async () => {
    const before = await chunkCount(acme.organizationId);
    expect(await indexTemplateVersion(getDb(), acme.versionId)).toEqual({ chunks: template.rubric.length + textPassages(template.description).length });
    expect(await chunkCount(acme.organizationId)).toBe(before);
    const elsewhere = await retrieveContext(getDb(), { organizationId: other.organizationId, templateVersionId: acme.versionId, text: "indexes" });
    expect(elsewhere).toEqual([]);
  });

  it("search.interviews answers HR with the organization's hits and shows the zod message on bad input", async () => {
    const hr = await makeUser({ role: "HR", orgId: acme.organizationId });
    const caller = await callerFor(hr.id);
    const hits = await caller.search.interviews({ query: "  EXPLAIN ANALYZE composite index  ", limit: 5 });
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.length).toBeLessThanOrEqual(5);
    expect(hits[0]!.responseId).toBe(acme.responses.strong!.q2);
    expect(hits.every((h) => h.score >= MIN_SCORE)).toBe(true);
    // Nothing any candidate said: no passage clears the relevance floor.
    expect(await caller.search.interviews({ query: "giraffes and saxophones" })).toEqual([]);
    await expect(caller.search.interviews({ query: " x " })).rejects.toThrow(/at least 2 characters/);
  });

  it("gives a large organization its own HNSW index, which the planner picks for its searches", async () => {
    const db = getDb();
    const own = await makeInterviews("Own index");
    await indexAll(own);
    // A low threshold stands in for OWN_INDEX_FROM: the fixture makes a few dozen passages.
    expect(await ensureOrganizationIndex(db, own.organizationId, 1_000_000)).toBe(false);
    expect(await ensureOrganizationIndex(db, own.organizationId, 5)).toBe(true);
    const [index] = await db.$queryRaw<{ indexdef: string }[]>`SELECT indexdef FROM pg_indexes WHERE indexname = ${organizationIndexName(own.organizationId)}`;
    expect(index?.indexdef).toContain(`WHERE (("organizationId" = '${own.organizationId}'::text)`);

    const [vector] = await embedTexts(["EXPLAIN ANALYZE composite index"]);
    const query = candidateQuery({
      organizationId: own.organizationId,
      model: getEmbedder().modelName,
      vector: vector!,
      take: 10,
      exact: false,
      ownIndex: true,
    });
    const plan = await db.$transaction(async (tx) => {
      // So few rows would be scanned otherwise; the question is whether the planner may use the index.
      await tx.$executeRaw`SET LOCAL enable_seqscan = off`;
      return tx.$queryRaw<{ "QUERY PLAN": string }[]>(Prisma.sql`EXPLAIN ${query}`);
    });
    expect(plan.map((r) => r["QUERY PLAN"]).join("\n")).toContain(organizationIndexName(own.organizationId));
    const hits = await searchInterviews(db, own.organizationId, { query: "EXPLAIN ANALYZE composite index" });
    expect(hits[0]!.responseId).toBe(own.responses.strong!.q2);
    expect(() => ownIndexFilter("x' OR '1'='1")).toThrow(/Not an organization id/);
  });
});
