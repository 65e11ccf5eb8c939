import { spawnSync } from "node:child_process";
import { rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetEnvForTests } from "@/server/config/env";
import { cpuPool } from "@/server/cpu/pool";
import { getDb } from "@/server/db/client";
import { processResponseMedia } from "@/server/media/process-response";
import { callerFor } from "../helpers/actors";
import { makeInterview } from "../fixtures/interview";
import { storeRecording } from "../fixtures/interview-storage";

/**
 * A hiring campaign's last minute: many candidates submit at once. Submitting records what the
 * server holds and returns; the recording is decoded once, by the pipeline's probe, through the
 * one CPU pool; a retried submit is answered from what the first one wrote.
 */

const CANDIDATES = 30;

function measurements(): number {
  return cpuPool().stats().completed["measure-duration"] ?? 0;
}

describe("30 candidates submitting at once", () => {
  let webm: Buffer;
  let storageDir: string;
  beforeAll(() => {
    storageDir = spawnSync("mktemp", ["-d", path.join(os.tmpdir(), "submit-burst-XXXXXX")], { encoding: "utf8" }).stdout.trim();
    process.env.STORAGE_DIR = storageDir;
    resetEnvForTests();
    // A short WebM like MediaRecorder's (VP8 + Opus), made with Debian's ffmpeg.
    const made = spawnSync(
      "ffmpeg",
      [
        ...["-hide_banner", "-loglevel", "error"],
        ...["-f", "lavfi", "-i", "testsrc=size=160x120:rate=15", "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000", "-t", "2"],
        ...["-c:v", "libvpx", "-b:v", "200k", "-c:a", "libopus", "-f", "webm", "pipe:1"],
      ],
      { encoding: "buffer", maxBuffer: 64 * 1024 * 1024 },
    );
    if (made.status !== 0) throw new Error(`ffmpeg could not make the test file: ${made.stderr.toString()}`);
    webm = made.stdout;
  });
  afterAll(async () => {
    await rm(storageDir, { recursive: true, force: true });
  });

  /** One candidate with one recorded answer whose upload is complete, as the upload routes leave it. */
  async function candidateWithUpload(index: number) {
    const { token, responses } = await makeInterview({ consent: true, questions: [{ type: "VIDEO" }] });
    const responseId = responses[0]!.id;
    const api = await callerFor(null);
    const { take } = await api.interview.startTake({ token, responseId });
    const { storageKey, storageDriver } = await storeRecording(`burst/${index}-${responseId}.webm`, webm);
    await getDb().$transaction([
      getDb().uploadSession.create({
        data: { responseId, take, contentType: "video/webm", receivedBytes: BigInt(webm.length), nextChunk: 1, status: "COMPLETE", storageKey },
      }),
      getDb().mediaAsset.create({
        data: { responseId, kind: "RECORDING", storageDriver, storageKey, contentType: "video/webm", sizeBytes: BigInt(webm.length) },
      }),
    ]);
    return { api, token, responseId, take };
  }

  it("all succeed at once without decoding; the pipeline measures each answer once, through the pool; retries decode nothing", async () => {
    const candidates = [];
    for (let i = 0; i < CANDIDATES; i++) candidates.push(await candidateWithUpload(i));
    const before = measurements();

    const results = await Promise.all(candidates.map((c) => c.api.interview.submitVideo({ token: c.token, responseId: c.responseId, take: c.take })));
    expect(results.map((r) => [r.status, r.completed])).toEqual(candidates.map(() => ["UPLOADED", true]));
    expect(measurements()).toBe(before);
    const ids = candidates.map((c) => c.responseId);
    expect(await getDb().response.count({ where: { id: { in: ids }, submittedAt: { not: null } } })).toBe(CANDIDATES);
    const submittedEvents = await getDb().outboxEvent.findMany({ where: { name: "response.submitted" } });
    expect(submittedEvents.filter((e) => ids.includes((e.payload as { responseId: string }).responseId))).toHaveLength(CANDIDATES);

    // Every candidate's page retries (a reply lost on a saturated server): the same answers, nothing new written.
    const retried = await Promise.all(candidates.map((c) => c.api.interview.submitVideo({ token: c.token, responseId: c.responseId, take: c.take })));
    expect(retried).toEqual(results);
    expect(await getDb().outboxEvent.count({ where: { name: "response.submitted" } })).toBe(submittedEvents.length);

    await Promise.all(ids.map((id) => processResponseMedia(getDb(), id)));
    expect(measurements()).toBe(before + CANDIDATES);
    const measured = await getDb().response.findMany({ where: { id: { in: ids } }, select: { durationMs: true } });
    for (const { durationMs } of measured) expect(Math.abs(durationMs! - 2000)).toBeLessThan(200);
    expect(cpuPool().stats().peak).toBeLessThanOrEqual(os.availableParallelism());

    // The media step replayed for every answer (a crash, a retry) measures nothing again.
    await Promise.all(ids.map((id) => processResponseMedia(getDb(), id)));
    expect(measurements()).toBe(before + CANDIDATES);
  }, 240_000);
});
