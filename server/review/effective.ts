import { RECOMMENDATION_LABELS, type InterviewAnalysisResult, type Recommendation } from "../analysis/analysis.schema";
import type { SnapshotRubricItem } from "../templates/versions";

/** The field an override names for the recommendation; every other field is a rubric competency id. */
export const RECOMMENDATION_FIELD = "recommendation";

export type OverrideRecord = {
  id: string;
  field: string;
  aiValue: string | null;
  value: string;
  reason: string;
  createdAt: Date;
  user: { id: string; name: string | null; email: string } | null;
};

export type AppliedOverride = { value: string; reason: string; at: Date; by: { id: string; name: string | null; email: string } | null };

export type EffectiveScore = {
  competencyId: string;
  competency: string;
  weight: number;
  /** The AI's score; null when the analysis has none for a competency the rubric names. */
  ai: number | null;
  effective: number | null;
  override: AppliedOverride | null;
};

export type EffectiveRecommendation = { ai: Recommendation; effective: Recommendation; override: AppliedOverride | null };

export type EffectiveValues = {
  scores: EffectiveScore[];
  recommendation: EffectiveRecommendation;
  /** The rubric-weighted mean of the effective scores, so an overridden score moves it. */
  overall: number | null;
  overridden: boolean;
};

function latestByField(overrides: OverrideRecord[]): Map<string, OverrideRecord> {
  const latest = new Map<string, OverrideRecord>();
  for (const o of overrides) {
    const seen = latest.get(o.field);
    if (!seen || o.createdAt > seen.createdAt || (o.createdAt.getTime() === seen.createdAt.getTime() && o.id > seen.id)) latest.set(o.field, o);
  }
  return latest;
}

const applied = (o: OverrideRecord | undefined): AppliedOverride | null => (o ? { value: o.value, reason: o.reason, at: o.createdAt, by: o.user } : null);

export function weightedOverall(scores: { weight: number; score: number | null }[]): number | null {
  const scored = scores.filter((s): s is { weight: number; score: number } => s.score !== null && s.weight > 0);
  const total = scored.reduce((sum, s) => sum + s.weight, 0);
  if (total === 0) return null;
  return Math.round((scored.reduce((sum, s) => sum + s.score * s.weight, 0) / total) * 10) / 10;
}

/**
 * What HR sees as the interview's scores: the latest override of each field wins over the AI's
 * value. The rubric is the one the candidate was interviewed against (the invitation's version);
 * competencies the analysis scored outside that rubric keep the analysis' own name and weight.
 */
export function effectiveValues(result: InterviewAnalysisResult, rubric: SnapshotRubricItem[], overrides: OverrideRecord[]): EffectiveValues {
  const latest = latestByField(overrides);
  const aiById = new Map(result.scores.map((s) => [s.competencyId, s]));
  const items = [
    ...rubric.map((r) => ({ competencyId: r.id, competency: r.competency, weight: r.weight })),
    ...result.scores
      .filter((s) => !rubric.some((r) => r.id === s.competencyId))
      .map((s) => ({ competencyId: s.competencyId, competency: s.competency, weight: s.weight })),
  ];
  const scores = items.map((item) => {
    const ai = aiById.get(item.competencyId)?.score ?? null;
    const o = latest.get(item.competencyId);
    return { ...item, ai, effective: o ? Number(o.value) : ai, override: applied(o) };
  });
  const recOverride = latest.get(RECOMMENDATION_FIELD);
  const recommendation: EffectiveRecommendation = {
    ai: result.recommendation,
    effective: recOverride && recOverride.value in RECOMMENDATION_LABELS ? (recOverride.value as Recommendation) : result.recommendation,
    override: applied(recOverride),
  };
  return {
    scores,
    recommendation,
    // The AI's overall comes from its unrounded competency scores; recomputing it from the rounded
    // ones could move it by 0.1, so it is recomputed only when HR has changed a score.
    overall: scores.some((s) => s.override) ? weightedOverall(scores.map((s) => ({ weight: s.weight, score: s.effective }))) : result.overallScore,
    overridden: latest.size > 0,
  };
}
