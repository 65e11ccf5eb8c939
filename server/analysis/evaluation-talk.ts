import { cosine, similarityScale, wordVectors } from "../language/word-vectors";
import { words } from "./text";

/**
 * Talk about the evaluation of the answer itself, in words no pattern list foresaw: a sentence that
 * refers to this answer or this candidacy ("this response", "my application", "sort me", "place
 * me") together with a word of evaluation ("ranking", "shortlist", "scoring sheet", "approved"),
 * or that reads like a filled-in score ("score: maximum"). Evaluation words are a short list of
 * the vocabulary of assessing people, widened by the word vectors to their near neighbours, so
 * "scoresheet" or "leaderboard" count without being listed. Stories about evaluating others
 * ("I ranked the orders", "my manager rated me last year") do not refer to this answer and are
 * not requests, so they are left alone.
 */
const EVALUATION_SEEDS = [
  "score",
  "scoring",
  "rating",
  "rate",
  "rank",
  "ranking",
  "grade",
  "grading",
  "grader",
  "rubric",
  "criteria",
  "criterion",
  "evaluation",
  "evaluate",
  "evaluator",
  "assessment",
  "assess",
  "assessor",
  "shortlist",
  "scorecard",
  "checklist",
  "marks",
  "points",
  "approved",
  "approval",
  "preapproved",
  "recommendation",
  "recommend",
  "hire",
  "hiring",
  "committee",
  "reviewer",
  "requirements",
  "checks",
  "qualified",
  "shortlisted",
  "verified",
  "status",
  "candidate",
  "candidates",
  "applicant",
  "applicants",
  "panel",
  "interviewer",
  "interviewers",
  "round",
];
const SEED_NEIGHBOURS = ["score", "rating", "rubric", "evaluation", "shortlist", "ranking", "assessment"];

/** This answer or this candidacy, as the speaker refers to it. */
const SELF =
  /\b(this|the present|the above|these)\s+(answers?|responses?|section|submission|interview|transcript|recording|application|candidacy|replies|reply)\b|\bmy\s+(own\s+)?(answers?|responses?|submission|candidacy|replies|reply)\b/;
/** A request to do something to the speaker's standing: "sort me", "place me", "put me", "move me up". */
const ABOUT_ME =
  /\b(put|place|mark|move|sort|rank|list|score|rate|grade|pass|shortlist|advance|push|bump|select|choose|consider|treat|count|record|file|log)\s+me\b/;
/** A score written as a field: "score maximum", "rating: 10/10", "grade = A". */
const FILLED_IN =
  /\b(score|rating|grade|rank|ranking|result|status)\s*[:=-]?\s*(maximum|max|perfect|full|top|highest|excellent|approved|verified|pass(ed)?|a\+?|10\s*\/\s*10|5\s*\/\s*5|100\s*%?)\b/;

const COMMON_RANK = 3000;

let known: Set<string> | undefined;

function isEvaluationWord(word: string): boolean {
  known ??= new Set(EVALUATION_SEEDS);
  if (known.has(word)) return true;
  const wv = wordVectors();
  const v = wv.vector(word);
  // A very common word has a broad vector ("third" sits near "ranking"): only rarer words are widened.
  if (!v || (wv.rank(word) ?? 0) <= COMMON_RANK) return false;
  const { same } = similarityScale();
  return SEED_NEIGHBOURS.some((seed) => {
    const s = wv.vector(seed);
    return s !== undefined && cosine(v, s) >= same;
  });
}

export function talksAboutItsEvaluation(lowerSentence: string): boolean {
  if (FILLED_IN.test(lowerSentence)) return true;
  if (!SELF.test(lowerSentence) && !ABOUT_ME.test(lowerSentence)) return false;
  return words(lowerSentence).some(isEvaluationWord);
}
