import { interviewAnalysisResultSchema, RECOMMENDATIONS, type Recommendation } from "../analysis/analysis.schema";
import type { Db, InvitationStatus } from "../db/client";
import { DomainError, notFound } from "../errors";
import { effectiveStatus } from "../invitations/status";
import { engineLabel, overrideSelect, readRubricOf } from "../review/analysis";
import { effectiveValues } from "../review/effective";
import { readRubric, templateSnapshotSchema } from "../templates/versions";
import { OVERALL_SORT, type CompareCandidatesInput } from "./comparison.schema";
import { hasSkill } from "../users/skills";

export type ComparisonCompetency = { id: string; competency: string; weight: number };

export type ComparisonScore = { ai: number | null; effective: number | null; overridden: boolean };

export type ComparisonRow = {
  rank: number | null;
  invitationId: string;
  candidateName: string;
  candidateEmail: string;
  /** The candidate's profile skills; none when they answered without an account. */
  skills: string[];
  status: InvitationStatus;
  completedAt: Date | null;
  /** Multiple-choice questions scored by key: the points earned (0-1 each) out of how many such questions; null without any. */
  keyPoints: { earned: number; of: number } | null;
  analysis: {
    id: string;
    engine: string;
    engineLabel: string;
    createdAt: Date;
    aiOverall: number;
    overall: number | null;
    /** The AI's mean criterion coverage, which breaks ties between equal scores. */
    coverage: number | null;
    scores: Record<string, ComparisonScore>;
    recommendation: { ai: Recommendation; effective: Recommendation; overridden: boolean };
    overridden: boolean;
    flagged: boolean;
  } | null;
};

function sortValue(row: ComparisonRow, sort: string): number | null {
  if (!row.analysis) return null;
  return sort === OVERALL_SORT ? row.analysis.overall : (row.analysis.scores[sort]?.effective ?? null);
}

/** The key's points of one interview, out of its version's scored multiple-choice questions (unanswered ones earn 0). */
function keyPointsOf(snapshot: unknown, earned: number): ComparisonRow["keyPoints"] {
  const parsed = templateSnapshotSchema.safeParse(snapshot);
  const of = parsed.success ? parsed.data.questions.filter((q) => q.type === "MULTIPLE_CHOICE" && q.scoreByKey).length : 0;
  return of ? { earned: Math.round(earned * 100) / 100, of } : null;
}

/**
 * A template's candidates side by side, scored as HR sees them (overrides applied and the overall
 * recomputed from them), ranked by the overall or one competency, highest first (ties: see the sort); candidates without
 * an analysis, or without that score, come last. Statuses are the effective ones (a past-due open
 * invitation is expired), and the recommendation filter matches the effective recommendation.
 */
export async function compareCandidates(db: Db, organizationId: string, input: CompareCandidatesInput, now: Date = new Date()) {
  const template = await db.template.findFirst({ where: { id: input.templateId, organizationId }, select: { id: true, title: true, rubric: true } });
  if (!template) throw notFound("The interview template");

  const invitations = await db.invitation.findMany({
    where: { organizationId, templateId: template.id },
    orderBy: [{ sentAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      candidateName: true,
      candidateEmail: true,
      candidateUser: { select: { skills: true } },
      status: true,
      expiresAt: true,
      completedAt: true,
      templateVersion: { select: { snapshot: true } },
    },
  });
  const analyses = await db.analysis.findMany({
    where: { organizationId, invitationId: { in: invitations.map((i) => i.id) }, responseId: null, status: "COMPLETE" },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    distinct: ["invitationId"],
    select: { id: true, invitationId: true, engine: true, createdAt: true, flagged: true, result: true, overrides: { select: overrideSelect } },
  });
  const analysisOf = new Map(analyses.map((a) => [a.invitationId, a]));
  const keyed = await db.response.findMany({
    where: { invitationId: { in: invitations.map((i) => i.id) }, type: "MULTIPLE_CHOICE", keyScore: { not: null } },
    select: { invitationId: true, keyScore: true },
  });
  const earnedOf = new Map<string, number>();
  for (const r of keyed) earnedOf.set(r.invitationId, (earnedOf.get(r.invitationId) ?? 0) + (r.keyScore ?? 0));

  const competencies: ComparisonCompetency[] = (readRubric(template.rubric) ?? []).map((r) => ({ id: r.id, competency: r.competency, weight: r.weight }));
  const addCompetency = (c: ComparisonCompetency) => {
    if (!competencies.some((k) => k.id === c.id)) competencies.push(c);
  };

  const rows: ComparisonRow[] = invitations.map((inv) => {
    const base = {
      rank: null,
      invitationId: inv.id,
      candidateName: inv.candidateName,
      candidateEmail: inv.candidateEmail,
      skills: inv.candidateUser?.skills ?? [],
      status: effectiveStatus(inv, now),
      completedAt: inv.completedAt,
      keyPoints: keyPointsOf(inv.templateVersion.snapshot, earnedOf.get(inv.id) ?? 0),
    };
    const a = analysisOf.get(inv.id);
    const parsed = a ? interviewAnalysisResultSchema.safeParse(a.result) : null;
    if (!a || !parsed?.success) return { ...base, analysis: null };
    const effective = effectiveValues(parsed.data, readRubricOf(inv.templateVersion.snapshot), a.overrides);
    for (const s of effective.scores) addCompetency({ id: s.competencyId, competency: s.competency, weight: s.weight });
    return {
      ...base,
      analysis: {
        id: a.id,
        engine: a.engine,
        engineLabel: engineLabel(a.engine),
        createdAt: a.createdAt,
        aiOverall: parsed.data.overallScore,
        overall: effective.overall,
        coverage: parsed.data.coverage ?? null,
        scores: Object.fromEntries(effective.scores.map((s) => [s.competencyId, { ai: s.ai, effective: s.effective, overridden: s.override !== null }])),
        recommendation: {
          ai: effective.recommendation.ai,
          effective: effective.recommendation.effective,
          overridden: effective.recommendation.override !== null,
        },
        overridden: effective.overridden,
        flagged: a.flagged,
      },
    };
  });

  if (input.sort !== OVERALL_SORT && !competencies.some((c) => c.id === input.sort)) {
    throw new DomainError("BAD_REQUEST", `This template has no competency "${input.sort}" to sort by.`);
  }

  const statuses = input.status?.length ? new Set<string>(input.status) : null;
  const recommendations = input.recommendation?.length ? new Set<string>(input.recommendation) : null;
  const filtered = rows.filter(
    (r) =>
      (!statuses || statuses.has(r.status)) &&
      (!recommendations || (r.analysis !== null && recommendations.has(r.analysis.recommendation.effective))) &&
      (!input.skill || hasSkill(r.skills, input.skill)),
  );

  const byRecommendation = (r: ComparisonRow) => (r.analysis ? RECOMMENDATIONS.indexOf(r.analysis.recommendation.effective) : -1);
  filtered.sort((x, y) => {
    const vx = sortValue(x, input.sort);
    const vy = sortValue(y, input.sort);
    if (vx !== vy) return vy === null ? -1 : vx === null ? 1 : vy - vx;
    // Ties (scores have one decimal): the stronger recommendation, then the overall, then the
    // answers' mean criterion coverage, then whoever finished first.
    const rx = byRecommendation(x);
    const ry = byRecommendation(y);
    if (rx !== ry) return ry - rx;
    const ox = x.analysis?.overall ?? -1;
    const oy = y.analysis?.overall ?? -1;
    if (ox !== oy) return oy - ox;
    const cx = x.analysis?.coverage ?? -1;
    const cy = y.analysis?.coverage ?? -1;
    if (cx !== cy) return cy - cx;
    return (x.completedAt?.getTime() ?? Infinity) - (y.completedAt?.getTime() ?? Infinity) || x.candidateName.localeCompare(y.candidateName);
  });
  let rank = 0;
  for (const r of filtered) if (sortValue(r, input.sort) !== null) r.rank = ++rank;

  return { template: { id: template.id, title: template.title }, competencies, sort: input.sort, rows: filtered };
}

export type Comparison = Awaited<ReturnType<typeof compareCandidates>>;
