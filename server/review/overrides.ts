import { interviewAnalysisResultSchema, RECOMMENDATION_LABELS, type Recommendation } from "../analysis/analysis.schema";
import { audit } from "../audit/log";
import type { Db } from "../db/client";
import { DomainError, notFound } from "../errors";
import { enqueueEvent } from "../events/outbox";
import { currentAnalysisWhere, overrideSelect, readRubricOf } from "./analysis";
import type { OverrideAnalysisInput } from "./analysis.schema";
import { effectiveValues, RECOMMENDATION_FIELD, type OverrideRecord } from "./effective";

function displayValue(field: string, value: string | null): string {
  if (value === null) return "none";
  return field === RECOMMENDATION_FIELD ? (RECOMMENDATION_LABELS[value as Recommendation] ?? value) : value;
}

/**
 * HR replaces one of the AI's scores, or its recommendation, with their own, saying why. The
 * override and its audit entry are written in one transaction; the analysis row is locked first,
 * so two reviewers overriding at once each record the value they actually replaced.
 */
export async function overrideAnalysis(db: Db, actor: { id: string }, organizationId: string, input: OverrideAnalysisInput) {
  return db.$transaction(async (tx) => {
    const invitation = await tx.invitation.findFirst({
      where: { id: input.invitationId, organizationId },
      select: { id: true, candidateName: true, templateVersion: { select: { snapshot: true } } },
    });
    if (!invitation) throw notFound("The interview");
    const current = await tx.analysis.findFirst({
      where: currentAnalysisWhere(invitation.id, organizationId),
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { id: true, result: true },
    });
    if (!current) throw new DomainError("PRECONDITION_FAILED", "This interview has no completed AI analysis yet, so there is nothing to override.");
    await tx.$queryRaw`SELECT id FROM analyses WHERE id = ${current.id} FOR UPDATE`;

    const result = interviewAnalysisResultSchema.parse(current.result);
    const rubric = readRubricOf(invitation.templateVersion.snapshot);
    const overrides = (await tx.analysisOverride.findMany({ where: { analysisId: current.id }, select: overrideSelect })) as OverrideRecord[];
    const effective = effectiveValues(result, rubric, overrides);

    let label: string;
    let aiValue: string | null;
    let from: string | null;
    if (input.field === RECOMMENDATION_FIELD) {
      label = "Recommendation";
      aiValue = effective.recommendation.ai;
      from = effective.recommendation.effective;
    } else {
      const score = rubric.some((r) => r.id === input.field) ? effective.scores.find((s) => s.competencyId === input.field) : undefined;
      if (!score) {
        const names = rubric.map((r) => r.competency).join(", ");
        throw new DomainError("BAD_REQUEST", `This interview's rubric has no competency "${input.field}". Its competencies are: ${names}.`);
      }
      label = score.competency;
      aiValue = score.ai === null ? null : String(score.ai);
      from = score.effective === null ? null : String(score.effective);
    }
    if (from === input.value) {
      throw new DomainError("BAD_REQUEST", `${label} is already ${displayValue(input.field, from)}; choose a different value to override it.`);
    }

    const override = await tx.analysisOverride.create({
      data: { analysisId: current.id, userId: actor.id, field: input.field, aiValue, value: input.value, reason: input.reason },
      select: overrideSelect,
    });
    await audit(tx, {
      organizationId,
      actorId: actor.id,
      action: "analysis.override",
      targetType: "analysis",
      targetId: current.id,
      data: {
        invitationId: invitation.id,
        candidateName: invitation.candidateName,
        field: input.field,
        label,
        aiValue,
        from,
        to: input.value,
        reason: input.reason,
      },
    });
    await enqueueEvent(tx, "analysis.overridden", { invitationId: invitation.id, analysisId: current.id, field: input.field }, organizationId);
    return { id: override.id, analysisId: current.id, field: input.field, label, aiValue, from, to: input.value, createdAt: override.createdAt };
  });
}
