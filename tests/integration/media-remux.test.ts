import { spawn } from "node:child_process";
import { createWriteStream } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/server/db/client";
import { processResponseMedia } from "@/server/media/process-response";
import { getStorage, LocalDiskStorage } from "@/server/storage";
import { makeInterview } from "../fixtures/interview";
import { fixtureRecording } from "../fixtures/pipeline";
import { webmLayout } from "../helpers/webm-layout";

let dir: string;

/** The fixture recording as MediaRecorder streams it: the same packets written as a live stream, so no duration and no cues. */
function asStreamed(file: string, target: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn("ffmpeg", ["-hide_banner", "-loglevel", "error", "-i", file, "-c", "copy", "-live", "1", "-f", "webm", "pipe:1"], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.stdout.pipe(createWriteStream(target));
    child.once("error", reject);
    child.once("close", (code) => (code === 0 ? resolve() : reject(new Error(`ffmpeg failed (${code}): ${stderr}`))));
  });
}

async function answerWith(file: string): Promise<string> {
  const { responses, organizationId, invitation } = await makeInterview({ questions: [{ type: "VIDEO" }] });
  const response = responses[0]!;
  await getDb().response.update({ where: { id: response.id }, data: { status: "PROCESSING", submittedAt: new Date() } });
  const copy = path.join(dir, `upload-${response.id}.webm`);
  await writeFile(copy, await readFile(file));
  const stored = await getStorage().putFile(`recordings/${organizationId}/${invitation.id}/${response.id}-take1.webm`, copy, { contentType: "video/webm" });
  await getDb().mediaAsset.create({
    data: {
      organizationId,
      responseId: response.id,
      kind: "RECORDING",
      storageDriver: "local",
      storageKey: stored.key,
      contentType: "video/webm",
      sizeBytes: BigInt(stored.size),
    },
  });
  return response.id;
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "remux-test-"));
}, 120_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("the remux step on the fixture recordings (real ffmpeg)", () => {
  it.each([
    ["strong", "q1"],
    ["weak", "q2"],
  ])(
    "gives %s-%s a WebM playback copy with a duration and cues before the clusters, streams copied",
    async (candidate, question) => {
      const streamed = path.join(dir, `${candidate}-${question}-streamed.webm`);
      await asStreamed(await fixtureRecording(candidate, question), streamed);
      const before = await webmLayout(streamed);
      expect(before.durationMs).toBeNull();
      expect(before.cuePoints).toBe(0);

      const responseId = await answerWith(streamed);
      const result = await processResponseMedia(getDb(), responseId);
      expect(result.playbackKey).toBe(`responses/${responseId}/playback.webm`);

      const file = (getStorage() as LocalDiskStorage).pathFor(result.playbackKey!);
      const after = await webmLayout(file);
      expect(after.durationMs).not.toBeNull();
      expect(Math.abs(after.durationMs! - result.probe.durationMs)).toBeLessThan(300);
      // A seek index with an entry at least every ten seconds (one per keyframe cluster), read with the
      // header: any moment is one range request away.
      expect(after.cuePoints).toBeGreaterThanOrEqual(Math.max(1, Math.floor(after.durationMs! / 10_000)));
      expect(after.cuesBeforeClusters).toBe(true);
      // Copied, not re-encoded: the same packets, within the few hundred bytes of the index.
      expect(Math.abs((await readFile(file)).length - (await readFile(streamed)).length)).toBeLessThan(4096);

      const row = await getDb().mediaAsset.findUniqueOrThrow({ where: { responseId_kind: { responseId, kind: "PLAYBACK" } } });
      expect(row).toMatchObject({ contentType: "video/webm", durationMs: result.probe.durationMs });
    },
    120_000,
  );
});
