// The evaluation sets (tests/eval/sets/*.json) and how one candidate becomes analyzer input, the
// way the pipeline builds it: a validated template snapshot and, per question, the answer as the
// analysis reads a recording (transcript segments with word timings).
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import type { AnswerInput, InterviewInput } from "../../server/analysis/analyzer";
import type { AnswerText } from "../../server/analysis/verify-quotes";
import { templateSnapshotSchema, type TemplateSnapshot } from "../../server/templates/versions";
import { transcriptSegmentsSchema, type TranscriptSegment } from "../../server/transcription/transcript.schema";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
export const SETS_DIR = path.join(ROOT, "tests", "eval", "sets");
export const TRANSCRIPTS_DIR = path.join(ROOT, "tests", "eval", "transcripts");

export const CANDIDATE_KINDS = ["strong", "average", "weak", "manipulative"] as const;
export type CandidateKind = (typeof CANDIDATE_KINDS)[number];

/** Questions are recorded answers; a written one would not test recognition errors. */
const THINK_TIME_SEC = 30;
const RETAKES = 1;

const candidateSchema = z.object({
  key: z.string().min(1),
  kind: z.enum(CANDIDATE_KINDS),
  name: z.string().min(1),
  email: z.email().endsWith("@example.com"),
  answers: z.record(z.string(), z.string().min(1)),
});

export const evalSetSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    /** Held out: never looked at or tuned on while the analyzer is built; reported apart. */
    heldOut: z.boolean(),
    title: z.string().min(1),
    description: z.string().min(1),
    rubric: z
      .array(z.object({ competency: z.string().min(1), weight: z.number().positive(), looksFor: z.string().min(1) }))
      .min(2)
      .max(4),
    questions: z
      .array(z.object({ key: z.string().min(1), prompt: z.string().min(1), timeLimitSec: z.number().int().min(60).max(180), criteria: z.string().min(1) }))
      .min(2)
      .max(3),
    candidates: z.array(candidateSchema).min(4),
    /** Candidate keys, best first; keys in one inner list are expected to tie. */
    expectedOrder: z.array(z.array(z.string()).min(1)).min(2),
  })
  .superRefine((set, ctx) => {
    const weights = set.rubric.reduce((s, r) => s + r.weight, 0);
    if (Math.abs(weights - 1) > 1e-9) ctx.addIssue({ code: "custom", path: ["rubric"], message: `weights sum to ${weights}, not 1` });
    const keys = set.candidates.map((c) => c.key);
    if (new Set(keys).size !== keys.length) ctx.addIssue({ code: "custom", path: ["candidates"], message: "candidate keys repeat" });
    for (const kind of CANDIDATE_KINDS) {
      const n = set.candidates.filter((c) => c.kind === kind).length;
      // "No higher than the weak candidate" needs exactly one to compare with.
      if (kind === "weak" ? n !== 1 : n < 1)
        ctx.addIssue({ code: "custom", path: ["candidates"], message: `needs ${kind === "weak" ? "exactly one" : "a"} ${kind} candidate, has ${n}` });
    }
    const questionKeys = set.questions.map((q) => q.key).sort();
    for (const c of set.candidates) {
      if (JSON.stringify(Object.keys(c.answers).sort()) !== JSON.stringify(questionKeys)) {
        ctx.addIssue({
          code: "custom",
          path: ["candidates", c.key],
          message: `answers ${Object.keys(c.answers).join(",")} but the questions are ${questionKeys.join(",")}`,
        });
      }
    }
    const ordered = set.expectedOrder.flat();
    if (ordered.length !== keys.length || ordered.some((k) => !keys.includes(k)) || new Set(ordered).size !== ordered.length) {
      ctx.addIssue({ code: "custom", path: ["expectedOrder"], message: "must name every candidate exactly once" });
    }
  });

export type EvalSet = z.infer<typeof evalSetSchema>;
export type EvalCandidate = EvalSet["candidates"][number];

export type SetSelection = "tuned" | "held-out" | "all";

/** The sets in `SETS_DIR`, by file name, all validated; `tuned` leaves the held-out ones out. */
export function loadSets(which: SetSelection, dir = SETS_DIR): EvalSet[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((file) => {
      const parsed = evalSetSchema.safeParse(JSON.parse(readFileSync(path.join(dir, file), "utf8")));
      if (!parsed.success) throw new Error(`${file} is not a valid evaluation set:\n${z.prettifyError(parsed.error)}`);
      if (`${parsed.data.id}.json` !== file) throw new Error(`${file} holds the set "${parsed.data.id}"; name the file after its id`);
      return parsed.data;
    })
    .filter((set) => which === "all" || set.heldOut === (which === "held-out"));
}

/** The set's template as a TemplateVersion snapshot (competencies c1.., questions q1.. in order). */
export function setSnapshot(set: EvalSet): TemplateSnapshot {
  return templateSnapshotSchema.parse({
    title: set.title,
    description: set.description,
    rubric: set.rubric.map((r, i) => ({ id: `c${i + 1}`, competency: r.competency, weight: r.weight, looksFor: r.looksFor })),
    questions: set.questions.map((q, position) => ({
      id: q.key,
      position,
      prompt: q.prompt,
      type: "VIDEO",
      timeLimitSec: q.timeLimitSec,
      thinkTimeSec: THINK_TIME_SEC,
      retakes: RETAKES,
      maxChars: null,
      criteria: q.criteria,
    })),
  });
}

export type AnswerSource = "text" | "speech";

/** Where a stored transcript is: "candidate/question". */
export const answerKey = (candidate: string, question: string) => `${candidate}/${question}`;

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * The written answer as a transcript with exact words: one segment per sentence, each word 0.4 s,
 * a 0.5 s breath between sentences. It isolates the analysis from recognition errors.
 */
export function transcriptOfText(text: string): TranscriptSegment[] {
  const sentences = text.split(/(?<=[.!?])\s+/).filter((s) => s.trim());
  const segments: TranscriptSegment[] = [];
  let t = 0.5;
  for (const sentence of sentences) {
    const start = t;
    const words = sentence
      .split(/\s+/)
      .filter(Boolean)
      .map((word) => {
        const w = { word, start: round2(t), end: round2(t + 0.3) };
        t += 0.4;
        return w;
      });
    segments.push({ start: round2(start), end: round2(t - 0.1), text: sentence, words });
    t += 0.5;
  }
  return segments;
}

export const FESTIVAL_VOICE = "cmu_us_slt_arctic_hts";

/** What a stored transcript was made from: the voice and the words spoken. */
export function speechHash(text: string): string {
  return createHash("sha256").update(`${FESTIVAL_VOICE}\n${text}`).digest("hex").slice(0, 16);
}

export const storedTranscriptSchema = z.object({
  textHash: z.string(),
  text: z.string(),
  segments: transcriptSegmentsSchema,
  /** Word error rate of the recognised text against the written answer. */
  wer: z.number().nonnegative(),
});

export const transcriptFileSchema = z.object({
  setId: z.string(),
  voice: z.string(),
  engine: z.string(),
  model: z.string(),
  answers: z.record(z.string(), storedTranscriptSchema),
});
export type TranscriptFile = z.infer<typeof transcriptFileSchema>;

export const transcriptPath = (setId: string, dir = TRANSCRIPTS_DIR) => path.join(dir, `${setId}.json`);

export function readTranscripts(setId: string, dir = TRANSCRIPTS_DIR): TranscriptFile | null {
  const file = transcriptPath(setId, dir);
  return existsSync(file) ? transcriptFileSchema.parse(JSON.parse(readFileSync(file, "utf8"))) : null;
}

/** The set's answers whose stored transcript is missing or was made from other words. */
export function staleTranscripts(set: EvalSet, file: TranscriptFile | null): string[] {
  return set.candidates.flatMap((c) =>
    set.questions.filter((q) => file?.answers[answerKey(c.key, q.key)]?.textHash !== speechHash(c.answers[q.key]!)).map((q) => answerKey(c.key, q.key)),
  );
}

/** One candidate's interview as the analyzer receives it, from the written answers or their speech. */
export function interviewInput(set: EvalSet, candidate: EvalCandidate, source: AnswerSource, transcripts: TranscriptFile | null = null): InterviewInput {
  const snapshot = setSnapshot(set);
  const answers: AnswerInput[] = snapshot.questions.map((question) => {
    const responseId = `${set.id}:${source}:${candidate.key}:${question.id}`;
    const written = candidate.answers[question.id]!;
    let answer: AnswerText;
    if (source === "text") {
      const segments = transcriptOfText(written);
      answer = { responseId, segments, text: segments.map((s) => s.text).join(" ") };
    } else {
      const stored = transcripts?.answers[answerKey(candidate.key, question.id)];
      if (!stored || stored.textHash !== speechHash(written)) {
        throw new Error(`No current transcript of ${set.id} ${answerKey(candidate.key, question.id)}: run \`npm run eval:transcribe\``);
      }
      answer = { responseId, segments: stored.segments, text: stored.text };
    }
    // No retrieval context: it comes from the database, and the analysis must stand without it.
    return { question, answer, context: [] };
  });
  return { snapshot, answers, unanswered: [] };
}
