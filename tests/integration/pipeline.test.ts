import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { functions } from "@/inngest/functions";
import { InProcessRunner } from "@/inngest/runner/runner";
import { getDb } from "@/server/db/client";
import { retryResponse } from "@/server/pipeline/retry";
import { getStorage } from "@/server/storage";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { resetEnvForTests } from "@/server/config/env";
import { metrics } from "@/server/metrics/registry";
import { makeOrg, makeUser } from "../helpers/actors";
import { makeInterview } from "../fixtures/interview";
import { submitFixtureInterview } from "../fixtures/pipeline";
import { settle } from "../helpers/settle";

/**
 * The whole pipeline without an Inngest server, on the real database and real media: a fixture
 * candidate's interview is submitted through the candidate-side code, the outbox relay hands the
 * events to the in-process runner, and the real functions run ffmpeg, the offline recogniser,
 * the embedder, the offline analyzer and the notification.
 */

let runner: InProcessRunner;

beforeAll(() => {
  runner = new InProcessRunner({ db: getDb(), functions, backoffBaseMs: 20, backoffMaxMs: 100, log: () => {} });
});
afterAll(async () => {
  await runner.stop();
});

describe("media pipeline, in-process", () => {
  it("turns a submitted interview into media files, transcripts, search passages, an analysis and a notification", async () => {
    const db = getDb();
    const org = await makeOrg("Pipeline");
    const hr = await makeUser({ role: "HR", orgId: org.id });
    const { invitationId, responses } = await submitFixtureInterview({ candidate: "strong", organizationId: org.id, createdById: hr.id });
    await settle(runner, 240_000);

    const runs = await db.jobRun.findMany({ select: { functionId: true, status: true, error: true } });
    expect(runs.filter((r) => r.status !== "COMPLETED")).toEqual([]);
    expect(runs.filter((r) => r.functionId.endsWith("process-response"))).toHaveLength(responses.length);
    expect(runs.filter((r) => r.functionId.endsWith("analyze-interview"))).toHaveLength(1);

    for (const r of responses.filter((x) => x.type === "VIDEO")) {
      const row = await db.response.findUniqueOrThrow({ where: { id: r.id }, include: { transcript: true, mediaAssets: true } });
      expect(row.status, r.key).toBe("ANALYZED");
      expect(row.transcript?.engine).toBe("pocketsphinx");
      expect(row.transcript?.text.split(/\s+/).length).toBeGreaterThan(20);
      // MediaRecorder's WebM gets a seekable, remuxed playback copy (issue 14).
      expect(row.mediaAssets.map((a) => a.kind).sort()).toEqual(["AUDIO", "PLAYBACK", "RECORDING", "THUMBNAIL"]);
    }
    const chunks = await db.embeddingChunk.count({ where: { invitationId, source: "TRANSCRIPT" } });
    expect(chunks).toBeGreaterThanOrEqual(responses.length);
    const analysis = await db.analysis.findFirstOrThrow({ where: { invitationId, responseId: null, status: "COMPLETE" } });
    expect(analysis.engine).toBe("offline");
    const notes = await db.notification.findMany({ where: { userId: hr.id, type: "analysis.ready" } });
    expect(notes).toHaveLength(1);
    expect(await db.emailMessage.count({ where: { to: hr.email, template: { contains: "analysis" } } })).toBe(1);

    // What an operator scrapes from /api/metrics after the run (tests/integration/metrics.test.ts checks the route).
    const scraped = await metrics().registry.metrics();
    expect(scraped).toMatch(/aivi_pipeline_step_duration_seconds_count\{function="[^"]*process-response",step="[^"]+",outcome="completed"\} [1-9]/);
    expect(scraped).toMatch(/aivi_pipeline_step_duration_seconds_count\{function="[^"]*analyze-interview",step="[^"]+",outcome="completed"\} [1-9]/);
    expect(scraped).toMatch(/aivi_transcription_real_time_factor_count\{engine="pocketsphinx"\} [1-9]/);
    expect(scraped).toMatch(/aivi_outbox_backlog 0\n/);
    expect(scraped).toMatch(/aivi_runner_leases_held 0\n/);
  }, 300_000);

  it("fails a corrupt recording with a reason HR can read, and processes it again after the retry button", async () => {
    const db = getDb();
    const org = await makeOrg("Corrupt");
    const hr = await makeUser({ role: "HR", orgId: org.id });
    const { responses } = await makeInterview({ organizationId: org.id, questions: [{ type: "VIDEO" }], consent: true, status: "COMPLETED" });
    const response = responses[0]!;
    const stored = await getStorage().put(`recordings/${response.id}/take-1.webm`, Readable.from([Buffer.from("not a recording at all")]), {
      contentType: "video/webm",
    });
    await db.mediaAsset.create({
      data: {
        organizationId: org.id,
        responseId: response.id,
        kind: "RECORDING",
        storageDriver: getStorage().driver,
        storageKey: stored.key,
        contentType: "video/webm",
        sizeBytes: BigInt(stored.size),
      },
    });
    // As the pipeline's probe leaves an answer whose recording does not decode: submitted, FAILED.
    await db.response.update({
      where: { id: response.id },
      data: { status: "FAILED", failureReason: "The recording could not be decoded.", submittedAt: new Date(), takesUsed: 1 },
    });

    await retryResponse(db, hr, org.id, { responseId: response.id });
    expect((await db.response.findUniqueOrThrow({ where: { id: response.id } })).status).toBe("UPLOADED");
    await settle(runner, 60_000);
    const failed = await db.response.findUniqueOrThrow({ where: { id: response.id } });
    expect(failed.status).toBe("FAILED");
    expect(failed.failureReason).toMatch(/recording/i);
    const run = await db.jobRun.findFirstOrThrow({
      where: { functionId: { endsWith: "process-response" }, event: { path: ["data", "responseId"], equals: response.id } },
    });
    expect(run.status).toBe("COMPLETED");
    // Its only answer failed: there is nothing to analyse, so no analysis starts.
    expect(run.output).toEqual({ failed: failed.failureReason, analysisStarted: false });
  }, 120_000);

  it("ends an answer in FAILED, without retrying, when Groq refuses the API key", async () => {
    // The real groq-sdk against a stand-in for Groq that refuses every key.
    const calls: string[] = [];
    const groq = createServer((req, res) => {
      calls.push(req.url ?? "");
      req.resume();
      res
        .writeHead(401, { "content-type": "application/json" })
        .end(JSON.stringify({ error: { message: "Invalid API Key", type: "invalid_request_error", code: "invalid_api_key" } }));
    });
    await new Promise<void>((resolve) => groq.listen(0, "127.0.0.1", resolve));
    process.env.GROQ_API_KEY = "gsk_not_a_real_key";
    process.env.GROQ_BASE_URL = `http://127.0.0.1:${(groq.address() as AddressInfo).port}`;
    resetEnvForTests();
    try {
      const db = getDb();
      const org = await makeOrg("Refused key");
      const hr = await makeUser({ role: "HR", orgId: org.id });
      const { responses } = await submitFixtureInterview({ candidate: "weak", organizationId: org.id, createdById: hr.id });
      await settle(runner, 120_000);
      for (const r of responses.filter((x) => x.type === "VIDEO")) {
        const row = await db.response.findUniqueOrThrow({ where: { id: r.id } });
        expect(row.status).toBe("FAILED");
        expect(row.failureReason).toMatch(/^Processing stopped: .*(API key|401)/i);
      }
      // One transcription request per answer: a refused key is not retried by the SDK or by the pipeline.
      expect(calls.filter((url) => url.endsWith("/audio/transcriptions"))).toHaveLength(responses.filter((x) => x.type === "VIDEO").length);
    } finally {
      delete process.env.GROQ_API_KEY;
      delete process.env.GROQ_BASE_URL;
      resetEnvForTests();
      await new Promise((resolve) => groq.close(resolve));
    }
  }, 180_000);
});
