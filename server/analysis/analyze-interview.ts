import { createHash } from "node:crypto";
import { organizationCapabilities } from "../billing/usage";
import { env } from "../config/env";
import type { Db, Prisma } from "../db/client";
import { DomainError, notFound } from "../errors";
import { enqueueEvent } from "../events/outbox";
import { getEmbedder } from "../search/embedder";
import { retrieveContext } from "../search/retrieve";
import { snapshotHash, templateSnapshotSchema } from "../templates/versions";
import { isTranscriptionEngine, TRANSCRIPTION_ENGINES, transcriptSegmentsSchema } from "../transcription/transcript.schema";
import { answerAnalysisResultSchema, interviewAnalysisResultSchema, type AnswerAnalysisResult, type Flag } from "./analysis.schema";
import type { Analyzer, AnswerInput } from "./analyzer";
import { createLlmAnalyzer } from "./llm";
import { groqAnalysisModel } from "./llm/model";
import { createOfflineAnalyzer, OFFLINE_MODEL } from "./offline";
import { withSpan } from "../tracing/tracing";

export type { Analyzer } from "./analyzer";

/** Context passages retrieved per question. */
const CONTEXT_K = 4;

/**
 * Groq's model when GROQ_API_KEY is set and the plan includes it (`groq: false` when it does not),
 * the deterministic offline analyzer otherwise.
 */
export function getAnalyzer(opts: { groq?: boolean } = {}): Analyzer {
  if (env().GROQ_API_KEY && opts.groq !== false) return createLlmAnalyzer(groqAnalysisModel());
  const offline = createOfflineAnalyzer();
  // The offline scores depend on the embedder, so its name is part of the model (and of the input hash).
  return { ...offline, model: `${OFFLINE_MODEL}+${getEmbedder().modelName}` };
}

/** The analyzer an organization's interviews get: Groq only on a plan that includes it. */
export async function analyzerFor(db: Db, organizationId: string): Promise<Analyzer> {
  return getAnalyzer({ groq: (await organizationCapabilities(db, organizationId)).groqAnalysis });
}

/**
 * Flags that need a reviewer's eye. A missing answer already shows in its score, and a rough
 * offline transcript is said on every answer it affects (it would flag every offline interview).
 */
function needsAttention(flags: Flag[]): boolean {
  return flags.some((f) => f.kind === "manipulation" || f.kind === "unverified_quote");
}

/** Says on an answer read from a rough transcript that its score may miss what was said. */
function withTranscriptCaution(answer: AnswerAnalysisResult, rough: Map<string, string>): AnswerAnalysisResult {
  const engine = rough.get(answer.responseId);
  if (!engine) return answer;
  const flag: Flag = {
    kind: "low_transcript_quality",
    detail: `Read from a rough transcript (${engine}): coverage and quotes may miss what was said; check the recording.`,
    responseId: answer.responseId,
    evidence: [],
  };
  return { ...answer, flags: [...answer.flags, flag] };
}

/** The answers to analyse, in question order, and the questions without one. */
async function loadInterview(db: Db, invitationId: string) {
  const invitation = await db.invitation.findUnique({
    where: { id: invitationId },
    select: {
      id: true,
      organizationId: true,
      templateVersionId: true,
      templateVersion: { select: { snapshot: true } },
      responses: {
        select: {
          id: true,
          questionId: true,
          type: true,
          status: true,
          textAnswer: true,
          transcript: { select: { text: true, segments: true, engine: true } },
        },
      },
    },
  });
  if (!invitation) throw notFound("The interview");
  const parsedSnapshot = templateSnapshotSchema.safeParse(invitation.templateVersion.snapshot);
  if (!parsedSnapshot.success) throw new DomainError("PRECONDITION_FAILED", "This interview's questions cannot be read, so it cannot be analysed.");
  const snapshot = parsedSnapshot.data;

  const answers: Omit<AnswerInput, "context">[] = [];
  // Response id -> the rough engine's label, for answers read from an offline transcript.
  const roughTranscripts = new Map<string, string>();
  // Multiple-choice answers are scored by their key when submitted; the engines see neither them nor their questions.
  const analysed = { ...snapshot, questions: snapshot.questions.filter((q) => q.type !== "MULTIPLE_CHOICE") };
  for (const question of analysed.questions) {
    const response = invitation.responses.find((r) => r.questionId === question.id);
    if (!response) continue;
    if (question.type === "TEXT" || response.type === "TEXT") {
      if (response.textAnswer === null) continue;
      answers.push({ question, answer: { responseId: response.id, segments: null, text: response.textAnswer } });
    } else {
      // A failed answer's transcript, if any, is from before the failure: it is not what HR sees.
      if (!response.transcript || response.status === "FAILED") continue;
      const segments = transcriptSegmentsSchema.safeParse(response.transcript.segments);
      const { engine: transcriptEngine } = response.transcript;
      if (isTranscriptionEngine(transcriptEngine) && TRANSCRIPTION_ENGINES[transcriptEngine].rough)
        roughTranscripts.set(response.id, TRANSCRIPTION_ENGINES[transcriptEngine].label);
      answers.push({ question, answer: { responseId: response.id, segments: segments.success ? segments.data : [], text: response.transcript.text } });
    }
  }
  if (answers.length === 0) throw new DomainError("PRECONDITION_FAILED", "This interview has no transcribed or written answer to analyse yet.");
  const answered = new Set(answers.map((a) => a.question.id));
  return { invitation, snapshot, analysed, answers, unanswered: analysed.questions.filter((q) => !answered.has(q.id)), roughTranscripts };
}

/** sha256 of the inputs' JSON with sorted keys, so equal inputs always hash the same. */
function hashInputs(inputs: unknown): string {
  return createHash("sha256")
    .update(JSON.stringify(canonical(inputs)))
    .digest("hex");
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

export type AnalyzeInterviewResult = { analysisId: string; engine: string; overallScore: number; recommendation: string; flagged: boolean; reused: boolean };

/**
 * Analyses a completed interview: one Analysis per answered question and one for the interview,
 * written with the answers' ANALYZED status in one transaction. The inputs (snapshot, answers,
 * engine, model, prompt version) are hashed: when a complete analysis of the same inputs exists it
 * is returned as it is (reused), so a retried job neither duplicates nor changes the result.
 */
export async function analyzeInterview(
  db: Db,
  invitationId: string,
  deps: { engine?: Analyzer; retrieve?: typeof retrieveContext } = {},
): Promise<AnalyzeInterviewResult> {
  const { invitation, snapshot, analysed, answers, unanswered, roughTranscripts } = await loadInterview(db, invitationId);
  const engine = deps.engine ?? (await analyzerFor(db, invitation.organizationId));
  const retrieve = deps.retrieve ?? retrieveContext;
  const inputHash = hashInputs({
    snapshot: snapshotHash(snapshot),
    answers: answers.map((a) => ({
      questionId: a.question.id,
      responseId: a.answer.responseId,
      text: a.answer.text,
      segments: a.answer.segments,
      roughTranscript: roughTranscripts.get(a.answer.responseId) ?? null,
    })),
    engine: engine.engine,
    model: engine.model,
    promptVersion: engine.promptVersion,
  });
  const rowKey = {
    organizationId: invitation.organizationId,
    invitationId,
    engine: engine.engine,
    model: engine.model,
    promptVersion: engine.promptVersion,
    inputHash,
  };

  const analysedIds = answers.map((a) => a.answer.responseId);
  const done = await db.analysis.findFirst({ where: { invitationId, responseId: null, inputHash, status: "COMPLETE" } });
  if (done) {
    // Only an answer the pipeline moved back into analysis since (a re-run) changes: the analysis is the same.
    await db.response.updateMany({ where: { id: { in: analysedIds }, status: "ANALYZING" }, data: { status: "ANALYZED" } });
    return reusedResult(done);
  }

  const withContext: AnswerInput[] = [];
  for (const a of answers) {
    const context = await retrieve(db, {
      organizationId: invitation.organizationId,
      templateVersionId: invitation.templateVersionId,
      text: `${a.question.prompt}\n${a.question.criteria}`,
      k: CONTEXT_K,
    });
    withContext.push({ ...a, context });
  }

  let analysis;
  try {
    analysis = await withSpan(
      "analysis.analyze",
      {
        attributes: {
          "analysis.engine": engine.engine,
          "analysis.model": engine.model,
          "analysis.prompt_version": engine.promptVersion,
          "analysis.answers": withContext.length,
        },
      },
      () => engine.analyze({ snapshot: analysed, answers: withContext, unanswered }),
    );
  } catch (error) {
    await recordFailure(db, rowKey, error);
    throw error;
  }
  const perAnswer = analysis.answers.map((a) => answerAnalysisResultSchema.parse(withTranscriptCaution(a, roughTranscripts)));
  const interview = interviewAnalysisResultSchema.parse({
    ...analysis.interview,
    flags: [...analysis.interview.flags, ...perAnswer.flatMap((a) => a.flags.filter((f) => f.kind === "low_transcript_quality"))],
  });

  return db.$transaction(async (tx) => {
    // Serialises concurrent runs for one interview: the unique key cannot, since responseId is NULL here.
    await tx.$queryRaw`SELECT id FROM invitations WHERE id = ${invitationId} FOR UPDATE`;
    const raced = await tx.analysis.findFirst({ where: { invitationId, responseId: null, inputHash, status: "COMPLETE" } });
    if (raced) return reusedResult(raced);

    for (const a of perAnswer) {
      const data = {
        ...rowKey,
        status: "COMPLETE" as const,
        overallScore: a.score,
        recommendation: null,
        flagged: needsAttention(a.flags),
        result: a as Prisma.InputJsonValue,
        error: null,
      };
      await tx.analysis.upsert({
        where: { invitationId_responseId_inputHash: { invitationId, responseId: a.responseId, inputHash } },
        create: { ...data, responseId: a.responseId },
        update: data,
      });
    }
    const data = {
      ...rowKey,
      status: "COMPLETE" as const,
      overallScore: interview.overallScore,
      recommendation: interview.recommendation,
      flagged: needsAttention(interview.flags),
      result: interview as Prisma.InputJsonValue,
      error: null,
    };
    const previous = await tx.analysis.findFirst({ where: { invitationId, responseId: null, inputHash }, select: { id: true } });
    const row = previous
      ? await tx.analysis.update({ where: { id: previous.id }, data, select: { id: true } })
      : await tx.analysis.create({ data: { ...data, responseId: null }, select: { id: true } });
    await enqueueEvent(tx, "analysis.completed", { invitationId, analysisId: row.id }, rowKey.organizationId);
    // Only answers still where the analysis found them: one retried meanwhile keeps its new state.
    await tx.response.updateMany({
      where: { id: { in: analysedIds }, OR: [{ type: "TEXT" }, { status: { in: ["TRANSCRIBED", "ANALYZING", "ANALYZED"] } }] },
      data: { status: "ANALYZED" },
    });
    return {
      analysisId: row.id,
      engine: engine.engine,
      overallScore: interview.overallScore,
      recommendation: interview.recommendation,
      flagged: data.flagged,
      reused: false,
    };
  });
}

function reusedResult(row: {
  id: string;
  engine: string;
  overallScore: number | null;
  recommendation: string | null;
  flagged: boolean;
}): AnalyzeInterviewResult {
  return {
    analysisId: row.id,
    engine: row.engine,
    overallScore: row.overallScore ?? 0,
    recommendation: row.recommendation ?? "",
    flagged: row.flagged,
    reused: true,
  };
}

/** Keeps why an analysis failed on the interview's row, so the review page can say so. */
async function recordFailure(
  db: Db,
  rowKey: { organizationId: string; invitationId: string; engine: string; model: string; promptVersion: string; inputHash: string },
  error: unknown,
): Promise<void> {
  const message = error instanceof Error ? error.message : String(error);
  const previous = await db.analysis.findFirst({
    where: { invitationId: rowKey.invitationId, responseId: null, inputHash: rowKey.inputHash },
    select: { id: true },
  });
  const data = { ...rowKey, status: "FAILED" as const, error: message.slice(0, 2000) };
  if (previous) await db.analysis.update({ where: { id: previous.id }, data });
  else await db.analysis.create({ data: { ...data, responseId: null } });
}
