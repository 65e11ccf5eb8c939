import type { AnswerAnalysisResult, Claim, Evidence, Flag } from "../analysis.schema";
import { splitCriteria, cosine, type AnswerInput, type RetrievedContext } from "../analyzer";
import { findManipulation, manipulationFlag, withoutManipulation } from "../injection";
import { speakingMetrics } from "../metrics";
import type { SnapshotRubricItem } from "../../templates/versions";
import { containsPhrase, passageStems, relatedTerms } from "../lexicon";
import { contentStems, isStopword, passages, tokenize } from "../text";
import { indexAnswer, locateQuote } from "../verify-quotes";

/**
 * A criterion's coverage is the stronger of two signals per passage: its meaning (embedding
 * similarity to the criterion and to the criterion expanded with rubric context) and its words (the
 * criterion's own words said, or terms of the theme it names, see ../lexicon).
 * Similarity between a criterion and a passage is mapped linearly from SIM_FLOOR (unrelated text
 * scores about this) to SIM_CEIL (a passage that plainly addresses the criterion) onto 0..1.
 */
export const SIM_FLOOR = 0.15;
export const SIM_CEIL = 0.55;
/** Coverage from one related term of the criterion's theme (two or more count fully). */
const RELATED_TERM_CREDIT = 0.7;
/** A criterion at or above this coverage is a strength; below NOT_COVERED a concern. */
export const COVERED = 0.5;
export const NOT_COVERED = 0.3;
/** A complete answer uses about this share of its time limit at 2.5 spoken words a second. */
const EXPECTED_SHARE_OF_LIMIT = 0.3;
const WORDS_PER_SEC = 2.5;
/** Completeness is mostly length, partly concrete detail (numbers, durations, amounts). */
const LENGTH_SHARE = 0.7;
const EXPECTED_DETAILS = 3;
/** Coverage weighs more than completeness in an answer's score (combined 0..1 maps onto 1..5). */
const COVERAGE_SHARE = 0.7;

const NO_KNOWLEDGE =
  /\b(i|we)\s*(do not|don't|dont|really don't|can't|cannot|am not|'m not|im not)\s*(really\s+)?(know|sure|remember|recall|think of|have (an?|any) (example|answer|idea|experience))\b|\bno idea\b|\bnot sure\b|\bpass on this\b/i;
const REFUSAL_MAX_WORDS = 8;
const FILLERS = new Set(["um", "umm", "uh", "uhh", "er", "erm", "ah", "hmm", "mm", "eh", "like", "basically", "actually", "so", "well", "yeah", "okay", "ok"]);

export type OfflineDeps = {
  embed: (texts: string[]) => Promise<number[][]>;
  /** Used to expand criteria when retrieval found no rubric passage for the question. */
  rubric: SnapshotRubricItem[];
};

const clamp01 = (n: number) => Math.min(1, Math.max(0, n));
const round3 = (n: number) => Math.round(n * 1000) / 1000;

function contentWordCount(text: string): number {
  return tokenize(text).filter((t) => !isStopword(t.norm) && !FILLERS.has(t.norm)).length;
}

const NUMBER_WORDS =
  /^(\d[\d.,]*%?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|hundred|thousand|million|billion|half|dozen)$/;
const UNITS = /^(ms|milliseconds?|seconds?|minutes?|hours?|days?|weeks?|months?|years?|percent|rows|requests|users|x)$/;

/** Concrete details in a passage: numbers, and amounts of time or things. */
function concreteDetails(passage: string): number {
  const ws = tokenize(passage).map((t) => t.norm);
  let n = 0;
  for (let i = 0; i < ws.length; i++) {
    if (NUMBER_WORDS.test(ws[i]!) && !(i > 0 && NUMBER_WORDS.test(ws[i - 1]!))) n++;
    else if (UNITS.test(ws[i]!) && i > 0 && /^(a|an|the|per)$/.test(ws[i - 1]!)) n++;
  }
  return n;
}

/** Share of the criterion's own words (stemmed) that the passage says. */
function termMatch(criterionStems: string[], passageStems: Set<string>): number {
  if (criterionStems.length === 0) return 0;
  return criterionStems.filter((s) => passageStems.has(s)).length / criterionStems.length;
}

/**
 * One answer, deterministically: for a recorded answer, how well each of the question's criteria is
 * covered (meaning and words), how complete the answer is, and the verbatim passages behind each;
 * for a written answer, whether it is present and clear. Manipulative sentences are set aside first
 * and earn nothing.
 */
export async function analyzeAnswerOffline(input: AnswerInput, deps: OfflineDeps): Promise<AnswerAnalysisResult> {
  const { question, answer } = input;
  const index = indexAnswer(answer);
  const text = index.display;
  const findings = findManipulation(text);
  const flags: Flag[] = [];
  const manipulation = manipulationFlag(index, findings);
  if (manipulation) flags.push(manipulation);

  const merit = passages(withoutManipulation(text, findings));
  // "Not sure" inside a long passage is a hedge within an answer, not a refusal to answer.
  const isRefusal = (p: string) => NO_KNOWLEDGE.test(p) && contentWordCount(p) <= REFUSAL_MAX_WORDS;
  const noKnowledge = merit.filter(isRefusal);
  const substantive = merit.filter((p) => !isRefusal(p));
  const substanceWords = substantive.reduce((n, p) => n + contentWordCount(p), 0);
  const metrics = answer.segments && answer.segments.length > 0 ? speakingMetrics(answer.segments) : null;
  const criteria = splitCriteria(question.criteria);
  const cite = (quote: string): Evidence[] => {
    const e = locateQuote(index, quote);
    return e ? [e] : [];
  };
  const concerns: Claim[] = noKnowledge.map((p) => ({ text: "Says they cannot answer", evidence: cite(p) }));

  const noAnswer = substanceWords < (question.type === "TEXT" ? 1 : 3);
  if (noAnswer) {
    flags.push({
      kind: "no_answer",
      detail: text.trim() ? "The answer has no substance to score once set-aside sentences are removed." : "The answer is empty.",
      responseId: answer.responseId,
      evidence: noKnowledge.flatMap(cite),
    });
    return {
      kind: "answer",
      responseId: answer.responseId,
      questionId: question.id,
      score: 1,
      criteria: criteria.map((criterion) => ({ criterion, coverage: 0, evidence: [] })),
      completeness: 0,
      summary: manipulation ? "No answer on the merits: the answer only tries to steer the evaluation." : "No substantive answer.",
      strengths: [],
      concerns: concerns.length > 0 ? concerns : [{ text: "No substantive answer", evidence: [] }],
      metrics,
      flags,
    };
  }

  if (question.type === "TEXT") return textAnswer(input, { substantive, concerns, flags, cite, criteria });

  const expansions = await expansionsFor(criteria, input.context, deps);
  const vectors = await deps.embed([...criteria, ...criteria.map((c, i) => `${c}. ${expansions[i]}`), ...substantive]);
  const critVec = vectors.slice(0, criteria.length);
  const expVec = vectors.slice(criteria.length, criteria.length * 2);
  const passVec = vectors.slice(criteria.length * 2);
  const passageWords = substantive.map((p) => new Set(contentStems(p)));
  const passageSeq = substantive.map(passageStems);
  const allWords = new Set(passageWords.flatMap((w) => [...w]));

  const results = criteria.map((criterion, ci) => {
    const own = [...new Set(contentStems(criterion))];
    const related = relatedTerms(criterion);
    const perPassage = substantive.map((p, pi) => {
      const sim = 0.7 * cosine(critVec[ci]!, passVec[pi]!) + 0.3 * cosine(expVec[ci]!, passVec[pi]!);
      const semantic = clamp01((sim - SIM_FLOOR) / (SIM_CEIL - SIM_FLOOR));
      const hits = related.filter((r) => containsPhrase(passageSeq[pi]!, r.stems)).length;
      const lexical = Math.max(termMatch(own, passageWords[pi]!), hits >= 2 ? 1 : hits === 1 ? RELATED_TERM_CREDIT : 0);
      return { passage: p, semantic, score: Math.max(semantic, lexical) };
    });
    const wholeTerms = termMatch(own, allWords);
    const coverage = clamp01(Math.max(wholeTerms, ...perPassage.map((p) => p.score)));
    const ranked = perPassage.filter((p) => p.score >= NOT_COVERED).sort((a, b) => b.score - a.score || b.semantic - a.semantic);
    return { criterion, coverage: round3(coverage), evidence: ranked.slice(0, 2).flatMap((p) => cite(p.passage)) };
  });

  const target = Math.max(10, question.timeLimitSec * WORDS_PER_SEC * EXPECTED_SHARE_OF_LIMIT * 0.5);
  const fillerShare = metrics?.fillerRate ?? 0;
  const specifics = substantive.reduce((n, p) => n + concreteDetails(p), 0);
  const completeness = round3(
    (LENGTH_SHARE * clamp01(substanceWords / target) + (1 - LENGTH_SHARE) * clamp01(specifics / EXPECTED_DETAILS)) * (1 - Math.min(0.5, fillerShare * 2)),
  );
  const meanCoverage = results.reduce((s, r) => s + r.coverage, 0) / Math.max(1, results.length);
  const combined = COVERAGE_SHARE * meanCoverage + (1 - COVERAGE_SHARE) * completeness;
  const score = Math.min(5, Math.max(1, 1 + Math.round(combined * 4)));

  const covered = results.filter((r) => r.coverage >= COVERED);
  const missing = results.filter((r) => r.coverage < NOT_COVERED);
  const strengths: Claim[] = covered.map((r) => ({ text: `Covers ${r.criterion}`, evidence: r.evidence.slice(0, 1) }));
  concerns.push(...missing.map((r) => ({ text: `No mention of ${r.criterion}`, evidence: [] })));
  if (completeness < 0.5) concerns.push({ text: `Brief answer: ${substanceWords} substantive words for a ${question.timeLimitSec}-second question`, evidence: [] });
  if (metrics && metrics.wordCount >= 20 && metrics.fillerRate > 0.06) concerns.push({ text: `Frequent filler words (${metrics.fillerWords} in ${metrics.wordCount})`, evidence: [] });

  const summary = [
    `Covers ${covered.length} of ${criteria.length} criteria${covered.length ? ` (${covered.map((r) => r.criterion).join(", ")})` : ""}.`,
    missing.length ? `Missing: ${missing.map((r) => r.criterion).join(", ")}.` : "",
    metrics ? `${metrics.wordCount} words in ${Math.round(metrics.durationSec)} s (${Math.round(metrics.wordsPerMinute)} wpm).` : "",
    manipulation ? "Sentences that try to steer the evaluation were set aside." : "",
  ]
    .filter(Boolean)
    .join(" ");

  return { kind: "answer", responseId: answer.responseId, questionId: question.id, score, criteria: results, completeness, summary, strengths, concerns, metrics, flags };
}

/**
 * Each criterion with the rubric context closest to it in meaning: what retrieval found for the
 * question, or the rubric's competencies when retrieval found none.
 */
async function expansionsFor(criteria: string[], context: RetrievedContext[], deps: OfflineDeps): Promise<string[]> {
  const retrieved = context.filter((c) => c.source === "RUBRIC").map((c) => c.content);
  const candidates = retrieved.length > 0 ? retrieved : deps.rubric.map((r) => `${r.competency}: ${r.looksFor}`);
  if (candidates.length === 0) return criteria.map(() => "");
  const vectors = await deps.embed([...criteria, ...candidates]);
  const candVec = vectors.slice(criteria.length);
  return criteria.map((_, ci) => {
    const sims = candVec.map((v) => cosine(vectors[ci]!, v));
    return candidates[sims.indexOf(Math.max(...sims))]!;
  });
}

type TextParts = {
  substantive: string[];
  concerns: Claim[];
  flags: Flag[];
  cite: (q: string) => Evidence[];
  criteria: string[];
};

const HEDGE = /\b(depends|maybe|perhaps|not sure|possibly|probably|tbd|to be decided|i guess|we'?ll see)\b/i;

/** A written answer is read for presence and clarity only: a short, definite answer is a clear one. */
function textAnswer(input: AnswerInput, { substantive, concerns, flags, cite, criteria }: TextParts): AnswerAnalysisResult {
  const answerText = substantive.join(" ");
  const hedged = HEDGE.test(answerText);
  const clear = !hedged && contentWordCount(answerText) <= 60;
  const coverage = clear ? 1 : 0.5;
  const evidence = cite(answerText).length > 0 ? cite(answerText) : substantive.slice(0, 1).flatMap(cite);
  if (!clear) concerns.push({ text: hedged ? "The answer is not definite" : "The answer is long for a direct question", evidence });
  return {
    kind: "answer",
    responseId: input.answer.responseId,
    questionId: input.question.id,
    score: clear ? 5 : 3,
    criteria: (criteria.length > 0 ? criteria : ["a clear answer"]).map((criterion) => ({ criterion, coverage, evidence })),
    completeness: 1,
    summary: clear ? `Clear answer: “${answerText}”` : `Answered, not definitely: “${answerText}”`,
    strengths: clear ? [{ text: "Clear, direct answer", evidence }] : [],
    concerns,
    metrics: null,
    flags,
  };
}
