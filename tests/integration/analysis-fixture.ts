import { randomUUID } from "node:crypto";
import type { AnswerInput } from "@/server/analysis/analyzer";
import type { Db } from "@/server/db/client";
import { fixtureQuestions, fixtureRubric, interviewFixture } from "@/server/seed/fixture";
import { ensureTemplateVersion, templateSnapshotSchema, type TemplateSnapshot } from "@/server/templates/versions";
import type { TranscriptSegment } from "@/server/transcription/transcript.schema";

/**
 * A transcript as a recogniser with word timings would return it for a spoken text: one segment
 * per sentence, about 2.5 words a second, a short breath between sentences and a long one after a
 * hesitation ("Um,").
 */
export function transcriptFromText(text: string): { text: string; segments: TranscriptSegment[] } {
  const sentences = text.split(/(?<=[.!?])\s+/).filter((s) => s.trim());
  const segments: TranscriptSegment[] = [];
  let t = 0.5;
  for (const sentence of sentences) {
    const start = t;
    const words = sentence
      .split(/\s+/)
      .filter(Boolean)
      .map((word) => {
        const w = { word, start: round(t), end: round(t + 0.3) };
        t += /^(um|uh|er),?$/i.test(word) ? 2.1 : 0.4;
        return w;
      });
    segments.push({ start: round(start), end: round(t - 0.1), text: sentence, words });
    t += 0.5;
  }
  return { text: sentences.join(" "), segments };
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

/** The fixture's template as a TemplateVersion snapshot, the way server/seed/seed.ts builds it (question ids q1..q4). */
export function fixtureSnapshot(): TemplateSnapshot {
  const t = interviewFixture.templates[0]!;
  return {
    title: t.title,
    description: t.description,
    rubric: fixtureRubric(t),
    questions: fixtureQuestions(t).map(({ key, ...q }) => ({ id: key, ...q })),
  };
}

/** One fixture candidate's answers as analyzer input (no retrieval context). */
export function fixtureAnswers(candidateKey: string, snapshot = fixtureSnapshot()): AnswerInput[] {
  const candidate = interviewFixture.candidates.find((c) => c.key === candidateKey)!;
  return snapshot.questions.map((question) => {
    const text = candidate.answers[question.id]!;
    const answer =
      question.type === "VIDEO"
        ? { ...transcriptFromText(text), responseId: `${candidateKey}-${question.id}` }
        : { responseId: `${candidateKey}-${question.id}`, segments: null, text };
    return { question, answer, context: [] };
  });
}

/**
 * The fixture's template in a new organization, created the way server/seed/seed.ts does it (a
 * template, its questions and its first version), with an HR member who sends the invitations.
 */
export async function createFixtureTemplate(db: Db, name: string) {
  const t = interviewFixture.templates[0]!;
  const slug = `${name.toLowerCase().replace(/\W+/g, "-")}-${randomUUID().slice(0, 8)}`;
  const org = await db.organization.create({ data: { name, slug } });
  const hr = await db.user.create({ data: { email: `hr-${slug}@example.com`, name: "Harper Recruiter", role: "HR" } });
  await db.membership.create({ data: { userId: hr.id, organizationId: org.id, role: "HR" } });
  const version = await db.$transaction(async (tx) => {
    const template = await tx.template.create({
      data: {
        organizationId: org.id,
        createdById: hr.id,
        title: t.title,
        description: t.description,
        rubric: fixtureRubric(t),
        status: "PUBLISHED",
        questions: { create: fixtureQuestions(t).map(({ key: _key, ...q }) => q) },
      },
    });
    return ensureTemplateVersion(tx, template.id);
  });
  return { org, hr, version, snapshot: templateSnapshotSchema.parse(version.snapshot) };
}

/**
 * A completed interview of one fixture candidate: every answer submitted, the recorded ones
 * transcribed (text and word timings from the fixture), the written one typed.
 */
export async function createFixtureInterview(
  db: Db,
  template: Awaited<ReturnType<typeof createFixtureTemplate>>,
  candidateKey: string,
  opts: { createdById?: string | null } = {},
) {
  const candidate = interviewFixture.candidates.find((c) => c.key === candidateKey)!;
  const keys = interviewFixture.templates[0]!.questions.map((q) => q.key);
  const invitation = await db.invitation.create({
    data: {
      organizationId: template.org.id,
      templateId: template.version.templateId,
      templateVersionId: template.version.id,
      createdById: opts.createdById === undefined ? template.hr.id : opts.createdById,
      candidateName: candidate.name,
      candidateEmail: candidate.email,
      tokenHash: randomUUID(),
      status: "COMPLETED",
      expiresAt: new Date(Date.now() + 7 * 86_400_000),
      completedAt: new Date(),
    },
  });
  for (const question of template.snapshot.questions) {
    const text = candidate.answers[keys[question.position]!]!;
    const response = await db.response.create({
      data: {
        invitationId: invitation.id,
        questionId: question.id,
        position: question.position,
        type: question.type,
        status: question.type === "VIDEO" ? "TRANSCRIBED" : "UPLOADED",
        textAnswer: question.type === "TEXT" ? text : null,
        submittedAt: new Date(),
      },
    });
    if (question.type === "VIDEO") {
      const transcript = transcriptFromText(text);
      await db.transcript.create({
        data: { responseId: response.id, engine: "groq-whisper", model: "fixture", language: "en", text: transcript.text, segments: transcript.segments },
      });
    }
  }
  return invitation;
}
