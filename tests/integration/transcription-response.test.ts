import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET } from "@/app/api/responses/[responseId]/captions/route";
import { readCookie, sessionCookieName, userFromSessionToken } from "@/server/auth/session";
import { getDb } from "@/server/db/client";
import { makeFixtures, MEDIA_DIR } from "@/scripts/make-fixtures";
import { getStorage } from "@/server/storage";
import { captionsResponse, captionsUrl } from "@/server/transcription/captions";
import { TranscriptionError } from "@/server/transcription/errors";
import { transcribeResponse } from "@/server/transcription/transcribe-response";
import type { TranscriptionResult } from "@/server/transcription/transcript.schema";
import { callerFor, cookieFor, makeOrg, makeUser } from "../helpers/actors";
import { makeInterview } from "../fixtures/interview";

// Route handlers read the session through next/headers, which only exists inside a Next request:
// here it reads the cookie of the request the test is making.
const request = vi.hoisted(() => ({ cookie: null as string | null }));
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => {
      const value = readCookie(request.cookie, name);
      return value === null ? undefined : { name, value };
    },
  }),
}));

const db = () => getDb();
let work: string;

function ffmpeg(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn("ffmpeg", ["-hide_banner", "-loglevel", "error", "-y", ...args], { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.once("error", reject);
    child.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`ffmpeg failed (${code}): ${stderr}`))));
  });
}

/** An answer whose media step is done: its audio stored as the media step stores it (an AUDIO MediaAsset). */
async function answerWithAudio(wav: string, organizationId?: string) {
  const { responses, organizationId: orgId, invitation } = await makeInterview({ organizationId, questions: [{ type: "VIDEO" }] });
  const response = responses[0]!;
  await db().response.update({ where: { id: response.id }, data: { status: "TRANSCRIBING", submittedAt: new Date() } });
  const storage = getStorage();
  const stored = await storage.putFile(`audio/${orgId}/${response.id}.wav`, wav, { contentType: "audio/wav" });
  await db().mediaAsset.create({
    data: {
      organizationId: orgId,
      responseId: response.id,
      kind: "AUDIO",
      storageDriver: storage.driver,
      storageKey: stored.key,
      contentType: "audio/wav",
      sizeBytes: BigInt(stored.size),
    },
  });
  return { responseId: response.id, organizationId: orgId, invitationId: invitation.id };
}

async function sixteenKhz(name: string, input: string[]): Promise<string> {
  const out = path.join(work, `${name}-${Date.now()}.wav`);
  await ffmpeg([...input, "-ar", "16000", "-ac", "1", "-sample_fmt", "s16", "-f", "wav", out]);
  return out;
}

const speech = () => sixteenKhz("weak-q2", ["-i", path.join(MEDIA_DIR, "weak-q2.wav")]);

beforeAll(async () => {
  await makeFixtures();
  work = await mkdtemp(path.join(os.tmpdir(), "transcription-response-"));
}, 180_000);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe("transcribeResponse", () => {
  it("stores the offline engine's transcript once per answer: a re-run replaces it and the answer's status is left alone", async () => {
    const { responseId } = await answerWithAudio(await speech());

    const first = await transcribeResponse(db(), responseId);
    expect(first.engine).toBe("pocketsphinx");
    expect(first.text).toMatch(/database team/);
    expect(first.wordCount).toBe(first.text.split(" ").length);
    const stored = await db().transcript.findUniqueOrThrow({ where: { responseId } });
    expect(stored).toMatchObject({ id: first.transcriptId, engine: "pocketsphinx", model: "pocketsphinx-en-us-5prealpha", language: "en", text: first.text });
    expect(Array.isArray(stored.segments) && stored.segments.length).toBeGreaterThan(0);

    const again: TranscriptionResult = {
      engine: "groq-whisper",
      model: "whisper-large-v3-turbo",
      language: "English",
      text: "I am not sure. I would ask someone on the database team.",
      segments: [{ start: 0.3, end: 3.9, text: "I am not sure. I would ask someone on the database team." }],
    };
    const seen: string[] = [];
    const second = await transcribeResponse(db(), responseId, {
      transcribe: async (audioPath) => {
        seen.push(audioPath);
        return again;
      },
    });
    expect(second).toEqual({ transcriptId: first.transcriptId, engine: "groq-whisper", text: again.text, wordCount: 12 });
    // Local storage hands the engine the stored file itself, no copy.
    expect(seen[0]).toMatch(new RegExp(`${responseId}\\.wav$`));
    expect(await db().transcript.count({ where: { responseId } })).toBe(1);
    expect(await db().transcript.findUniqueOrThrow({ where: { responseId } })).toMatchObject({
      engine: "groq-whisper",
      model: "whisper-large-v3-turbo",
      text: again.text,
      segments: again.segments,
    });
    expect((await db().response.findUniqueOrThrow({ where: { id: responseId } })).status).toBe("TRANSCRIBING");
  });

  it("gives an answer with no speech an empty transcript, not an error", async () => {
    const { responseId } = await answerWithAudio(await sixteenKhz("silence", ["-f", "lavfi", "-i", "anullsrc=r=16000:cl=mono", "-t", "2"]));
    expect(await transcribeResponse(db(), responseId)).toMatchObject({ engine: "pocketsphinx", text: "", wordCount: 0 });
    expect(await db().transcript.findUniqueOrThrow({ where: { responseId } })).toMatchObject({ text: "", segments: [] });
  });

  it("refuses an answer without extracted audio, and one that does not exist", async () => {
    const { responses } = await makeInterview({ questions: [{ type: "VIDEO" }] });
    const noAudio = transcribeResponse(db(), responses[0]!.id);
    await expect(noAudio).rejects.toBeInstanceOf(TranscriptionError);
    await expect(noAudio).rejects.toMatchObject({ retriable: false });
    await expect(transcribeResponse(db(), "no-such-response")).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db().transcript.count({ where: { responseId: responses[0]!.id } })).toBe(0);
  });
});

describe("GET /api/responses/[responseId]/captions", () => {
  async function get(responseId: string, cookie: string | null) {
    request.cookie = cookie;
    const url = `http://localhost:3000${captionsUrl(responseId)}`;
    return GET(new Request(url, cookie ? { headers: { cookie } } : {}), { params: Promise.resolve({ responseId }) });
  }

  it("serves WebVTT to HR of the answer's organization; another organization finds nothing; a visitor must sign in", async () => {
    const org = await makeOrg("Captions");
    const { responseId } = await answerWithAudio(await speech(), org.id);
    await transcribeResponse(db(), responseId, {
      transcribe: async () => ({
        engine: "pocketsphinx",
        model: "pocketsphinx-en-us-5prealpha",
        language: "en",
        text: "I am not sure I would ask someone on the database team",
        segments: [
          { start: 0.2, end: 1.3, text: "I am not sure" },
          { start: 1.6, end: 3.8, text: "I would ask someone on the <database> team" },
        ],
      }),
    });

    const hr = await makeUser({ role: "HR", orgId: org.id });
    const ok = await get(responseId, await cookieFor(hr.id));
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toBe("text/vtt; charset=utf-8");
    expect(ok.headers.get("cache-control")).toBe("private, no-cache");
    expect(await ok.text()).toBe(
      "WEBVTT\n\n1\n00:00:00.200 --> 00:00:01.300\nI am not sure\n\n2\n00:00:01.600 --> 00:00:03.800\nI would ask someone on the &lt;database&gt; team\n",
    );

    const admin = await makeUser({ role: "ADMIN", orgId: org.id, membershipRole: "ADMIN" });
    expect((await get(responseId, await cookieFor(admin.id))).status).toBe(200);

    const otherHr = await makeUser({ role: "HR", orgId: (await makeOrg("Elsewhere")).id });
    const other = await get(responseId, await cookieFor(otherHr.id));
    expect(other.status).toBe(404);
    expect(await other.text()).not.toContain("database");

    const candidate = await makeUser({ role: "CANDIDATE" });
    expect((await get(responseId, await cookieFor(candidate.id))).status).toBe(404);
    expect((await get("no-such-response", await cookieFor(hr.id))).status).toBe(404);

    const anonymous = await get(responseId, null);
    expect(anonymous.status).toBe(401);

    const suspended = await makeUser({ role: "HR", orgId: org.id });
    const cookie = await cookieFor(suspended.id);
    await db().user.update({ where: { id: suspended.id }, data: { status: "SUSPENDED" } });
    expect((await get(responseId, cookie)).status).toBe(401);
  });

  it("has no captions for an answer not transcribed yet", async () => {
    const org = await makeOrg("Untranscribed");
    const { responseId } = await answerWithAudio(await speech(), org.id);
    const hr = await makeUser({ role: "HR", orgId: org.id });
    const token = readCookie(await cookieFor(hr.id), sessionCookieName());
    expect((await captionsResponse(db(), await userFromSessionToken(db(), token), responseId)).status).toBe(404);
  });
});

describe("the review page's answer", () => {
  it("carries the transcript with its engine, lines and captions URL", async () => {
    const org = await makeOrg("Review transcript");
    const { responseId, invitationId } = await answerWithAudio(await speech(), org.id);
    const hr = await makeUser({ role: "HR", orgId: org.id });
    const caller = await callerFor(hr.id);

    const before = await caller.review.interview({ invitationId });
    expect(before.answers[0]).toMatchObject({ transcript: null, captionsUrl: null });

    const { text } = await transcribeResponse(db(), responseId);
    const after = await caller.review.interview({ invitationId });
    const answer = after.answers[0]!;
    expect(answer.captionsUrl).toBe(`/api/responses/${responseId}/captions`);
    expect(answer.transcript).toMatchObject({
      text,
      engine: "pocketsphinx",
      engineLabel: "PocketSphinx (offline)",
      rough: true,
      caution: "Transcribed offline by PocketSphinx: expect mistakes; check the recording before quoting it.",
    });
    expect(answer.transcript!.segments.map((s) => s.text).join(" ")).toBe(text);
  });
});
