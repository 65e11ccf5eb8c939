import { beforeAll, describe, expect, it } from "vitest";
import { getDb, Prisma } from "@/server/db/client";
import { fixtureQuestions, fixtureRubric, interviewFixture } from "@/server/seed/fixture";
import { embedTexts, getEmbedder } from "@/server/search/embedder";
import { indexResponse } from "@/server/search/index-response";
import { indexTemplateVersion } from "@/server/search/index-template";
import { textPassages } from "@/server/search/passages";
import { retrieveContext } from "@/server/search/retrieve";
import { hasSearchTerms, textMatches } from "@/server/search/fulltext";
import { candidateQuery, nearestPassages } from "@/server/search/nearest";
import { MIN_SCORE, rankPassages, searchInterviews } from "@/server/search/search";
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

/** One more interview in the organization, of a template of its own when asked: a candidate's written answer, indexed. */
async function addWrittenAnswer(
  org: Org,
  args: { key: string; text: string; ownTemplate?: boolean },
): Promise<{ templateId: string; invitationId: string; responseId: string }> {
  const db = getDb();
  let templateId = org.templateId;
  let versionId = org.versionId;
  const questionId = `${args.key}-q`;
  const { key: _, ...written } = fixtureQuestions(template).find((q) => q.type === "TEXT")!;
  const snapshot: TemplateSnapshot = {
    title: `Template ${args.key}`,
    description: "",
    rubric: fixtureRubric(template),
    questions: [{ ...written, id: questionId, position: 0 }],
  };
  if (args.ownTemplate) {
    const tpl = await db.template.create({
      data: { organizationId: org.organizationId, title: snapshot.title, description: "", rubric: snapshot.rubric, status: "PUBLISHED" },
    });
    templateId = tpl.id;
    versionId = (await db.templateVersion.create({ data: { templateId, version: 1, snapshot, hash: `hash-${args.key}` } })).id;
  }
  const invitation = await db.invitation.create({
    data: {
      organizationId: org.organizationId,
      templateId,
      templateVersionId: versionId,
      candidateName: `Candidate ${args.key}`,
      candidateEmail: `${args.key}@example.com`,
      tokenHash: `token-${args.key}`,
      status: "COMPLETED",
      expiresAt: new Date(Date.now() + 86_400_000),
    },
  });
  const response = await db.response.create({
    data: { invitationId: invitation.id, questionId, position: 0, type: "TEXT", status: "TRANSCRIBED", textAnswer: args.text },
  });
  await indexResponse(db, response.id);
  return { templateId, invitationId: invitation.id, responseId: response.id };
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

  it("ranks the passage that says an exact phrase first, quoted or not", async () => {
    for (const query of ["EXPLAIN ANALYZE", '"explain analyze"']) {
      const hits = await searchInterviews(getDb(), acme.organizationId, { query });
      expect(hits[0]!.responseId).toBe(acme.responses.strong!.q2);
      expect(hits[0]!.content).toContain("EXPLAIN ANALYZE");
    }
    // Both rankings place it: it says the words and means them.
    const [vector] = await embedTexts(["EXPLAIN ANALYZE"]);
    const ranked = await getDb().$transaction((tx) =>
      rankPassages(tx, { organizationId: acme.organizationId, model: getEmbedder().modelName, query: "EXPLAIN ANALYZE", vector: vector!, take: 30 }),
    );
    expect(ranked[0]).toMatchObject({ responseId: acme.responses.strong!.q2, ranks: { words: 1, meaning: expect.any(Number) } });
  });

  // Ada's first answer tells of a deploy that locked the ledger table, rolled back at two in the
  // morning, and a lint rule so it never happened again; Cal's says only "incidents are handled by
  // the operations team".
  const PLAIN_QUESTION = "Who handled an incident at night by undoing a bad release, and made sure it could not happen again?";

  it("finds the strong answer for a plain-language question that shares few of its words", async () => {
    const hits = await searchInterviews(getDb(), acme.organizationId, { query: PLAIN_QUESTION, limit: 10 });
    expect(hits.some((h) => h.responseId === acme.responses.strong!.q1)).toBe(true);
  });

  // A known limit of the offline embedder (averaged word vectors): Cal's short sentence about
  // incidents is closer to the question than any one passage of Ada's story, and no principled change
  // found so far reorders them (docs/benchmarks.md, "Search on the evaluation sets"). This test fails
  // while that holds; when it passes, the limit is gone: make it a plain test.
  it.fails("ranks the strong answer above a passing mention for that question (known limit)", async () => {
    const hits = await searchInterviews(getDb(), acme.organizationId, { query: PLAIN_QUESTION, limit: 10 });
    const strong = hits.findIndex((h) => h.responseId === acme.responses.strong!.q1);
    const passing = hits.findIndex((h) => h.responseId === acme.responses.weak!.q1);
    expect(strong).toBeGreaterThanOrEqual(0);
    expect(passing === -1 || strong < passing).toBe(true);
  });

  it("leaves out the words HR excludes with -word, from both rankings", async () => {
    const hits = await searchInterviews(getDb(), acme.organizationId, { query: "index -composite", limit: 50 });
    expect(hits.some((h) => h.responseId === acme.responses.average!.q2)).toBe(true);
    expect(hits.some((h) => /composite/i.test(h.content))).toBe(false);
  });

  it("answers a query of only stop words, punctuation or exclusions with no passages, not an error", async () => {
    const hr = await makeUser({ role: "HR", orgId: acme.organizationId });
    const caller = await callerFor(hr.id);
    for (const query of ["the and of", "who are you?", "?!", '""', "or or", "-composite", '-"composite index"', "- -"]) {
      expect(await hasSearchTerms(getDb(), query)).toBe(false);
      expect(await caller.search.interviews({ query })).toEqual([]);
    }
    // An unclosed quote is still a phrase to websearch_to_tsquery, not a syntax error.
    expect((await caller.search.interviews({ query: '"explain analyze' }))[0]!.responseId).toBe(acme.responses.strong!.q2);
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

  it("scopes both rankings to the organization: a phrase only another organization's candidate said is not found", async () => {
    const theirs = await addWrittenAnswer(other, { key: "other-zanzibar", text: "We sharded the Zanzibar ledger by tenant with logical replication." });
    const query = "Zanzibar ledger sharded";
    expect((await searchInterviews(getDb(), other.organizationId, { query }))[0]!.responseId).toBe(theirs.responseId);
    const hits = await searchInterviews(getDb(), acme.organizationId, { query, limit: 50 });
    expect(hits.some((h) => h.invitationId === theirs.invitationId || h.content.includes("Zanzibar"))).toBe(false);

    const scope = { organizationId: acme.organizationId, model: getEmbedder().modelName, take: 50 };
    const [vector] = await embedTexts([query]);
    const { words, meaning } = await getDb().$transaction(async (tx) => ({
      words: await textMatches(tx, { ...scope, query }),
      meaning: await nearestPassages(tx, { ...scope, vector: vector! }),
    }));
    expect(words).toEqual([]);
    expect(meaning.length).toBeGreaterThan(0);
    const owners = await getDb().invitation.findMany({ where: { id: { in: meaning.map((c) => c.invitationId) } }, select: { organizationId: true } });
    expect(new Set(owners.map((o) => o.organizationId))).toEqual(new Set([acme.organizationId]));
  });

  it("filters both rankings by template, and does not find another organization's template", async () => {
    // Another template of the same organization whose answer says the very words searched for.
    const elsewhere = await addWrittenAnswer(acme, {
      key: "acme-ledger",
      text: "The lock on the ledger table held every nightly export for an hour.",
      ownTemplate: true,
    });
    const all = await searchInterviews(getDb(), acme.organizationId, { query: "lock on the ledger table", limit: 50 });
    expect(all.some((h) => h.responseId === elsewhere.responseId)).toBe(true);
    const hits = await searchInterviews(getDb(), acme.organizationId, { query: "lock on the ledger table", templateId: acme.templateId, limit: 50 });
    expect(hits[0]!.responseId).toBe(acme.responses.strong!.q1);
    expect(hits.some((h) => h.invitationId === elsewhere.invitationId)).toBe(false);
    const theirs = await searchInterviews(getDb(), acme.organizationId, { query: "nightly export", templateId: elsewhere.templateId });
    expect(theirs.map((h) => h.responseId)).toEqual([elsewhere.responseId]);
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
      // So few rows would be scanned otherwise (a real server's planner reaches them through the
      // organization's btree instead); the question is whether the planner may use the HNSW index.
      await tx.$executeRaw`SET LOCAL enable_seqscan = off`;
      await tx.$executeRaw`SET LOCAL enable_bitmapscan = off`;
      return tx.$queryRaw<{ "QUERY PLAN": string }[]>(Prisma.sql`EXPLAIN ${query}`);
    });
    expect(plan.map((r) => r["QUERY PLAN"]).join("\n")).toContain(organizationIndexName(own.organizationId));
    const hits = await searchInterviews(db, own.organizationId, { query: "EXPLAIN ANALYZE composite index" });
    expect(hits[0]!.responseId).toBe(own.responses.strong!.q2);
    expect(() => ownIndexFilter("x' OR '1'='1")).toThrow(/Not an organization id/);
  });
});
