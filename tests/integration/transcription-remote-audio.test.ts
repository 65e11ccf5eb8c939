import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { Agent, buildConnector, getGlobalDispatcher, setGlobalDispatcher, type Dispatcher } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeFixtures, MEDIA_DIR } from "@/scripts/make-fixtures";
import { resetEnvForTests } from "@/server/config/env";
import { getDb } from "@/server/db/client";
import { transcribeAudio } from "@/server/transcription/transcribe";
import { transcribeResponse } from "@/server/transcription/transcribe-response";
import { makeInterview } from "../fixtures/interview";

// Audio kept on Vercel Blob, read with the real @vercel/blob SDK from a stand-in of the blob host:
// private blobs are fetched from <store>.private.blob.vercel-storage.com with the read-write
// token, so an undici dispatcher connects that host name to the stand-in (plain HTTP).

const STORE = "audiostore";
const TOKEN = `vercel_blob_rw_${STORE}_readwritesecret`;
const blobs = new Map<string, Buffer>();
let cdn: Server;
let previousDispatcher: Dispatcher;
let work: string;
const saved = process.env.BLOB_READ_WRITE_TOKEN;

beforeAll(async () => {
  await makeFixtures();
  work = await mkdtemp(path.join(os.tmpdir(), "transcription-remote-"));
  cdn = createServer((req, res) => {
    const file = blobs.get(decodeURIComponent(new URL(req.url!, "http://cdn").pathname.slice(1)));
    if (req.headers.authorization !== `Bearer ${TOKEN}`) res.writeHead(403).end("Forbidden");
    else if (!file) res.writeHead(404).end("Not found");
    else res.writeHead(200, { "content-type": "audio/wav", "content-length": file.length }).end(file);
  });
  await new Promise<void>((resolve) => cdn.listen(0, "127.0.0.1", resolve));
  const port = (cdn.address() as AddressInfo).port;
  previousDispatcher = getGlobalDispatcher();
  const direct = buildConnector({});
  setGlobalDispatcher(
    new Agent({
      connect(options, callback) {
        if (!options.hostname.endsWith(".blob.vercel-storage.com")) return direct(options, callback);
        const socket = net.connect(port, "127.0.0.1");
        socket.once("connect", () => callback(null, socket)).once("error", (error) => callback(error, null));
      },
    }),
  );
  process.env.BLOB_READ_WRITE_TOKEN = TOKEN;
  resetEnvForTests();
}, 180_000);

afterAll(async () => {
  setGlobalDispatcher(previousDispatcher);
  await new Promise((resolve) => cdn.close(resolve));
  await rm(work, { recursive: true, force: true });
  if (saved === undefined) delete process.env.BLOB_READ_WRITE_TOKEN;
  else process.env.BLOB_READ_WRITE_TOKEN = saved;
  resetEnvForTests();
});

describe("transcribeResponse with audio on a remote store", () => {
  it("downloads the audio to a temporary file for the engine, and removes it afterwards", async () => {
    const wav = path.join(work, "weak-q1.wav");
    await new Promise<void>((resolve, reject) => {
      const child = spawn("ffmpeg", [
        "-hide_banner",
        "-loglevel",
        "error",
        "-y",
        "-i",
        path.join(MEDIA_DIR, "weak-q1.wav"),
        "-ar",
        "16000",
        "-ac",
        "1",
        "-sample_fmt",
        "s16",
        wav,
      ]);
      child.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`ffmpeg exit ${code}`))));
    });
    const bytes = await readFile(wav);
    const { responses, organizationId } = await makeInterview({ questions: [{ type: "VIDEO" }] });
    const responseId = responses[0]!.id;
    const key = `audio/${organizationId}/${responseId}.wav`;
    blobs.set(key, bytes);
    await getDb().mediaAsset.create({
      data: {
        organizationId,
        responseId,
        kind: "AUDIO",
        storageDriver: "vercel-blob",
        storageKey: key,
        contentType: "audio/wav",
        sizeBytes: BigInt(bytes.length),
      },
    });

    let handed = "";
    const result = await transcribeResponse(getDb(), responseId, {
      transcribe: async (audioPath, opts) => {
        handed = audioPath;
        expect((await readFile(audioPath)).equals(bytes)).toBe(true);
        return transcribeAudio(audioPath, opts);
      },
    });
    expect(result.engine).toBe("pocketsphinx");
    expect(result.text).toMatch(/operations team/);
    expect(handed.startsWith(os.tmpdir())).toBe(true);
    expect(existsSync(handed)).toBe(false);
    expect(existsSync(path.dirname(handed))).toBe(false);

    // Gone from the store: running the step again cannot help.
    blobs.delete(key);
    await expect(transcribeResponse(getDb(), responseId)).rejects.toMatchObject({
      name: "TranscriptionError",
      retriable: false,
      message: expect.stringContaining("missing from vercel-blob"),
    });
  });
});
