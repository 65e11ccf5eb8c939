import type { AnswerAnalysisResult, Claim, CompetencyScore, Evidence, InterviewAnalysisResult, Recommendation } from "./analysis.schema";
import { RECOMMENDATION_LABELS } from "./analysis.schema";
import { cosine, type InterviewInput, type SnapshotQuestion } from "./analyzer";
import { coverageSummary, roundScore } from "./coverage";

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
/** A question weighing at least this much in a competency is one it was "scored from", and may be quoted for it. */
const SCORED_FROM = 0.15;
const EVIDENCE_PER_COMPETENCY = 3;
/** Strengths and concerns carried up from the answers, taken in turn from each so every question is heard. */
const MAX_CLAIMS = 12;

const label = (q: SnapshotQuestion) => `Q${q.position + 1}`;
const one = (n: number) => n.toFixed(1);

/**
 * The whole interview from its answers. Each rubric competency is the mean of the answers' scores
 * weighted by how related each question is to what the competency looks for (a softmax of their
 * embedding similarity; a question without an answer counts as 1), with one decimal. Its evidence
 * is quoted only from the answers it was scored from, those closest to what it looks for; when they
 * have nothing to quote, the rationale says so. Overall is the rubric-weighted mean of the
 * competency scores, with one decimal; `coverage` (the mean criterion coverage of the recorded
 * answers) breaks ties between equal overall scores. An interview in which any answer tries to steer
 * the evaluation is not scored (see `steered`).
 */
export async function aggregateInterview(
  input: InterviewInput,
  answers: AnswerAnalysisResult[],
  embed: (texts: string[]) => Promise<number[][]>,
): Promise<InterviewAnalysisResult> {
  const { snapshot } = input;
  const questions = [...input.answers.map((a) => a.question), ...input.unanswered].sort((a, b) => a.position - b.position);
  const byQuestion = new Map(answers.map((a) => [a.questionId, a]));
  const evidenceOf = (a: AnswerAnalysisResult) => dedupeEvidence([...a.criteria.flatMap((c) => c.evidence), ...a.strengths.flatMap((s) => s.evidence)]);
  const allEvidence = dedupeEvidence(answers.flatMap(evidenceOf));

  const competencyTexts = snapshot.rubric.map((r) => `${r.competency}: ${r.looksFor}`);
  const questionTexts = questions.map((q) => `${q.prompt} ${q.criteria}`);
  const vectors = await embed([...competencyTexts, ...questionTexts, ...allEvidence.map((e) => e.quote)]);
  const compVec = vectors.slice(0, competencyTexts.length);
  const questionVec = vectors.slice(competencyTexts.length, competencyTexts.length + questionTexts.length);
  const quoteVec = new Map(allEvidence.map((e, i) => [evidenceKey(e), vectors[competencyTexts.length + questionTexts.length + i]!]));

  // A candidate who tries to steer the evaluation anywhere gets no AI score for the interview (every
  // competency 1.0): a read that can be gamed in one answer can't be trusted for the others, and
  // the flag sends the interview to a person, who judges it from the recordings. Each answer keeps
  // its own analysis, so the reviewer still sees what the honest answers covered.
  const steered = answers.filter((a) => a.flags.some((f) => f.kind === "manipulation"));
  const steeredLabels = steered.map((a) => labelOf(questions, a.questionId)).join(", ");
  const unrounded: number[] = [];
  const scores: CompetencyScore[] = snapshot.rubric.map((r, ci) => {
    const raw = questions.map(
      (q, qi) => Math.exp(cosine(questionVec[qi]!, compVec[ci]!) / RELEVANCE_TEMPERATURE) * (q.type === "TEXT" ? TEXT_QUESTION_WEIGHT : 1),
    );
    const total = raw.reduce((s, w) => s + w, 0) || 1;
    const parts = questions.map((q, qi) => ({ q, weight: raw[qi]! / total, answer: byQuestion.get(q.id) }));
    const weighted = parts.reduce((s, p) => s + p.weight * (p.answer?.score ?? 1), 0);
    unrounded.push(steered.length > 0 ? 1 : weighted);
    const scoredFrom = parts.filter((p) => p.weight >= SCORED_FROM);
    const quotable = scoredFrom.flatMap((p) => (p.answer ? evidenceOf(p.answer) : []));
    const mine = quotable
      .map((e) => ({ e, sim: cosine(quoteVec.get(evidenceKey(e))!, compVec[ci]!) }))
      .sort((a, b) => b.sim - a.sim)
      .slice(0, EVIDENCE_PER_COMPETENCY)
      .map((x) => x.e);
    const from = parts
      .filter((p) => p.weight >= 0.05)
      .sort((a, b) => b.weight - a.weight)
      .map((p) => `${label(p.q)} ${p.answer ? one(p.answer.score) : "1.0"}/5 (weight ${Math.round(p.weight * 100)}%${p.answer ? "" : ", not answered"})`)
      .join(", ");
    const noQuote =
      mine.length === 0
        ? ` No quote: ${scoredFrom.map((p) => label(p.q)).join(" and ") || "the answers"} ${scoredFrom.length > 1 ? "have" : "has"} no passage that covers a criterion.`
        : "";
    const rationale =
      steered.length > 0
        ? `1.0: not scored, because the candidate tried to steer the evaluation (${steeredLabels}); the answers alone would give ${one(roundScore(weighted))} from ${from}. Judge it from the recordings.`
        : `${one(roundScore(weighted))} from ${from}; looks for ${r.looksFor}.${noQuote}`;
    return { competencyId: r.id, competency: r.competency, weight: r.weight, score: roundScore(unrounded[ci]!), rationale, evidence: mine };
  });

  const weightSum = scores.reduce((s, c) => s + c.weight, 0);
  const overallScore = roundScore(weightSum > 0 ? scores.reduce((s, c, i) => s + c.weight * unrounded[i]!, 0) / weightSum : 1);
  const recommendation = recommendationFor(overallScore);
  const recorded = answers.filter((a) => byQuestion.get(a.questionId) && questions.find((q) => q.id === a.questionId)?.type !== "TEXT");
  const coverage = steered.length > 0 ? 0 : Math.round(coverageSummary(recorded.flatMap((a) => a.criteria)).mean * 1000) / 1000;

  const prefixed = (a: AnswerAnalysisResult, claims: Claim[]) =>
    claims.map((c) => ({ text: `${labelOf(questions, a.questionId)}: ${c.text}`, evidence: c.evidence }));
  const strengths = roundRobin(
    answers.filter((a) => a.score >= 3).map((a) => prefixed(a, a.strengths)),
    MAX_CLAIMS,
  );
  const concerns: Claim[] = [
    ...input.unanswered.map((q) => ({ text: `${label(q)}: not answered`, evidence: [] })),
    ...roundRobin(
      answers.map((a) => prefixed(a, a.concerns)),
      MAX_CLAIMS,
    ),
  ];
  const flags = answers.flatMap((a) => a.flags);

  const best = [...scores].sort((a, b) => b.score - a.score || b.weight - a.weight)[0];
  const worst = [...scores].sort((a, b) => a.score - b.score || b.weight - a.weight)[0];
  const manip = flags.filter((f) => f.kind === "manipulation").length;
  const noAnswer = flags.filter((f) => f.kind === "no_answer").length + input.unanswered.length;
  const summary = [
    `Overall ${one(overallScore)}/5 (${RECOMMENDATION_LABELS[recommendation]}) across ${answers.length} answer${answers.length === 1 ? "" : "s"}.`,
    best && worst && best.score !== worst.score
      ? `Strongest: ${best.competency} (${one(best.score)}/5); weakest: ${worst.competency} (${one(worst.score)}/5).`
      : "",
    noAnswer > 0 ? `${noAnswer} question${noAnswer === 1 ? "" : "s"} without an answer.` : "",
    manip > 0
      ? `${manip} answer${manip === 1 ? "" : "s"} (${steeredLabels}) addressed the evaluation instead of the question, so the AI does not score this interview (1.0); a reviewer should judge it from the recordings.`
      : "",
  ]
    .filter(Boolean)
    .join(" ");

  return { kind: "interview", scores, overallScore, recommendation, summary, strengths, concerns, flags, coverage };
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

const evidenceKey = (e: Evidence) => `${e.responseId}|${e.startMs}|${e.quote}`;

function dedupeEvidence(list: Evidence[]): Evidence[] {
  const seen = new Set<string>();
  return list.filter((e) => {
    const key = evidenceKey(e);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
