import { createHash } from "node:crypto";
import type { Db } from "../server/db/client";
import { fixtureQuestions, fixtureRubric, interviewFixture } from "../server/seed/fixture";

export type SeedSize = {
  templates: number;
  /** Invitations of the first template: the comparison's candidates, all completed and analysed. */
  comparisonCandidates: number;
  /** Invitations spread over the other templates. */
  otherInvitations: number;
  /** Answers per invitation, each with a transcript. */
  answersPerInvitation: number;
};

export const BENCH_SIZE: SeedSize = { templates: 200, comparisonCandidates: 500, otherInvitations: 9_500, answersPerInvitation: 10 };

const STATUSES = ["SENT", "OPENED", "IN_PROGRESS", "COMPLETED", "COMPLETED", "COMPLETED", "EXPIRED", "CANCELLED"];

/**
 * Seeds one organization with templates, invitations, answers with transcripts, and whole-interview
 * analyses, with set-based INSERT … SELECT over generate_series (100 000 answers in seconds, where
 * row-by-row inserts take minutes). Rows look like the app's own: snapshots with every question,
 * analysis results in the shape the analysis writes, candidates with searchable names. The first
 * template's candidates are all completed and analysed, for the comparison.
 */
export async function seedOrganization(db: Db, organizationId: string, createdById: string, size: SeedSize): Promise<{ comparisonTemplateId: string }> {
  const t = interviewFixture.templates[0]!;
  const rubric = fixtureRubric(t);
  const base = fixtureQuestions(t);
  const questions = Array.from({ length: size.answersPerInvitation }, (_, i) => {
    const { key: _key, ...q } = base[i % base.length]!;
    return { ...q, id: `bench-q${i}`, position: i, type: "TEXT" as const, maxChars: 2000 };
  });
  const snapshot = { title: t.title, description: t.description, rubric, questions };
  const hash = createHash("sha256").update(JSON.stringify(snapshot)).digest("hex");
  const answers = interviewFixture.candidates.map((c) => Object.values(c.answers).join(" "));
  const result = {
    kind: "interview",
    scores: rubric.map((c, i) => ({
      competencyId: c.id,
      competency: c.competency,
      weight: c.weight,
      score: 3 + (i % 2),
      rationale: "Concrete example.",
      evidence: [],
    })),
    overallScore: 3.4,
    recommendation: "yes",
    summary: "Explains trade-offs with numbers.",
    strengths: [{ text: "Uses measurements to justify a change.", evidence: [] }],
    concerns: [{ text: "Little on collaboration.", evidence: [] }],
    flags: [],
    coverage: 0.6,
  };
  const prefix = `b${organizationId.slice(-6)}`;

  await db.$executeRawUnsafe(
    `INSERT INTO templates (id, "organizationId", "createdById", title, description, rubric, status, "createdAt", "updatedAt")
     SELECT '${prefix}t' || n, $1, $2, $3 || ' ' || n, $4, $5::jsonb, 'PUBLISHED', now() - n * interval '1 hour', now()
     FROM generate_series(0, $6 - 1) n`,
    organizationId,
    createdById,
    t.title,
    t.description,
    JSON.stringify(rubric),
    size.templates,
  );
  await db.$executeRawUnsafe(
    `INSERT INTO template_versions (id, "templateId", version, snapshot, hash, "createdAt")
     SELECT '${prefix}v' || n, '${prefix}t' || n, 1, $1::jsonb, $2, now() FROM generate_series(0, $3 - 1) n`,
    JSON.stringify(snapshot),
    hash,
    size.templates,
  );
  const total = size.comparisonCandidates + size.otherInvitations;
  // Invitation n: the first comparisonCandidates go to template 0, completed; the rest cycle through
  // the other templates and through the statuses.
  await db.$executeRawUnsafe(
    `INSERT INTO invitations (id, "organizationId", "templateId", "templateVersionId", "createdById", "candidateName", "candidateEmail", "tokenHash", status,
       "expiresAt", "sentAt", "openedAt", "consentAt", "startedAt", "completedAt", "createdAt", "updatedAt")
     SELECT '${prefix}i' || n, $1, '${prefix}t' || tpl, '${prefix}v' || tpl, $2, 'Candidate ' || n || ' ' || (ARRAY['Moreno','Okafor','Lindqvist','Tanaka','Silva'])[1 + n % 5],
       'candidate' || n || '@example.com', '${prefix}h' || n, st::"InvitationStatus",
       now() + interval '14 days', sent, sent + interval '1 hour', sent + interval '1 hour', sent + interval '2 hours',
       CASE WHEN st = 'COMPLETED' THEN sent + interval '3 hours' END, sent, now()
     FROM (
       SELECT n, CASE WHEN n < $3 THEN 0 ELSE 1 + (n % ($4 - 1)) END AS tpl,
         CASE WHEN n < $3 THEN 'COMPLETED' ELSE ($5::text[])[1 + n % ${STATUSES.length}] END AS st,
         now() - (n % 60) * interval '1 day' - n * interval '1 second' AS sent
       FROM generate_series(0, $6 - 1) n
     ) s`,
    organizationId,
    createdById,
    size.comparisonCandidates,
    Math.max(size.templates, 2),
    STATUSES,
    total,
  );
  await db.$executeRawUnsafe(
    `INSERT INTO responses (id, "invitationId", "questionId", position, type, status, "textAnswer", "submittedAt", "createdAt", "updatedAt")
     SELECT '${prefix}r' || i.n || '_' || q, '${prefix}i' || i.n, 'bench-q' || q, q, 'TEXT', 'ANALYZED', ($1::text[])[1 + (i.n + q) % ${answers.length}], now(), now(), now()
     FROM generate_series(0, $2 - 1) i(n) CROSS JOIN generate_series(0, $3 - 1) q`,
    answers,
    total,
    size.answersPerInvitation,
  );
  await db.$executeRawUnsafe(
    `INSERT INTO transcripts (id, "responseId", engine, model, language, text, segments, "createdAt")
     SELECT 'x' || r.id, r.id, 'offline', 'bench', 'en', r."textAnswer", jsonb_build_array(jsonb_build_object('start', 0, 'end', 5, 'text', left(r."textAnswer", 80))), now()
     FROM responses r WHERE r.id LIKE '${prefix}r%'`,
  );
  await db.$executeRawUnsafe(
    `INSERT INTO analyses (id, "organizationId", "invitationId", "responseId", status, engine, model, "promptVersion", "inputHash", "overallScore", recommendation, flagged, result, "createdAt", "updatedAt")
     SELECT 'a' || i.id, $1, i.id, NULL, 'COMPLETE', 'offline', 'offline', 'v1', 'bench', 1 + (random() * 4)::numeric(2,1)::float8,
       (ARRAY['strong_no','no','yes','strong_yes'])[1 + (abs(hashtext(i.id)) % 4)], false, $2::jsonb, now(), now()
     FROM invitations i WHERE i."organizationId" = $1 AND i.status = 'COMPLETED'`,
    organizationId,
    JSON.stringify(result),
  );
  await db.$executeRawUnsafe("ANALYZE");
  return { comparisonTemplateId: `${prefix}t0` };
}
