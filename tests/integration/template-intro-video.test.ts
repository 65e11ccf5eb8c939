import { spawnSync } from "node:child_process";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as mediaRoute } from "@/app/api/media/[...key]/route";
import { PUT } from "@/app/api/templates/[id]/intro-video/route";
import { readCookie } from "@/server/auth/session";
import { resetEnvForTests } from "@/server/config/env";
import { getDb } from "@/server/db/client";
import { INTRO_VIDEO_MAX_BYTES } from "@/server/templates/intro-video.schema";
import { callerFor, cookieFor, makeOrg, makeUser } from "../helpers/actors";
import { makeInterview } from "../fixtures/interview";
import { makeTemplate } from "./authz/invitations.cases";

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

/** A two-second clip made with Debian's ffmpeg: WebM like MediaRecorder's (VP8 + Opus), or MP4 (H.264 + AAC). */
function clip(format: "webm" | "mp4"): Buffer {
  const codecs =
    format === "webm"
      ? ["-c:v", "libvpx", "-b:v", "200k", "-c:a", "libopus"]
      : ["-c:v", "libx264", "-pix_fmt", "yuv420p", "-c:a", "aac", "-movflags", "frag_keyframe+empty_moov"];
  const made = spawnSync(
    "ffmpeg",
    [
      "-hide_banner",
      "-loglevel",
      "error",
      "-f",
      "lavfi",
      "-i",
      "testsrc=size=160x120:rate=15",
      "-f",
      "lavfi",
      "-i",
      "sine=frequency=440:sample_rate=48000",
      "-t",
      "2",
      ...codecs,
      "-f",
      format,
      "pipe:1",
    ],
    { encoding: "buffer", maxBuffer: 16 * 1024 * 1024 },
  );
  if (made.status !== 0) throw new Error(`ffmpeg could not make the test file: ${made.stderr.toString()}`);
  return made.stdout;
}

async function send(templateId: string, cookie: string | null, body: BodyInit, headers: Record<string, string> = {}) {
  request.cookie = cookie;
  const init: RequestInit & { duplex: "half" } = {
    method: "PUT",
    body,
    duplex: "half",
    headers: { "content-type": "video/webm", ...(cookie ? { cookie } : {}), ...headers },
  };
  const res = await PUT(new Request(`http://localhost:3000/api/templates/${templateId}/intro-video`, init), { params: Promise.resolve({ id: templateId }) });
  return { status: res.status, body: (await res.json()) as { error?: { code: string; message: string }; contentType?: string; durationMs?: number } };
}

async function fetchSigned(url: string) {
  const signed = new URL(url);
  return mediaRoute(new Request(signed), { params: Promise.resolve({ key: signed.pathname.replace("/api/media/", "").split("/").map(decodeURIComponent) }) });
}

let storageDir: string;
let webm: Buffer;
let mp4: Buffer;

beforeAll(async () => {
  storageDir = await mkdtemp(path.join(os.tmpdir(), "intro-video-storage-"));
  process.env.STORAGE_DIR = storageDir;
  resetEnvForTests();
  webm = clip("webm");
  mp4 = clip("mp4");
});
afterAll(async () => {
  await rm(storageDir, { recursive: true, force: true });
});

const storedFiles = async (templateId: string) => readdir(path.join(storageDir, "templates", templateId)).catch(() => [] as string[]);

async function setUp(name: string) {
  const org = await makeOrg(name);
  const hr = await makeUser({ role: "HR", orgId: org.id });
  const interview = await makeInterview({ organizationId: org.id, questions: [{ type: "VIDEO" }] });
  const candidate = await callerFor(null);
  const stateOf = async () => {
    const state = await candidate.interview.state({ token: interview.token });
    if (state.availability === "UNAVAILABLE") throw new Error("unexpected");
    return state;
  };
  return { org, hr, cookie: await cookieFor(hr.id), templateId: interview.invitation.templateId, stateOf };
}

describe("a template's intro video", () => {
  it("is stored playable with a poster, seen by candidates already invited through signed URLs, replaced and removed with each change audited", async () => {
    const { hr, cookie, templateId, stateOf } = await setUp("Intro video");
    expect((await stateOf()).introVideo).toBeNull();

    const first = await send(templateId, cookie, new Uint8Array(webm));
    expect(first).toMatchObject({ status: 200, body: { contentType: "video/webm" } });
    expect(first.body.durationMs).toBeGreaterThan(1500);

    // The candidate was invited before the video existed and sees it all the same: signed, expiring URLs, no storage fields.
    const state = await stateOf();
    expect(Object.keys(state.introVideo!).sort()).toEqual(["contentType", "durationMs", "expiresAt", "posterUrl", "url"]);
    expect(state.introVideo).toMatchObject({ contentType: "video/webm" });
    const video = await fetchSigned(state.introVideo!.url);
    expect(video.status).toBe(200);
    expect(video.headers.get("content-type")).toBe("video/webm");
    expect((await fetchSigned(state.introVideo!.posterUrl!)).headers.get("content-type")).toBe("image/jpeg");
    // The signature is what opens it: the same path without one, or with another's, is refused.
    const unsigned = new URL(state.introVideo!.url);
    unsigned.searchParams.set("sig", "forged");
    expect((await fetchSigned(unsigned.toString())).status).toBe(403);
    const [firstVideo] = await getDb().mediaAsset.findMany({ where: { templateId, kind: "INTRO_VIDEO" } });

    const hrApi = await callerFor(hr.id);
    expect(await hrApi.templates.introVideo({ templateId })).toMatchObject({ contentType: "video/webm", durationMs: first.body.durationMs });

    const second = await send(templateId, cookie, new Uint8Array(mp4), { "content-type": "video/mp4" });
    expect(second).toMatchObject({ status: 200, body: { contentType: "video/mp4" } });
    expect((await stateOf()).introVideo).toMatchObject({ contentType: "video/mp4" });
    // The replaced files are gone: one video and one poster remain.
    expect((await storedFiles(templateId)).sort()).toEqual([
      expect.stringMatching(/^intro-[0-9a-f]{16}\.jpg$/),
      expect.stringMatching(/^intro-[0-9a-f]{16}\.mp4$/),
    ]);
    expect(await getDb().mediaAsset.count({ where: { id: firstVideo!.id } })).toBe(0);

    expect(await hrApi.templates.removeIntroVideo({ templateId })).toEqual({ removed: true });
    expect((await stateOf()).introVideo).toBeNull();
    expect(await storedFiles(templateId)).toEqual([]);
    expect(await hrApi.templates.removeIntroVideo({ templateId })).toEqual({ removed: false });

    const changes = await getDb().auditLog.findMany({ where: { targetId: templateId, action: "template.introVideo" }, orderBy: { createdAt: "asc" } });
    expect(changes.map((c) => c.data)).toEqual([
      { from: null, to: { contentType: "video/webm", durationMs: first.body.durationMs, sizeBytes: expect.any(Number) } },
      {
        from: { contentType: "video/webm", durationMs: first.body.durationMs, sizeBytes: expect.any(Number) },
        to: expect.objectContaining({ contentType: "video/mp4" }),
      },
      { from: expect.objectContaining({ contentType: "video/mp4" }), to: null },
    ]);
    expect(changes.every((c) => c.actorId === hr.id)).toBe(true);
  });

  it("refuses a file that is not a WebM or MP4 by its content, whatever its name or declared type, and keeps nothing", async () => {
    const { cookie, templateId, stateOf } = await setUp("Intro refusals");
    const text = await send(templateId, cookie, new TextEncoder().encode("This is a text file renamed intro.webm\n".repeat(50)), {
      "content-type": "video/webm",
    });
    expect(text).toEqual({ status: 400, body: { error: { code: "BAD_REQUEST", message: "That file is not a WebM or MP4 video." } } });
    // WebM's magic number followed by garbage: the probe finds no video in it.
    const fake = Buffer.concat([Buffer.from([0x1a, 0x45, 0xdf, 0xa3]), Buffer.alloc(4096, 7)]);
    expect(await send(templateId, cookie, new Uint8Array(fake))).toMatchObject({ status: 400, body: { error: { code: "BAD_REQUEST" } } });
    expect(await getDb().mediaAsset.count({ where: { templateId } })).toBe(0);
    expect(await storedFiles(templateId)).toEqual([]);
    expect((await stateOf()).introVideo).toBeNull();
    expect(await getDb().auditLog.count({ where: { targetId: templateId, action: "template.introVideo" } })).toBe(0);
  });

  it("goes with its template when the template is deleted, files included", async () => {
    const org = await makeOrg("Intro deletion");
    const hr = await makeUser({ role: "HR", orgId: org.id });
    const template = await makeTemplate(org.id, { title: "Short-lived" });
    expect((await send(template.id, await cookieFor(hr.id), new Uint8Array(webm))).status).toBe(200);
    expect(await storedFiles(template.id)).toHaveLength(2);
    await (await callerFor(hr.id)).templates.delete({ id: template.id });
    expect(await getDb().mediaAsset.count({ where: { templateId: template.id } })).toBe(0);
    expect(await storedFiles(template.id)).toEqual([]);
  });

  it("refuses a file over the size limit, declared or streamed, and keeps nothing", async () => {
    const { cookie, templateId } = await setUp("Intro size");
    const declared = await send(templateId, cookie, new Uint8Array(webm), { "content-length": String(INTRO_VIDEO_MAX_BYTES + 1) });
    expect(declared).toMatchObject({
      status: 413,
      body: { error: { code: "TOO_LARGE", message: "The video is larger than 9 MB. Record a shorter one or compress it." } },
    });
    // No length given: counted as it arrives, and cut off past the limit.
    const oversized = Buffer.concat([webm, Buffer.alloc(INTRO_VIDEO_MAX_BYTES)]);
    const streamed = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let at = 0; at < oversized.length; at += 1024 * 1024) controller.enqueue(new Uint8Array(oversized.subarray(at, at + 1024 * 1024)));
        controller.close();
      },
    });
    expect(await send(templateId, cookie, streamed)).toMatchObject({ status: 413, body: { error: { code: "TOO_LARGE" } } });
    expect(await getDb().mediaAsset.count({ where: { templateId } })).toBe(0);
    expect(await storedFiles(templateId)).toEqual([]);
  });

  it("is changed only by HR of the template's organization while it is not archived, and never reaches another organization's candidates", async () => {
    const a = await setUp("Intro owner");
    const b = await setUp("Intro other");
    expect((await send(a.templateId, a.cookie, new Uint8Array(webm))).status).toBe(200);

    expect(await send(a.templateId, b.cookie, new Uint8Array(webm))).toMatchObject({ status: 404, body: { error: { code: "NOT_FOUND" } } });
    expect((await send(a.templateId, null, new Uint8Array(webm))).status).toBe(401);
    const candidateUser = await makeUser({ role: "CANDIDATE" });
    expect((await send(a.templateId, await cookieFor(candidateUser.id), new Uint8Array(webm))).status).toBe(403);
    const crossSite = await send(a.templateId, a.cookie, new Uint8Array(webm), { "sec-fetch-site": "cross-site" });
    expect(crossSite.status).toBe(403);

    // Organization B's candidate reads their own template's intro (none), never A's; A's template is not found for B's HR either.
    expect((await b.stateOf()).introVideo).toBeNull();
    const bApi = await callerFor(b.hr.id);
    await expect(bApi.templates.introVideo({ templateId: a.templateId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(bApi.templates.removeIntroVideo({ templateId: a.templateId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect((await callerFor(candidateUser.id)).templates.introVideo({ templateId: a.templateId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await a.stateOf()).introVideo).not.toBeNull();

    await getDb().template.update({ where: { id: a.templateId }, data: { status: "ARCHIVED" } });
    expect(await send(a.templateId, a.cookie, new Uint8Array(mp4))).toMatchObject({ status: 409, body: { error: { code: "PRECONDITION_FAILED" } } });
    await expect((await callerFor(a.hr.id)).templates.removeIntroVideo({ templateId: a.templateId })).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    // An archived template keeps its video for the candidates it was sent to.
    expect((await a.stateOf()).introVideo).toMatchObject({ contentType: "video/webm" });
  });
});
