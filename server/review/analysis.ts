import {
  ANALYSIS_ENGINES,
  answerAnalysisResultSchema,
  interviewAnalysisResultSchema,
  type AnalysisEngine,
  type AnswerAnalysisResult,
} from "../analysis/analysis.schema";
import type { Db, Prisma } from "../db/client";
import { notFound } from "../errors";
import { templateSnapshotSchema, type SnapshotRubricItem } from "../templates/versions";
import { effectiveValues } from "./effective";
import { logger } from "@/server/logging/logger";

export const overrideSelect = {
  id: true,
  field: true,
  aiValue: true,
  value: true,
  reason: true,
  createdAt: true,
  user: { select: { id: true, name: true, email: true } },
} as const satisfies Prisma.AnalysisOverrideSelect;

/** "The" analysis of an interview: the newest complete whole-interview one. Overrides attach to it. */
export const currentAnalysisWhere = (invitationId: string, organizationId: string) =>
  ({ invitationId, organizationId, responseId: null, status: "COMPLETE" }) as const satisfies Prisma.AnalysisWhereInput;

export function engineLabel(engine: string): string {
  return engine in ANALYSIS_ENGINES ? ANALYSIS_ENGINES[engine as AnalysisEngine].label : engine;
}

function describeEngine(row: { engine: string; model: string; promptVersion: string; createdAt: Date }) {
  return { engine: row.engine, engineLabel: engineLabel(row.engine), model: row.model, promptVersion: row.promptVersion, createdAt: row.createdAt };
}

export function readRubricOf(snapshot: unknown): SnapshotRubricItem[] {
  return templateSnapshotSchema.parse(snapshot).rubric;
}

export type AnalysisPipelineState = "pending" | "running" | "failed" | "complete";

export type AnswerAnalysisView = Omit<AnswerAnalysisResult, "kind"> & ReturnType<typeof describeEngine> & { id: string };

/**
 * The AI's first read of one interview, with HR's overrides applied: each score and the
 * recommendation carry the AI's value, the effective one and, when they differ, who changed it,
 * when and why. `analysis` is null until a whole-interview analysis has completed; `state` then
 * says where the pipeline is.
 */
export async function getInterviewAnalysis(db: Db, organizationId: string, invitationId: string) {
  const invitation = await db.invitation.findFirst({
    where: { id: invitationId, organizationId },
    select: { id: true, templateVersion: { select: { snapshot: true } }, responses: { select: { id: true, questionId: true, status: true } } },
  });
  if (!invitation) throw notFound("The interview");
  const rubric = readRubricOf(invitation.templateVersion.snapshot);

  const [current, newest, answerRows] = await Promise.all([
    db.analysis.findFirst({
      where: currentAnalysisWhere(invitationId, organizationId),
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { id: true, engine: true, model: true, promptVersion: true, createdAt: true, flagged: true, result: true, overrides: { select: overrideSelect } },
    }),
    db.analysis.findFirst({
      where: { invitationId, organizationId, responseId: null },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { status: true, error: true, createdAt: true },
    }),
    db.analysis.findMany({
      where: { invitationId, organizationId, responseId: { not: null }, status: "COMPLETE" },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { id: true, responseId: true, engine: true, model: true, promptVersion: true, createdAt: true, result: true },
    }),
  ]);

  const answers: Record<string, AnswerAnalysisView> = {};
  for (const row of answerRows) {
    if (!row.responseId || answers[row.responseId]) continue;
    const parsed = answerAnalysisResultSchema.safeParse(row.result);
    if (!parsed.success) continue;
    const { kind: _kind, ...result } = parsed.data;
    answers[row.responseId] = { id: row.id, ...result, ...describeEngine(row) };
  }

  const pipeline = {
    latest: newest ? { status: newest.status, error: newest.error, createdAt: newest.createdAt } : null,
    answers: {
      total: invitation.responses.length,
      analysed: Object.keys(answers).length,
      failed: invitation.responses.filter((r) => r.status === "FAILED").length,
    },
  };

  const parsed = current ? interviewAnalysisResultSchema.safeParse(current.result) : null;
  if (!current || !parsed?.success) {
    // The pipeline marks the answers ANALYZING while the analysis step runs.
    const analysing = newest?.status === "RUNNING" || invitation.responses.some((r) => r.status === "ANALYZING");
    const state: AnalysisPipelineState = analysing ? "running" : newest?.status === "FAILED" ? "failed" : "pending";
    if (current) logger.error({ analysisId: current.id }, "a stored interview analysis does not match its schema");
    return { state, analysis: null, answers, pipeline };
  }

  const result = parsed.data;
  const effective = effectiveValues(result, rubric, current.overrides);
  const aiById = new Map(result.scores.map((s) => [s.competencyId, s]));
  return {
    state: "complete" as AnalysisPipelineState,
    analysis: {
      id: current.id,
      ...describeEngine(current),
      summary: result.summary,
      strengths: result.strengths,
      concerns: result.concerns,
      flags: result.flags,
      flagged: current.flagged,
      aiOverall: result.overallScore,
      overall: effective.overall,
      overridden: effective.overridden,
      recommendation: effective.recommendation,
      scores: effective.scores.map((s) => ({
        ...s,
        looksFor: rubric.find((r) => r.id === s.competencyId)?.looksFor ?? null,
        rationale: aiById.get(s.competencyId)?.rationale ?? null,
        evidence: aiById.get(s.competencyId)?.evidence ?? [],
      })),
    },
    answers,
    pipeline,
  };
}

export type InterviewAnalysisView = Awaited<ReturnType<typeof getInterviewAnalysis>>;
