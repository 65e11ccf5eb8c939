import type { Flag } from "./analysis.schema";
import { passages } from "./text";
import { locateQuote, type AnswerIndex } from "./verify-quotes";

/**
 * Answers are untrusted data: a candidate (or a transcript of one) can speak instructions aimed at
 * the evaluator. Such sentences earn no credit, are removed before scoring, and are flagged for HR
 * with the words that were said. Both engines use this, so a model that obeys cannot hide it. The
 * patterns also hold for an offline transcript, which has no punctuation and some misheard words.
 */
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
    test: /\b(must|should|have to|need to|will|please|i want you to)\b.{0,30}\brecommend\w*\b.{0,30}\b(hire|hiring|yes|this candidate|me)\b|\brecommend (a )?strong (hire|hiring|higher|yes)\b|\byou (must|should|will|have to|need to) (recommend|rate|score|hire)\b/,
  },
  {
    reason: "claims to be a system or hiring-manager instruction",
    test: /\b(this is|here is|from) (a|an|the)? ?(system|developer|admin|administrator) (message|prompt|instruction|note)|\bsystem (message|prompt|instruction)s? (from|says)\b|^system (message|prompt|override)?\s*:|\b(here are|these are|follow) (your |the |my )?new instructions\b|\bnew instructions?\s*:/,
  },
  {
    reason: "addresses the AI evaluator",
    test: /^(assistant|ai|chatgpt|gpt|llama|model|llm|system|evaluator)(\s*[,:]|\s+(you|please|ignore|now|give|rate|score|recommend|output|forget)\b)|\b(as an ai|you are (now )?(an? )?(ai|language model|assistant|evaluator))\b|<\/?\s*(system|instructions?|transcript|answer)\s*>|\[\/?inst\]/,
  },
];

export type ManipulationFinding = { sentence: string; reasons: string[] };

/** The sentences of an answer that try to steer the evaluation, and why each was caught. */
export function findManipulation(text: string): ManipulationFinding[] {
  const findings: ManipulationFinding[] = [];
  for (const sentence of passages(text)) {
    const lower = sentence.toLowerCase().replace(/[’‘]/g, "'").replace(/\s+/g, " ");
    const reasons = PATTERNS.filter((p) => p.test.test(lower)).map((p) => p.reason);
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
    detail: `The answer tries to steer the evaluation (${reasons.join("; ")}). It was given no credit; the answer was scored on its content only.`,
    responseId: index.responseId,
    evidence: findings.map((f) => locateQuote(index, f.sentence)).filter((e) => e !== null),
  };
}
