import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { resetEnvForTests } from "@/server/config/env";
import { GROQ_MAX_RETRIES } from "@/server/transcription/groq";
import { TranscriptionError, transcribeAudio } from "@/server/transcription/transcribe";
import { groqError, startGroqStandIn, type GroqStandIn, type StandInRequest } from "../helpers/groq-stand-in";

// The real groq-sdk, pointed with GROQ_BASE_URL at a stand-in for Groq's API on 127.0.0.1 that
// answers POST /openai/v1/audio/transcriptions the way Groq does.

const VERBOSE = {
  task: "transcribe",
  language: "English",
  duration: 3.4,
  text: " One month. Maybe two.",
  segments: [
    {
      id: 0,
      seek: 0,
      start: 0,
      end: 1.6,
      text: " One month.",
      tokens: [50365, 3945, 1618, 13],
      temperature: 0,
      avg_logprob: -0.18,
      compression_ratio: 0.7,
      no_speech_prob: 0.01,
    },
    {
      id: 1,
      seek: 0,
      start: 2.0,
      end: 3.2,
      text: " Maybe two.",
      tokens: [2704, 732, 13],
      temperature: 0,
      avg_logprob: -0.25,
      compression_ratio: 0.6,
      no_speech_prob: 0.02,
    },
  ],
  words: [
    { word: "One", start: 0.1, end: 0.5 },
    { word: "month.", start: 0.5, end: 1.1 },
    { word: "Maybe", start: 2.1, end: 2.5 },
    { word: "two.", start: 2.5, end: 3.0 },
  ],
  x_groq: { id: "req_test" },
};

let groq: GroqStandIn;
let work: string;
let audioPath: string;
let audioBytes: Buffer;
const saved = { GROQ_API_KEY: process.env.GROQ_API_KEY, GROQ_BASE_URL: process.env.GROQ_BASE_URL };

const formOf = (request: StandInRequest) =>
  new Request("http://groq.test", { method: "POST", headers: { "content-type": request.headers["content-type"] ?? "" }, body: request.body }).formData();

beforeAll(async () => {
  groq = await startGroqStandIn();
  process.env.GROQ_API_KEY = "gsk_test_key";
  process.env.GROQ_BASE_URL = groq.baseUrl;
  resetEnvForTests();

  work = await mkdtemp(path.join(os.tmpdir(), "transcription-groq-"));
  audioPath = path.join(work, "audio-take1.bin");
  // A real 16 kHz mono PCM WAV header and a little silence: the stand-in only checks the bytes arrive.
  const pcm = Buffer.alloc(3200);
  const header = Buffer.alloc(44);
  header.write("RIFF", 0);
  header.writeUInt32LE(36 + pcm.length, 4);
  header.write("WAVEfmt ", 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(16000, 24);
  header.writeUInt32LE(32000, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write("data", 36);
  header.writeUInt32LE(pcm.length, 40);
  audioBytes = Buffer.concat([header, pcm]);
  await writeFile(audioPath, audioBytes);
});

afterAll(async () => {
  await groq.close();
  await rm(work, { recursive: true, force: true });
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  resetEnvForTests();
});

beforeEach(() => groq.reset());

describe("Groq path", () => {
  it("sends the WAV and the model as multipart, retries a 429 (after its retry-after) and a 500, then parses verbose_json", async () => {
    groq.replies.push(
      {
        status: 429,
        headers: { "retry-after": "1" },
        body: groqError("Rate limit reached for model whisper-large-v3-turbo", "requests", "rate_limit_exceeded"),
      },
      { status: 500, body: groqError("Internal Server Error", "internal_server_error") },
      { status: 200, body: VERBOSE },
    );
    const result = await transcribeAudio(audioPath);

    expect(result).toEqual({
      engine: "groq-whisper",
      model: "whisper-large-v3-turbo",
      language: "English",
      text: "One month. Maybe two.",
      segments: [
        {
          start: 0,
          end: 1.6,
          text: "One month.",
          words: [
            { word: "One", start: 0.1, end: 0.5 },
            { word: "month.", start: 0.5, end: 1.1 },
          ],
        },
        {
          start: 2,
          end: 3.2,
          text: "Maybe two.",
          words: [
            { word: "Maybe", start: 2.1, end: 2.5 },
            { word: "two.", start: 2.5, end: 3 },
          ],
        },
      ],
    });

    const received = groq.requests;
    expect(received.map((r) => `${r.method} ${r.path}`)).toEqual(Array(3).fill("POST /openai/v1/audio/transcriptions"));
    // retry-after: 1 was honoured (the SDK's own first backoff would be 0.5 s or less).
    expect(received[1]!.at - received[0]!.at).toBeGreaterThanOrEqual(950);
    for (const request of received) {
      expect(request.headers.authorization).toBe("Bearer gsk_test_key");
      const form = await formOf(request);
      expect(form.get("model")).toBe("whisper-large-v3-turbo");
      expect(form.get("response_format")).toBe("verbose_json");
      expect(form.getAll("timestamp_granularities[]")).toEqual(["segment", "word"]);
      const file = form.get("file");
      expect(file).toBeInstanceOf(File);
      expect((file as File).name).toBe("answer.wav");
      expect(Buffer.from(await (file as File).arrayBuffer()).equals(audioBytes)).toBe(true);
    }
  });

  it("fails at once, without retrying, when Groq rejects the key (401) or the request (400)", async () => {
    groq.replies.push({ status: 401, body: groqError("Invalid API Key", "invalid_request_error", "invalid_api_key") });
    const unauthorized = await transcribeAudio(audioPath).catch((error: unknown) => error);
    expect(unauthorized).toBeInstanceOf(TranscriptionError);
    expect(unauthorized).toMatchObject({
      retriable: false,
      engine: "groq-whisper",
      message: expect.stringMatching(/API key.*GROQ_API_KEY.*HTTP 401.*Invalid API Key/),
    });
    expect(groq.requests).toHaveLength(1);

    groq.replies.push({ status: 400, body: groqError("could not process file - is it a valid media file?", "invalid_request_error") });
    await expect(transcribeAudio(audioPath)).rejects.toMatchObject({ retriable: false, message: expect.stringContaining("HTTP 400") });
    expect(groq.requests).toHaveLength(2);
  });

  it("gives up after its retries on an outage and says the step may be retried later", async () => {
    groq.replies.push(
      ...Array.from({ length: GROQ_MAX_RETRIES + 1 }, () => ({
        status: 503,
        headers: { "retry-after-ms": "20" },
        body: groqError("Service Unavailable", "internal_server_error"),
      })),
    );
    await expect(transcribeAudio(audioPath)).rejects.toMatchObject({
      name: "TranscriptionError",
      retriable: true,
      message: expect.stringContaining("HTTP 503"),
    });
    expect(groq.requests).toHaveLength(GROQ_MAX_RETRIES + 1);
  });

  it("refuses an answer that is not verbose_json, and a file that is not there", async () => {
    groq.replies.push({ status: 200, body: { text: "One month.", segments: "none" } });
    await expect(transcribeAudio(audioPath)).rejects.toMatchObject({ retriable: false, message: expect.stringContaining("unexpected shape") });

    await expect(transcribeAudio(path.join(work, "missing.wav"))).rejects.toMatchObject({ retriable: false, message: expect.stringContaining("not there") });
    expect(groq.requests).toHaveLength(1);
  });

  it("stops when aborted, even while waiting out a retry-after", async () => {
    groq.replies.push({ status: 429, headers: { "retry-after": "5" }, body: groqError("Rate limit reached", "requests") });
    const controller = new AbortController();
    const pending = transcribeAudio(audioPath, { signal: controller.signal });
    setTimeout(() => controller.abort(new Error("shutting down")), 300);
    const started = Date.now();
    await expect(pending).rejects.toThrow("shutting down");
    expect(Date.now() - started).toBeLessThan(4000);
  });
});
