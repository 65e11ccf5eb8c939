import type { Flag } from "./analysis.schema";
import { talksAboutItsEvaluation } from "./evaluation-talk";
import { passages } from "./text";
import { locateQuote, type AnswerIndex } from "./verify-quotes";

/**
 * Answers are untrusted data: a candidate (or a transcript of one) can speak instructions aimed at
 * the evaluator. Such sentences earn no credit, are removed before scoring, and are flagged for HR
 * with the words that were said. Both engines use this, so a model that obeys cannot hide it. The
 * patterns also hold for an offline transcript, which has no punctuation and some misheard words.
 */
/**
 * Who scores an answer, as a candidate might address them. ADDRESSEES only in direct address ("note
 * to the reviewer", "Dear assessor"), since a reviewer or an assessor is also someone a candidate
 * talks about; SCORERS anywhere near words of scoring, since nobody else scores an answer.
 */
const SCORERS =
  "evaluators?|graders?|scorers?|the ai|an ai|ai (system|model|evaluator|reviewer|screener|grader)|language model|llm|chatgpt|gpt|bot|automated (screening|scoring|review|reviewer|system|screener|evaluation)|applicant tracking system|whoever (is )?(reading|scoring|grading|reviewing|evaluating)( this)?|(whoever|whatever)( or (whoever|whatever))? (reads|scores|grades|reviews|evaluates|marks|ranks) this|(scoring|grading|evaluation|assessment|screening|ranking|hiring) (model|system|tool|engine|software|algorithm|ai|bot)";
const ADDRESSEES = `${SCORERS}|reviewers?|assessors?|screeners?|recruiters?|hiring (manager|team)`;
const EVALUATION_WORDS =
  "score[sd]?|scoring|rate[sd]?|rating|grade[sd]?|grading|marks?|points|rubric|criteri(a|on)|evaluat\\w*|assess\\w*|rank\\w*|recommend\\w*|shortlist\\w*|advance|pass me|hire me|keywords?";
const SCORE_WORDS = "perfect|full|maximum|max|highest|top|best|excellent|high|highly|well|five|ten|hundred";

const PATTERNS: { reason: string; test: RegExp }[] = [
  {
    reason: "tells the evaluator to ignore its instructions",
    test: /\b(ignore|disregard|forget|override|bypass)\s+((all|any|the|your|my|these|those|of)\s+)*((previous|prior|above|earlier|preceding|other)\s+)?(instructions?|rubric|criteria|prompts?|rules|guidelines|evaluation|scoring|directions)\b|\b(ignore|disregard|forget)\s+(all|everything)\s+(previous|prior|above|before)\b/,
  },
  {
    reason: "asks for a score",
    test: /\b(rate|score|grade|mark|give|assign|output|return|award)\b.{0,60}(\b(perfect|full|maximum|max|highest|top|best)\s+(score|scores|marks|rating|grade|points)\b|\b(five|5|ten|10|100)\s*(out of|\/)\s*(five|5|ten|10|100)\b)/,
  },
  {
    reason: "asks for a recommendation",
    test: /\b(must|should|have to|need to|will|please|i want you to)\b.{0,30}\brecommend\w*\b.{0,30}\b(hire|hiring|yes|this candidate|me)\b|\brecommend (a )?strong (hire|hiring|higher|yes)\b|\byou (must|should|will|have to|need to) (recommend|rate|score|hire)\b|\b(recommendation|verdict|decision)\s*[:=-]?\s*(is\s+)?(a\s+)?(strong\s+)?(yes|hire|pass|advance)\b|\b(this candidate|this applicant|my candidacy|i am|i'm)\b.{0,20}\bpre-?(approved|selected|cleared|screened)\b/,
  },
  {
    reason: "claims to be a system or hiring-manager instruction",
    test: /\b(this is|here is|from) (a|an|the)? ?(system|developer|admin|administrator) (message|prompt|instruction|note)|\bsystem (message|prompt|instruction)s? (from|says)\b|^system (message|prompt|override)?\s*:|\b(here are|these are|follow) (your |the |my )?new instructions\b|\bnew instructions?\s*:/,
  },
  {
    reason: "addresses the AI evaluator",
    test: /^(assistant|ai|chatgpt|gpt|llama|model|llm|system|evaluator)(\s*[,:]|\s+(you|please|ignore|now|give|rate|score|recommend|output|forget)\b)|\b(as an ai|you are (now )?(an? )?(ai|language model|assistant|evaluator))\b|<\/?\s*(system|instructions?|transcript|answer)\s*>|\[\/?inst\]/,
  },
  {
    reason: "is addressed to whoever scores the answer",
    test: new RegExp(
      `\\b(note|message|instructions?|reminder|request|summary|memo)\\s+(to|for)\\s+(the\\s+|any\\s+)?(${ADDRESSEES}|system)\\b|^(dear|attention)\\s+(the\\s+)?(${ADDRESSEES}|ai|assistant|model|system)\\b|^((hello|hi|to)\\s+)?(the\\s+)?(${ADDRESSEES}|ai)\\s*[,:]|^(to|hello|hi)\\s+(the\\s+)?(${SCORERS})\\b|\\b(${SCORERS})\\b.{0,80}\\b(${EVALUATION_WORDS})\\b|\\b(${EVALUATION_WORDS})\\b.{0,80}\\b(${SCORERS})\\b`,
    ),
  },
  {
    reason: "claims its own answer meets the criteria",
    test: new RegExp(
      `\\b(this|my|the above|the present)\\s+(answer|response|submission|reply|transcript|interview)\\b.{0,80}\\b(covers?|meets?|satisf(y|ies)|address(es)?|hits?|fulfils?|fulfills?|deserves?|earns?|merits?|demonstrates?|checks?|ticks?)\\b.{0,80}\\b(criteri(a|on)|rubric|requirements?|points?|boxes|every|all|perfect(ly)?|full)\\b|\\b(meets?|covers?|satisf(y|ies)|hits?|ticks?)\\s+(all|every|each)\\s+(of\\s+)?(the\\s+|your\\s+)?(criteri(a|on)|rubric|requirements?|boxes)\\b`,
    ),
  },
  {
    reason: "asks to be ranked or recommended",
    test: /\b(put|mark|list|count|note|write)\s+me\s+(down\s+)?(as|for)\s+(a\s+)?(strong\s+)?(yes|hire|pass|top)\b|\brank\s+(this|me|my)\b.{0,30}\b(first|top|highest)\b|\b(disregard|ignore|forget)\s+(the\s+|all\s+)?(other|remaining)\s+(applicants|candidates|answers)\b/,
  },
  {
    reason: "claims to override the evaluation",
    test: /\b(evaluation|scoring|grading|rubric|system|score|admin|reviewer)\s+override\b|^override\s*:|\[\s*(admin|system|sys|instructions?|override|assistant|internal|meta|note to (the )?(ai|grader|evaluator))\s*\]/,
  },
  {
    reason: "claims every criterion is met",
    test: /\b(every|each|all)\s+(of\s+)?(the\s+)?(box(es)?|criteri\w*|requirements?|points?|items?)\s+(on|in|of|from)\s+(your|the)\s+(list|rubric|criteria|checklist|scorecard)\b|\b(box(es)?|criteria)\s+(is|are)\s+(all\s+)?(ticked|checked|covered|met)\b/,
  },
  {
    reason: "asks the evaluator to judge it favourably",
    test: /\byou\s+(evaluate|grade|score|rate|assess|mark|judge)\s+(this|me|my|the answer|the candidate)\b|\b(this|my)\s+(answer|response|interview|submission|application)\b.{0,40}\b(highest|maximum|top|perfect|full|best)\s+(possible\s+)?(rating|score|marks?|grade)\b|\b(maximum|max|highest|top|perfect|full|best)\s+(possible\s+)?(score|rating|marks?|grade|points)\s+(to|for|on)\s+(this|my|me)\b/,
  },
  {
    reason: "asks for a score",
    test: new RegExp(`\\b(score|rate|grade|mark)\\s+(it|this|me|my answer|this answer|the answer|this candidate)\\b.{0,30}(\\b(${SCORE_WORDS})\\b|\\d)`),
  },
];

export type ManipulationFinding = { sentence: string; reasons: string[] };

/** The sentences of an answer that try to steer the evaluation, and why each was caught. */
export function findManipulation(text: string): ManipulationFinding[] {
  const findings: ManipulationFinding[] = [];
  for (const sentence of passages(text)) {
    const lower = sentence.toLowerCase().replace(/[’‘]/g, "'").replace(/\s+/g, " ");
    const reasons = PATTERNS.filter((p) => p.test.test(lower)).map((p) => p.reason);
    if (reasons.length === 0 && talksAboutItsEvaluation(lower)) reasons.push("talks about how this answer should be evaluated");
    if (reasons.length > 0) findings.push({ sentence, reasons });
  }
  return findings;
}

/** The answer without its manipulative sentences: what is left to be scored on its merits. */
export function withoutManipulation(text: string, findings: ManipulationFinding[]): string {
  const drop = new Set(findings.map((f) => f.sentence));
  return passages(text)
    .filter((s) => !drop.has(s))
    .join(" ");
}

/** A `manipulation` flag citing the sentences as said, or null when there are none. */
export function manipulationFlag(index: AnswerIndex, findings: ManipulationFinding[]): Flag | null {
  if (findings.length === 0) return null;
  const reasons = [...new Set(findings.flatMap((f) => f.reasons))];
  return {
    kind: "manipulation",
    detail: `The answer tries to steer the evaluation (${reasons.join("; ")}). It earns no credit: the answer is scored 1.0, and a reviewer should read it.`,
    responseId: index.responseId,
    evidence: findings.map((f) => locateQuote(index, f.sentence)).filter((e) => e !== null),
  };
}
