import type { AnswerAnalysisResult, Claim, CompetencyScore, Evidence, InterviewAnalysisResult, Recommendation } from "./analysis.schema";
import { RECOMMENDATION_LABELS } from "./analysis.schema";
import { cosine, type InterviewInput, type SnapshotQuestion } from "./analyzer";
import { withThemes } from "./lexicon";

/**
 * Recommendation bands on the overall 1-5 score, each one point wide: below 2 strong no, below 3
 * no, below 4 yes, 4 and above strong yes. "One band" in the tests means one step of this scale.
 */
export function recommendationFor(overall: number): Recommendation {
  if (overall < 2) return "strong_no";
  if (overall < 3) return "no";
  if (overall < 4) return "yes";
  return "strong_yes";
}

/** A written answer (notice period, availability) shows presence and clarity, not a competency. */
const TEXT_QUESTION_WEIGHT = 0.1;
/** How sharply a competency's score follows the questions most related to it. */
const RELEVANCE_TEMPERATURE = 0.05;
const EVIDENCE_PER_COMPETENCY = 3;
/** Strengths and concerns carried up from the answers, taken in turn from each so every question is heard. */
const MAX_CLAIMS = 12;

const label = (q: SnapshotQuestion) => `Q${q.position + 1}`;
const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * The whole interview from its answers: each rubric competency is the mean of the answers' scores
 * weighted by how related each question is to what the competency looks for (a softmax of their
 * embedding similarity, both texts widened with the themes they name; a question without an answer
 * counts as 1), with the quotes closest to what it looks for as evidence. Overall is the
 * rubric-weighted mean of the competency scores.
 */
export async function aggregateInterview(
  input: InterviewInput,
  answers: AnswerAnalysisResult[],
  embed: (texts: string[]) => Promise<number[][]>,
): Promise<InterviewAnalysisResult> {
  const { snapshot } = input;
  const questions = [...input.answers.map((a) => a.question), ...input.unanswered].sort((a, b) => a.position - b.position);
  const byQuestion = new Map(answers.map((a) => [a.questionId, a]));
  const evidence = dedupeEvidence(answers.flatMap((a) => [...a.criteria.flatMap((c) => c.evidence), ...a.strengths.flatMap((s) => s.evidence)]));

  const competencyTexts = snapshot.rubric.map((r) => withThemes(`${r.competency}: ${r.looksFor}`));
  const questionTexts = questions.map((q) => withThemes(`${q.prompt}: ${q.criteria}`));
  const vectors = await embed([...competencyTexts, ...questionTexts, ...evidence.map((e) => e.quote)]);
  const compVec = vectors.slice(0, competencyTexts.length);
  const questionVec = vectors.slice(competencyTexts.length, competencyTexts.length + questionTexts.length);
  const evidenceVec = vectors.slice(competencyTexts.length + questionTexts.length);

  const evidenceHome = evidenceVec.map((v) => argmax(compVec.map((c) => cosine(v, c))));

  const scores: CompetencyScore[] = snapshot.rubric.map((r, ci) => {
    const raw = questions.map((q, qi) => Math.exp(cosine(questionVec[qi]!, compVec[ci]!) / RELEVANCE_TEMPERATURE) * (q.type === "TEXT" ? TEXT_QUESTION_WEIGHT : 1));
    const total = raw.reduce((s, w) => s + w, 0) || 1;
    const parts = questions.map((q, qi) => ({ q, weight: raw[qi]! / total, score: byQuestion.get(q.id)?.score ?? 1 }));
    const weighted = parts.reduce((s, p) => s + p.weight * p.score, 0);
    const score = clampScore(Math.round(weighted));
    const mine = evidence
      .map((e, i) => ({ e, sim: cosine(evidenceVec[i]!, compVec[ci]!), home: evidenceHome[i] === ci }))
      .filter((x) => x.home)
      .sort((a, b) => b.sim - a.sim)
      .slice(0, EVIDENCE_PER_COMPETENCY)
      .map((x) => x.e);
    const rationale =
      `${round2(weighted)} from ` +
      parts
        .filter((p) => p.weight >= 0.05)
        .sort((a, b) => b.weight - a.weight)
        .map((p) => `${label(p.q)} ${p.score}/5 (weight ${Math.round(p.weight * 100)}%${byQuestion.has(p.q.id) ? "" : ", not answered"})`)
        .join(", ") +
      `; looks for ${r.looksFor}.`;
    return { competencyId: r.id, competency: r.competency, weight: r.weight, score, rationale, evidence: mine };
  });

  const weightSum = scores.reduce((s, c) => s + c.weight, 0);
  const overallScore = round2(weightSum > 0 ? scores.reduce((s, c) => s + c.weight * c.score, 0) / weightSum : 1);
  const recommendation = recommendationFor(overallScore);

  const prefixed = (a: AnswerAnalysisResult, claims: Claim[]) => claims.map((c) => ({ text: `${labelOf(questions, a.questionId)}: ${c.text}`, evidence: c.evidence }));
  const strengths = roundRobin(answers.filter((a) => a.score >= 3).map((a) => prefixed(a, a.strengths)), MAX_CLAIMS);
  const concerns: Claim[] = [
    ...input.unanswered.map((q) => ({ text: `${label(q)}: no answer to analyse`, evidence: [] })),
    ...roundRobin(answers.map((a) => prefixed(a, a.concerns)), MAX_CLAIMS),
  ];
  const flags = answers.flatMap((a) => a.flags);

  const best = [...scores].sort((a, b) => b.score - a.score || b.weight - a.weight)[0];
  const worst = [...scores].sort((a, b) => a.score - b.score || b.weight - a.weight)[0];
  const manip = flags.filter((f) => f.kind === "manipulation").length;
  const noAnswer = flags.filter((f) => f.kind === "no_answer").length + input.unanswered.length;
  const summary = [
    `Overall ${overallScore.toFixed(1)}/5 (${RECOMMENDATION_LABELS[recommendation]}) across ${answers.length} answer${answers.length === 1 ? "" : "s"}.`,
    best && worst && best.score !== worst.score ? `Strongest: ${best.competency} (${best.score}/5); weakest: ${worst.competency} (${worst.score}/5).` : "",
    noAnswer > 0 ? `${noAnswer} question${noAnswer === 1 ? "" : "s"} without a substantive answer.` : "",
    manip > 0 ? `${manip} answer${manip === 1 ? "" : "s"} tried to steer the evaluation; that earned no credit and needs a reviewer's attention.` : "",
  ]
    .filter(Boolean)
    .join(" ");

  return { kind: "interview", scores, overallScore: Math.min(5, Math.max(1, overallScore)), recommendation, summary, strengths, concerns, flags };
}

function labelOf(questions: SnapshotQuestion[], questionId: string): string {
  const q = questions.find((x) => x.id === questionId);
  return q ? label(q) : "Answer";
}

function roundRobin<T>(lists: T[][], max: number): T[] {
  const out: T[] = [];
  for (let i = 0; out.length < max && lists.some((l) => i < l.length); i++) {
    for (const l of lists) if (i < l.length && out.length < max) out.push(l[i]!);
  }
  return out;
}

function clampScore(n: number): number {
  return Math.min(5, Math.max(1, n));
}

function argmax(values: number[]): number {
  let best = 0;
  values.forEach((v, i) => {
    if (v > values[best]!) best = i;
  });
  return best;
}

function dedupeEvidence(list: Evidence[]): Evidence[] {
  const seen = new Set<string>();
  return list.filter((e) => {
    const key = `${e.responseId}|${e.startMs}|${e.quote}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
