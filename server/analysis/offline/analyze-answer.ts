import type { AnswerAnalysisResult, Claim, Evidence, Flag } from "../analysis.schema";
import { splitCriteria, type AnswerInput } from "../analyzer";
import { COVERED, coverageSummary, describeCoverage, NOT_COVERED, roundScore } from "../coverage";
import { findManipulation, manipulationFlag, withoutManipulation } from "../injection";
import { speakingMetrics } from "../metrics";
import { passages, tokenize } from "../text";
import { indexAnswer, locateQuote } from "../verify-quotes";
import { passageCoverage } from "./coverage";
import { criterionWords, readPassage, type ReadPassage } from "./read-answer";
import { substance } from "./substance";

/**
 * An answer's score is 1 + 4 × (COVERAGE_SHARE × mean criterion coverage + the rest × substance),
 * with one decimal. Coverage says whether it is about what the question asks; substance whether it
 * says anything specific (see ./substance). An answer of about one sentence, or one that names
 * things without a single action, can't score above LOW_CAP however well its words match. An
 * answer that tries to steer the evaluation scores 1.0 whatever else it says: gaming the read must
 * never pay, and the flag sends it to a person.
 */
const COVERAGE_SHARE = 0.55;
export const LOW_CAP = 2;
/** About one spoken sentence: offline transcripts have no punctuation, so length decides too. */
const ONE_SENTENCE_WORDS = 20;
const SHORT_SENTENCE_WORDS = 35;

/** Saying one does not know, cannot remember, or passes; only in a short passage, where it is the whole point. */
const NO_KNOWLEDGE =
  /\b(i|we)\s*(do not|don't|dont|can't|cannot|am not|'m not|im not)\s*(really\s+)?(know|sure|remember|recall|think of|have (an?|any) (example|answer|idea|experience))\b|\bno idea\b|\bnot sure\b|\bpass on this\b/i;
const REFUSAL_MAX_WORDS = 12;

const round3 = (n: number) => Math.round(n * 1000) / 1000;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/**
 * One answer, deterministically. A recorded answer: how well each of the question's criteria is
 * covered (soft word matching, ./coverage) with the passages behind it, and how specific it is.
 * A written answer: whether it is present and definite. Sentences addressed to the evaluator are
 * flagged and set aside before anything is scored.
 */
export async function analyzeAnswerOffline(input: AnswerInput): Promise<AnswerAnalysisResult> {
  const { question, answer } = input;
  const index = indexAnswer(answer);
  const text = index.display;
  const flags: Flag[] = [];
  const findings = findManipulation(text);
  const manipulation = manipulationFlag(index, findings);
  if (manipulation) flags.push(manipulation);
  const metrics = answer.segments && answer.segments.length > 0 ? speakingMetrics(answer.segments) : null;
  const criteria = splitCriteria(question.criteria);
  const cite = (quote: string): Evidence[] => {
    const e = locateQuote(index, quote);
    return e ? [e] : [];
  };
  const base = { kind: "answer" as const, responseId: answer.responseId, questionId: question.id, metrics, flags };
  const nothing = (score: number, summary: string, concerns: Claim[]): AnswerAnalysisResult => ({
    ...base,
    score,
    criteria: criteria.map((criterion) => ({ criterion, coverage: 0, evidence: [] })),
    completeness: 0,
    summary,
    strengths: [],
    concerns,
  });

  if (tokenize(text).length === 0) {
    const detail = question.type === "TEXT" ? "The written answer is empty." : "No speech was recognised in the recording.";
    flags.push({ kind: "no_answer", detail, responseId: answer.responseId, evidence: [] });
    return nothing(1, detail, [{ text: detail, evidence: [] }]);
  }

  const merit = passages(withoutManipulation(text, findings));
  const isRefusal = (p: string) => NO_KNOWLEDGE.test(p) && tokenize(p).length <= REFUSAL_MAX_WORDS;
  const refusals = merit.filter(isRefusal);
  const substantive = merit.filter((p) => !isRefusal(p));
  const concerns: Claim[] = refusals.map((p) => ({ text: "Says they cannot answer", evidence: cite(p) }));

  if (substantive.length === 0) {
    if (manipulation)
      return nothing(1, "The answer only addresses the evaluation; nothing in it answers the question, so it earns no credit.", [
        { text: "Nothing in the answer addresses the question", evidence: [] },
      ]);
    return nothing(1, "Says they cannot answer the question.", concerns);
  }

  if (question.type === "TEXT") return textAnswer(input, { substantive, concerns, flags, cite, criteria });

  const read = substantive.map(readPassage);
  const results = criteria.map((criterion) => {
    const words = criterionWords(criterion);
    const perPassage = read.map((p) => ({ p, coverage: passageCoverage(words, p) }));
    const coverage = Math.max(0, ...perPassage.map((x) => x.coverage));
    const evidence = perPassage
      .filter((x) => x.coverage >= NOT_COVERED)
      .sort((a, b) => b.coverage - a.coverage)
      .slice(0, 2)
      .flatMap((x) => cite(x.p.text));
    return { criterion, coverage: round3(coverage), evidence };
  });

  const s = substance(read, question.timeLimitSec);
  const summaryOfCoverage = coverageSummary(results);
  const wordCount = metrics?.wordCount ?? tokenize(text).length;
  const sentences = read.reduce((n, p) => n + p.sentences, 0);
  const oneSentence = s.words < ONE_SENTENCE_WORDS || (sentences <= 1 && s.words < SHORT_SENTENCE_WORDS);
  const raw = 1 + 4 * (COVERAGE_SHARE * summaryOfCoverage.mean + (1 - COVERAGE_SHARE) * s.score);
  const capped = oneSentence || s.actions === 0;
  const score = manipulation ? 1 : roundScore(capped ? Math.min(LOW_CAP, raw) : raw);

  const covered = results.filter((r) => r.coverage >= COVERED);
  const missing = results.filter((r) => r.coverage < NOT_COVERED);
  const strengths: Claim[] = covered.map((r) => ({ text: `Covers ${r.criterion}`, evidence: r.evidence.slice(0, 1) }));
  if (s.quantities >= 2) strengths.push({ text: "Gives concrete figures", evidence: bestQuantity(read).flatMap((p) => cite(p.text)) });
  concerns.push(...missing.map((r) => ({ text: `No mention of ${r.criterion}`, evidence: [] })));
  const shortReason = oneSentence
    ? `Short answer: ${plural(wordCount, "word")}, about one sentence, with no situation, actions or results to go on`
    : s.actions === 0
      ? "Names topics without saying what was done"
      : s.score < 0.4
        ? `Few specifics: ${plural(s.actions, "action")}, ${plural(s.quantities, "number or time")} in ${plural(wordCount, "word")}`
        : null;
  if (shortReason) concerns.push({ text: shortReason, evidence: [] });
  if (metrics && metrics.wordCount >= 20 && metrics.fillerRate > 0.06)
    concerns.push({ text: `Frequent filler words (${metrics.fillerWords} in ${metrics.wordCount})`, evidence: [] });

  const summary = [
    `${describeCoverage(summaryOfCoverage)}${covered.length ? `: ${covered.map((r) => r.criterion).join(", ")}` : ""}.`,
    missing.length ? `Missing: ${missing.map((r) => r.criterion).join(", ")}.` : "",
    shortReason ? `${shortReason}.` : `Specific: ${plural(s.actions, "action")}, ${plural(s.quantities, "number or time")}.`,
    metrics ? `${wordCount} words in ${Math.round(metrics.durationSec)} s (${Math.round(metrics.wordsPerMinute)} wpm).` : "",
    manipulation ? "The answer tries to steer the evaluation, so it is scored 1.0 whatever else it says; a reviewer should read it." : "",
  ]
    .filter(Boolean)
    .join(" ");

  return { ...base, score, criteria: results, completeness: round3(s.score), summary, strengths, concerns };
}

function bestQuantity(read: ReadPassage[]): ReadPassage[] {
  const best = [...read].sort((a, b) => b.quantities - a.quantities)[0];
  return best && best.quantities > 0 ? [best] : [];
}

type TextParts = {
  substantive: string[];
  concerns: Claim[];
  flags: Flag[];
  cite: (q: string) => Evidence[];
  criteria: string[];
};

const HEDGE = /\b(depends|maybe|perhaps|not sure|possibly|probably|tbd|to be decided|i guess|we'?ll see)\b/i;
const DIRECT_ANSWER_WORDS = 60;

/** A written answer is read for presence and clarity only: a short, definite answer is a clear one. */
function textAnswer(input: AnswerInput, { substantive, concerns, flags, cite, criteria }: TextParts): AnswerAnalysisResult {
  const answerText = substantive.join(" ");
  const hedged = HEDGE.test(answerText);
  const clear = !hedged && tokenize(answerText).length <= DIRECT_ANSWER_WORDS;
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
