// npm run eval:transcribe — the evaluation sets' answers as the offline pipeline would hear them:
// festival speaks each answer (voice cmu_us_slt_arctic_hts, Debian packages festival and
// festvox-us-slt-hts), ffmpeg makes the 16 kHz mono WAV the media step makes, and the app's own
// offline transcriber (PocketSphinx) recognises it. The transcripts, with segments and word timings,
// are committed in tests/eval/transcripts/<set id>.json, so the evaluation needs neither program.
// An answer is spoken again only when its text changed (each transcript keeps a hash of the text).
//
// Usage: tsx scripts/eval/transcribe-sets.ts [--force]
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { POCKETSPHINX_MODEL, transcribeWithPocketsphinx } from "../../server/transcription/pocketsphinx";
import { wordErrorRate } from "../../server/transcription/wer";
import {
  answerKey,
  FESTIVAL_VOICE,
  loadSets,
  readTranscripts,
  speechHash,
  staleTranscripts,
  transcriptPath,
  TRANSCRIPTS_DIR,
  type EvalSet,
  type TranscriptFile,
} from "./sets";
import { runCommand } from "../run-command";

const { values } = parseArgs({ options: { force: { type: "boolean", default: false } } });
// Festival and the recogniser are single-threaded: one answer per core.
const PARALLEL = Math.max(1, Math.min(2, os.availableParallelism()));

const run = (command: string, args: string[]) => runCommand(command, args, "apt-get install festival festvox-us-slt-hts ffmpeg");

async function hear(text: string, scratch: string, name: string) {
  const input = path.join(scratch, `${name}.txt`);
  const spoken = path.join(scratch, `${name}.spoken.wav`);
  const wav = path.join(scratch, `${name}.wav`);
  await writeFile(input, text);
  await run("text2wave", ["-eval", `(voice_${FESTIVAL_VOICE})`, "-o", spoken, input]);
  await run("ffmpeg", ["-hide_banner", "-loglevel", "error", "-y", "-i", spoken, "-ar", "16000", "-ac", "1", "-sample_fmt", "s16", "-f", "wav", wav]);
  const result = await transcribeWithPocketsphinx(wav);
  return { textHash: speechHash(text), text: result.text, segments: result.segments, wer: Math.round(wordErrorRate(text, result.text) * 1000) / 1000 };
}

async function transcribeSet(set: EvalSet, scratch: string): Promise<{ heard: number; file: TranscriptFile }> {
  const previous = readTranscripts(set.id);
  const stale = new Set(staleTranscripts(set, previous));
  const jobs = set.candidates.flatMap((c) => set.questions.map((q) => ({ key: answerKey(c.key, q.key), text: c.answers[q.key]! })));
  const todo = values.force ? jobs : jobs.filter((j) => stale.has(j.key));
  const heard = new Map<string, TranscriptFile["answers"][string]>();
  for (let i = 0; i < todo.length; i += PARALLEL) {
    await Promise.all(todo.slice(i, i + PARALLEL).map(async (j) => heard.set(j.key, await hear(j.text, scratch, j.key.replace("/", "-")))));
  }
  // In the set's order, and only answers the set still has.
  const answers = Object.fromEntries(jobs.map((j) => [j.key, heard.get(j.key) ?? previous!.answers[j.key]!]));
  return { heard: todo.length, file: { setId: set.id, voice: FESTIVAL_VOICE, engine: "pocketsphinx", model: POCKETSPHINX_MODEL, answers } };
}

const started = Date.now();
const scratch = await mkdtemp(path.join(os.tmpdir(), "eval-transcribe-"));
try {
  for (const set of loadSets("all")) {
    const { heard, file } = await transcribeSet(set, scratch);
    await writeFile(transcriptPath(set.id), `${JSON.stringify(file, null, 2)}\n`);
    const wers = Object.values(file.answers).map((a) => a.wer);
    // Held-out sets stay unseen: no figures about them.
    const figures = set.heldOut ? "held out, figures not shown" : `mean WER ${(wers.reduce((s, w) => s + w, 0) / wers.length).toFixed(3)}`;
    console.log(`${set.id}: ${wers.length} answers, ${heard} recognised now, ${wers.length - heard} unchanged (${figures})`);
  }
} finally {
  await rm(scratch, { recursive: true, force: true });
}
console.log(`transcripts in ${path.relative(process.cwd(), TRANSCRIPTS_DIR)} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
