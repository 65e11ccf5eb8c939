import { spawnSync } from "node:child_process";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FAKE_MEDIA, fixturesPresent, makeFixtures } from "../../scripts/make-fixtures";
import { inviteToCustomInterview, inviteToSeededInterview, storedInterview, withAppDb, type StoredAnswer } from "../fixtures/interview-app-db";
import { readStoredRecording } from "../fixtures/interview-storage";
import { seriousA11yViolations } from "../helpers/a11y";
import { baseURL, launchBrowser, signInAsDemoUser } from "../helpers/browser";

/**
 * A candidate takes the seeded "Senior Backend Engineer" interview (three video questions, one
 * written) in Chromium with fake camera and microphone fed from festival speech and a test
 * pattern, against the built app. The stored recordings are decoded with ffmpeg afterwards.
 */

let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  if (!fixturesPresent()) await makeFixtures({ log: (line) => console.log(`[fixtures] ${line}`) });
  browser = await launchBrowser({ fakeMedia: FAKE_MEDIA });
}, 300_000);

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await browser?.close();
});

async function newPage(opts: { phone?: boolean } = {}): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({
    baseURL: baseURL(),
    ...(opts.phone ? { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true } : {}),
  });
  await context.grantPermissions(["camera", "microphone"], { origin: baseURL() });
  contexts.push(context);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  return { context, page, errors };
}

/** Decodes a stored recording end to end; returns its size, its length and anything ffmpeg complained about. */
async function decode(answer: StoredAnswer): Promise<{ bytes: number; exitCode: number | null; durationMs: number; errors: string }> {
  const bytes = await readStoredRecording(answer.asset!.storageKey, answer.asset!.storageDriver);
  const result = spawnSync("ffmpeg", ["-hide_banner", "-nostats", "-v", "error", "-progress", "pipe:1", "-i", "pipe:0", "-f", "null", "-"], {
    input: bytes,
    encoding: "buffer",
  });
  const progress = result.stdout.toString("utf8");
  const times = [...progress.matchAll(/out_time_us=(\d+)/g)].map((m) => Number(m[1]));
  // Chrome's recorder now and then stamps a frame out of order; ffmpeg notes it on the null muxer and decodes on.
  const errors = result.stderr
    .toString("utf8")
    .split("\n")
    .filter((line) => line.trim() && !/non monotonically increasing dts/.test(line))
    .join("\n");
  return { bytes: bytes.length, exitCode: result.status, durationMs: Math.round((times.at(-1) ?? 0) / 1000), errors };
}

/** The bytes of the recording kept on the device (IndexedDB) for the question on screen. */
function localRecordingBytes(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open("interview-recordings");
        open.onerror = () => reject(open.error ?? new Error("IndexedDB did not open"));
        open.onsuccess = () => {
          const all = open.result.transaction("chunks").objectStore("chunks").getAll();
          all.onerror = () => reject(all.error ?? new Error("IndexedDB could not read the chunks"));
          all.onsuccess = () => {
            open.result.close();
            resolve((all.result as { blob: Blob }[]).reduce((sum, c) => sum + c.blob.size, 0));
          };
        };
      }),
  );
}

/** A three-second WebM (VP8 + Opus) for the hiring team's intro video, made with Debian's ffmpeg. */
function introClip(): Buffer {
  const args = [
    "-hide_banner",
    "-loglevel",
    "error",
    "-f",
    "lavfi",
    "-i",
    "testsrc=size=320x240:rate=15",
    "-f",
    "lavfi",
    "-i",
    "sine=frequency=440:sample_rate=48000",
  ];
  const made = spawnSync("ffmpeg", [...args, "-t", "3", "-c:v", "libvpx", "-b:v", "300k", "-c:a", "libopus", "-f", "webm", "pipe:1"], {
    encoding: "buffer",
    maxBuffer: 16 * 1024 * 1024,
  });
  if (made.status !== 0) throw new Error(`ffmpeg could not make the intro video: ${made.stderr.toString()}`);
  return made.stdout;
}

/** The alerts with something in them (Next's route announcer is an empty one on every page). */
async function shownAlerts(page: Page): Promise<string[]> {
  return (await page.getByRole("alert").allInnerTexts()).map((t) => t.trim()).filter(Boolean);
}

/** No serious or critical axe violation on the page as it is now. */
async function expectAccessible(page: Page, where: string) {
  expect(await seriousA11yViolations(page), where).toEqual([]);
}

async function agreeAndCheckDevices(page: Page, opts: { checkA11y?: boolean } = {}) {
  await page.getByRole("heading", { name: "Before you start" }).waitFor();
  if (opts.checkA11y) await expectAccessible(page, "the consent screen");
  await expect(page.getByText("180 days").isVisible()).resolves.toBe(true);
  await page.getByRole("checkbox").check();
  await page.getByRole("button", { name: "Agree and continue" }).click();
  await page.getByRole("heading", { name: "Check your camera and microphone" }).waitFor();
  // The fake microphone speaks: the meter must move before the candidate goes on.
  await page.waitForFunction(() => Number(document.querySelector('[role="meter"]')?.getAttribute("aria-valuenow") ?? 0) > 5, undefined, { timeout: 20_000 });
  if (opts.checkA11y) await expectAccessible(page, "the device check");
  await page.getByRole("button", { name: "Start the interview" }).click();
}

/** Runs a step of the journey; a failure says what the page showed at the time. */
async function step<T>(page: Page, what: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    const text = await page
      .locator("main")
      .innerText({ timeout: 2_000 })
      .catch(() => "(no page)");
    throw new Error(`${what} failed: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}\nThe page shows:\n${text}`, { cause: error });
  }
}

function atQuestion(page: Page, n: number, of = 4) {
  return step(page, `Waiting for question ${n}`, () => page.getByText(`Question ${n} of ${of}`).waitFor({ timeout: 60_000 }));
}

/**
 * The interview once the background pipeline has measured every submitted recording: submitting
 * decodes nothing, the pipeline's probe stores each recording's decoded length.
 */
function measuredInterview(invitationId: string) {
  return until("the pipeline to measure every submitted recording", 240_000, async () => {
    const stored = await storedInterview(invitationId);
    return stored.answers.every((a) => a.type !== "VIDEO" || !a.submitted || a.durationMs !== null) ? stored : null;
  });
}

/** Skips the think time and records for about `seconds`; returns the wall-clock time recorded. */
async function record(page: Page, seconds: number, during?: () => Promise<void>): Promise<number> {
  await step(page, "Starting to record", async () => {
    await page.getByRole("button", { name: /I'm ready, start recording/ }).click();
    await page.getByTestId("recording-timer").waitFor();
  });
  const started = Date.now();
  if (during) await during();
  const left = seconds * 1000 - (Date.now() - started);
  if (left > 0) await page.waitForTimeout(left);
  await page.getByRole("button", { name: "Stop recording" }).click();
  const recorded = Date.now() - started;
  await step(page, "Stopping the recording", () => page.getByLabel("Your recording").waitFor());
  return recorded;
}

async function submitAnswer(page: Page) {
  await page.getByRole("button", { name: "Submit answer" }).click();
}

async function until<T>(what: string, timeoutMs: number, probe: () => Promise<T | null>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

function expectClose(actualMs: number | null | undefined, expectedMs: number, label: string) {
  expect(actualMs, label).not.toBeNull();
  expect(Math.abs(actualMs! - expectedMs), `${label}: ${actualMs} ms stored, ${expectedMs} ms recorded`).toBeLessThanOrEqual(1500);
}

describe("a candidate's interview", () => {
  it("is completed end to end at phone width, transcribed and analysed in the background, and HR reviews it", async () => {
    const { token, invitationId, templateId } = await inviteToSeededInterview(`ada-${Date.now()}@example.com`);
    const { page, errors } = await newPage({ phone: true });
    await page.goto(`/i/${token}`);
    await agreeAndCheckDevices(page, { checkA11y: true });

    const recorded: number[] = [];
    await atQuestion(page, 1);
    await expectAccessible(page, "a video question");
    // The first question allows a retake: record, think better of it, record again.
    await record(page, 3);
    await page.getByRole("button", { name: /Record again/ }).click();
    recorded.push(await record(page, 5));
    await expect(page.getByRole("button", { name: /Record again/ }).count()).resolves.toBe(0);
    await submitAnswer(page);

    await atQuestion(page, 2);
    recorded.push(await record(page, 4));
    await submitAnswer(page);

    await atQuestion(page, 3);
    // No retakes on this one.
    recorded.push(await record(page, 4));
    await expect(page.getByText("No retakes left for this question.").isVisible()).resolves.toBe(true);
    await submitAnswer(page);

    await atQuestion(page, 4);
    await expectAccessible(page, "a written question");
    const answer = "Two months, negotiable.";
    await page.getByLabel("Your answer").fill(answer);
    await expect(page.getByText(`${answer.length} / 2000 characters`).isVisible()).resolves.toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await submitAnswer(page);
    await page.getByRole("heading", { name: "Thank you!" }).waitFor({ timeout: 30_000 });
    await expectAccessible(page, "the end of the interview");

    const stored = await measuredInterview(invitationId);
    expect(stored.invitation?.status).toBe("COMPLETED");
    expect(stored.invitation?.consentAt).toBeTruthy();
    expect(stored.events).toEqual([
      "invitation.opened",
      "response.submitted",
      "response.submitted",
      "response.submitted",
      "response.submitted",
      "interview.completed",
    ]);
    const videos = stored.answers.filter((a) => a.type === "VIDEO");
    // The pipeline picks each answer up as soon as it is submitted, so it may have moved on already.
    expect(videos.map((a) => [a.submitted && a.status !== "FAILED", a.takesUsed])).toEqual([
      [true, 2],
      [true, 1],
      [true, 1],
    ]);
    for (const [i, a] of videos.entries()) {
      expectClose(a.durationMs, recorded[i]!, `question ${i + 1} Response.durationMs`);
      expectClose(a.asset?.durationMs, recorded[i]!, `question ${i + 1} MediaAsset.durationMs`);
      const decoded = await decode(a);
      expect(decoded.exitCode, `question ${i + 1} decodes`).toBe(0);
      expect(decoded.errors, `question ${i + 1} decodes cleanly`).toBe("");
      expectClose(decoded.durationMs, recorded[i]!, `question ${i + 1} decoded file`);
    }
    expect(stored.answers.find((a) => a.type === "TEXT")).toMatchObject({ textAnswer: answer, submitted: true });
    expect(errors).toEqual([]);

    // No Inngest server: the app's in-process runner transcribes every recorded answer, then analyses the interview.
    const processed = await until("every video answer to be transcribed and the interview analysed", 240_000, async () => {
      const now = await storedInterview(invitationId);
      const done = now.answers.filter((a) => a.type === "VIDEO").every((a) => a.transcript && (a.status === "ANALYZED" || a.status === "TRANSCRIBED"));
      return done && now.analysis ? now : null;
    });
    for (const a of processed.answers.filter((x) => x.type === "VIDEO")) {
      expect(a.transcript?.engine).toBe("pocketsphinx");
      expect(a.status).toBe("ANALYZED");
    }
    expect(processed.analysis?.engine).toBe("offline");

    // HR compares the template's candidates, opens this one, overrides a score and finds it in the audit log.
    const { page: hr } = await newPage();
    await hr.goto("/sign-in");
    await hr.getByRole("button", { name: /Harper Recruiter/ }).click();
    await hr.waitForURL(/\/dashboard/);
    await hr.goto(`/templates/${templateId}/compare`);
    await step(hr, "Opening the comparison", () => hr.locator(`a[href="/interviews/${invitationId}"]`).waitFor({ timeout: 30_000 }));
    await expectAccessible(hr, "the comparison");
    await hr.locator(`a[href="/interviews/${invitationId}"]`).click();
    await step(hr, "Reading the AI analysis", () => hr.getByText("Offline analyzer (deterministic)").first().waitFor({ timeout: 30_000 }));
    await expectAccessible(hr, "the review page with its analysis");
    await hr.getByRole("button", { name: "Override Technical depth" }).click();
    const dialog = hr.getByRole("dialog");
    // Whatever the AI gave, HR sets another score (setting the current one again is refused).
    const now = /Now (\d)/.exec(await dialog.innerText())?.[1];
    await dialog.getByLabel("Your score").selectOption(now === "5" ? "4" : "5");
    await dialog.getByLabel("Why").fill("Strong EXPLAIN ANALYZE answer in the live follow-up.");
    await dialog.getByRole("button", { name: "Save override" }).click();
    await step(hr, "Saving the override", () => dialog.waitFor({ state: "hidden", timeout: 15_000 }));
    await hr.goto("/audit");
    await step(hr, "Finding the override in the audit log", () =>
      hr.getByText("Strong EXPLAIN ANALYZE answer in the live follow-up.").waitFor({ timeout: 30_000 }),
    );
    const row = hr.getByRole("row").filter({ hasText: "Strong EXPLAIN ANALYZE answer in the live follow-up." });
    await expect(row.getByText("analysis.override").isVisible()).resolves.toBe(true);
    await expect(row.getByText("Harper Recruiter").isVisible()).resolves.toBe(true);
  }, 480_000);

  it("survives a reload mid-recording and a dropped connection: it resumes and no answer is lost", async () => {
    const { token, invitationId } = await inviteToSeededInterview(`grace-${Date.now()}@example.com`);
    const { context, page } = await newPage();
    await page.goto(`/i/${token}`);
    await agreeAndCheckDevices(page);

    // 1: the network drops for a few seconds while recording; chunks wait on the device, then upload.
    await atQuestion(page, 1);
    const first = await record(page, 8, async () => {
      await page.waitForTimeout(2000);
      await context.setOffline(true);
      await page.locator('[data-testid="upload-status"][data-phase="offline"]').waitFor({ timeout: 15_000 });
      await page.waitForTimeout(3000);
      await context.setOffline(false);
    });
    await page.locator('[data-testid="upload-status"][data-phase="done"]').waitFor({ timeout: 30_000 });
    const local = [await localRecordingBytes(page)];
    await submitAnswer(page);

    // 2: the page reloads in the middle of a recording; what was recorded comes back, uploads and is submitted.
    await atQuestion(page, 2);
    await page.getByRole("button", { name: /I'm ready, start recording/ }).click();
    await page.getByTestId("recording-timer").waitFor();
    await page.waitForTimeout(4000);
    await page.reload();
    await atQuestion(page, 2);
    await page.getByText("This recording was cut short").waitFor({ timeout: 30_000 });
    await page.locator('[data-testid="upload-status"][data-phase="done"]').waitFor({ timeout: 30_000 });
    local.push(await localRecordingBytes(page));
    await submitAnswer(page);

    // 3: the connection is gone when the candidate stops and submits. Submit does not wait: the next
    // question starts, and the answer goes once the connection is back, even after the tab was
    // closed and the link opened again, without the candidate submitting it again.
    await atQuestion(page, 3);
    const third = await record(page, 4, async () => {
      await page.waitForTimeout(1500);
      await context.setOffline(true);
    });
    await submitAnswer(page);
    await atQuestion(page, 4);
    await page
      .getByTestId("background-sends")
      .getByText(/question 3 is saved on this device/)
      .waitFor();
    await page.getByText("You are offline").first().waitFor();
    local.push(await localRecordingBytes(page));
    await page.close();
    await context.setOffline(false);
    const again = await context.newPage();
    await again.goto(`/i/${token}`);
    await atQuestion(again, 4);
    await again.getByLabel("Your answer").fill("Four weeks.");
    await submitAnswer(again);
    await again.getByRole("heading", { name: "Thank you!" }).waitFor({ timeout: 30_000 });

    const stored = await measuredInterview(invitationId);
    expect(stored.invitation?.status).toBe("COMPLETED");
    const videos = stored.answers.filter((a) => a.type === "VIDEO");
    expect(videos.every((a) => a.submitted && a.status !== "FAILED" && a.upload?.status === "COMPLETE")).toBe(true);
    for (const [i, a] of videos.entries()) {
      const decoded = await decode(a);
      // Every chunk recorded on the device arrived, in order, into the stored file.
      expect(local[i], `question ${i + 1}: bytes recorded on the device`).toBeGreaterThan(0);
      expect(decoded.bytes, `question ${i + 1}: bytes stored`).toBe(local[i]);
      expect(a.upload!.receivedBytes, `question ${i + 1}: bytes received`).toBe(local[i]);
      expect(decoded.exitCode, `question ${i + 1} decodes`).toBe(0);
      // A recording cut off by the reload ends inside its last element; ffmpeg says so and decodes the rest.
      if (i === 1) expect(decoded.errors).toMatch(/^(|.*File ended prematurely.*)$/);
      else expect(decoded.errors, `question ${i + 1} decodes cleanly`).toBe("");
      expectClose(a.durationMs, decoded.durationMs, `question ${i + 1} stored vs decoded`);
    }
    expectClose(videos[0]!.durationMs, first, "question 1 (offline while recording)");
    // Cut by the reload: up to the last whole chunk of the four seconds recorded.
    expect(videos[1]!.durationMs).toBeGreaterThan(2000);
    expectClose(videos[2]!.durationMs, third, "question 3 (offline at submit, tab closed)");
  });

  it("explains a blocked or missing camera, and Try again recovers", async () => {
    const { token, invitationId } = await inviteToSeededInterview(`linus-${Date.now()}@example.com`);
    const { page } = await newPage();
    // The browser refuses twice, as when the candidate blocks the prompt and then has no camera plugged in.
    await page.addInitScript(() => {
      const real = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
      const refusals = ["NotAllowedError", "NotFoundError"];
      navigator.mediaDevices.getUserMedia = (constraints) => {
        const name = refusals.shift();
        return name ? Promise.reject(new DOMException("refused by the test", name)) : real(constraints);
      };
    });
    await page.goto(`/i/${token}`);
    await page.getByRole("checkbox").check();
    await page.getByRole("button", { name: "Agree and continue" }).click();
    await page.getByRole("alert").filter({ hasText: "blocked the camera or microphone" }).waitFor();
    await expect(page.getByRole("button", { name: "Start the interview" }).isDisabled()).resolves.toBe(true);
    await page.getByRole("button", { name: "Try again" }).click();
    await page.getByRole("alert").filter({ hasText: "No camera or microphone was found" }).waitFor();
    await page.getByRole("button", { name: "Try again" }).click();
    await page.waitForFunction(() => Number(document.querySelector('[role="meter"]')?.getAttribute("aria-valuenow") ?? 0) > 5, undefined, { timeout: 20_000 });
    await expect(page.getByText("No camera or microphone was found").count()).resolves.toBe(0);
    await page.getByRole("button", { name: "Start the interview" }).click();
    await atQuestion(page, 1);
    // Nothing was recorded while the devices were refused: the interview is opened and consented, not started.
    const stored = await storedInterview(invitationId);
    expect(stored.invitation?.status).toBe("OPENED");
    expect(stored.answers.every((a) => a.takesUsed === 0)).toBe(true);
  });

  it("starts recording when the think time runs out and stops it at the time limit", async () => {
    const { token, invitationId } = await inviteToCustomInterview(`ken-${Date.now()}@example.com`, [
      { prompt: "Say your name.", type: "VIDEO", timeLimitSec: 4, thinkTimeSec: 2, retakes: 0 },
    ]);
    const { page } = await newPage();
    await page.goto(`/i/${token}`);
    await agreeAndCheckDevices(page);
    await atQuestion(page, 1, 1);
    // Nobody clicks: the countdown starts the recording, the limit ends it.
    await step(page, "Waiting for the recording to start on its own", () => page.getByTestId("recording-timer").waitFor({ timeout: 10_000 }));
    await step(page, "Waiting for the recording to stop at the limit", () => page.getByLabel("Your recording").waitFor({ timeout: 15_000 }));
    await expect(page.getByRole("button", { name: "Stop recording" }).count()).resolves.toBe(0);
    await page.locator('[data-testid="upload-status"][data-phase="done"]').waitFor({ timeout: 30_000 });
    await submitAnswer(page);
    await page.getByRole("heading", { name: "Thank you!" }).waitFor({ timeout: 30_000 });
    await expectAccessible(page, "the end of the interview");

    const stored = await measuredInterview(invitationId);
    expect(stored.invitation?.status).toBe("COMPLETED");
    expectClose(stored.answers[0]!.durationMs, 4000, "a recording stopped at the 4 s limit");
    const decoded = await decode(stored.answers[0]!);
    expect(decoded.exitCode).toBe(0);
    expectClose(decoded.durationMs, 4000, "the stored file");
  });

  it("answers with accommodations: the consent screen states them and the server's longer think and answer times hold", async () => {
    const { token, invitationId } = await inviteToCustomInterview(`acc-${Date.now()}@example.com`, [
      { prompt: "Say your name.", type: "VIDEO", timeLimitSec: 4, thinkTimeSec: 2, retakes: 0 },
    ]);
    await withAppDb((db) => db.query(`UPDATE invitations SET "extraThinkPct" = 50, "extraAnswerPct" = 50, "extraRetakes" = 1 WHERE id = $1`, [invitationId]));
    const { page } = await newPage();
    await page.goto(`/i/${token}`);
    const stated = page.getByTestId("accommodations");
    await stated.waitFor();
    expect(await stated.textContent()).toContain("50 % more time for each answer");
    expect(await stated.textContent()).toContain("1 extra retake on each recorded question");
    await agreeAndCheckDevices(page);
    await atQuestion(page, 1, 1);
    await step(page, "Waiting for the recording to start on its own", () => page.getByTestId("recording-timer").waitFor({ timeout: 10_000 }));
    await step(page, "Waiting for the recording to stop at the longer limit", () => page.getByLabel("Your recording").waitFor({ timeout: 20_000 }));
    await page.locator('[data-testid="upload-status"][data-phase="done"]').waitFor({ timeout: 30_000 });
    await submitAnswer(page);
    await page.getByRole("heading", { name: "Thank you!" }).waitFor({ timeout: 30_000 });

    const stored = await measuredInterview(invitationId);
    // 4 s + 50 % = 6 s: the recorder stops at the candidate's own limit, not the question's.
    expectClose(stored.answers[0]!.durationMs, 6000, "a recording stopped at the accommodated 6 s limit");
  });

  it("waits out a busy server (503 with Retry-After on submit) quietly, keeping the answer, and finishes with no error shown", async () => {
    const { token, invitationId } = await inviteToCustomInterview(`busy-${Date.now()}@example.com`, [
      { prompt: "Say your name.", type: "VIDEO", timeLimitSec: 30, thinkTimeSec: 60, retakes: 0 },
    ]);
    const { page, errors } = await newPage();
    // The first two submits meet a saturated server, answered as the app answers then
    // (server/overload): 503, Retry-After, tRPC's SERVICE_UNAVAILABLE.
    const submits: number[] = [];
    await page.route(
      (url) => url.pathname.endsWith("/api/trpc/interview.submitVideo"),
      async (route) => {
        submits.push(Date.now());
        if (submits.length > 2) return route.continue();
        const busy = {
          message: "The server is busy right now.",
          code: -32603,
          data: { code: "SERVICE_UNAVAILABLE", httpStatus: 503, path: "interview.submitVideo", zod: null },
        };
        await route.fulfill({
          status: 503,
          headers: { "content-type": "application/json", "retry-after": "2" },
          body: JSON.stringify([{ error: { json: busy } }]),
        });
      },
    );
    await page.goto(`/i/${token}`);
    await agreeAndCheckDevices(page);
    await atQuestion(page, 1, 1);
    await record(page, 3);
    await page.locator('[data-testid="upload-status"][data-phase="done"]').waitFor({ timeout: 30_000 });
    const recorded = await localRecordingBytes(page);
    await submitAnswer(page);

    await until("the first busy reply", 30_000, () => Promise.resolve(submits.length >= 1 || null));
    // While the server is busy the recording stays on the device, and the page says nothing alarming.
    expect(await localRecordingBytes(page)).toBe(recorded);
    expect(await shownAlerts(page)).toEqual([]);
    await step(page, "Waiting for the interview to finish after the retries", () =>
      page.getByRole("heading", { name: "Thank you!" }).waitFor({ timeout: 60_000 }),
    );
    expect(submits).toHaveLength(3);
    // Each retry waited as long as the server asked.
    expect(submits[1]! - submits[0]!).toBeGreaterThanOrEqual(1900);
    expect(submits[2]! - submits[1]!).toBeGreaterThanOrEqual(1900);
    expect(await shownAlerts(page)).toEqual([]);
    expect(await page.getByText(/offline|busy|went wrong|could not/i).count()).toBe(0);
    expect(errors).toEqual([]);

    const stored = await storedInterview(invitationId);
    expect(stored.invitation?.status).toBe("COMPLETED");
    expect(stored.events).toEqual(["invitation.opened", "response.submitted", "interview.completed"]);
    expect(stored.answers[0]!.upload?.receivedBytes).toBe(recorded);
  });

  it("never holds Submit for parts still uploading: the next question starts at once, and the end shows the upload's progress", async () => {
    const { token, invitationId } = await inviteToCustomInterview(`uplink-${Date.now()}@example.com`, [
      { prompt: "Say your name.", type: "VIDEO", timeLimitSec: 30, thinkTimeSec: 60, retakes: 0 },
      { prompt: "Say where you live.", type: "VIDEO", timeLimitSec: 30, thinkTimeSec: 60, retakes: 0 },
    ]);
    const { page, errors } = await newPage();
    // A slow uplink: each part of a recording takes longer to send than to record.
    await page.route(
      (url) => /\/api\/uploads\/[^/]+\/chunks\/\d+$/.test(url.pathname),
      async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 2500));
        await route.continue();
      },
    );
    await page.goto(`/i/${token}`);
    await agreeAndCheckDevices(page);
    await atQuestion(page, 1, 2);
    await record(page, 4);
    await submitAnswer(page);
    // The next question is on screen while the first answer's parts are still on their way.
    await atQuestion(page, 2, 2);
    await expect(page.getByTestId("background-sends").innerText()).resolves.toMatch(/Sending your answer to question 1 in the background \(\d+ of \d+ parts\)/);

    await record(page, 4);
    await submitAnswer(page);
    const sending = page.getByTestId("sending-answers");
    await step(page, "Showing the last parts' progress", () => sending.waitFor({ timeout: 15_000 }));
    expect(await sending.getByRole("progressbar").count()).toBe(1);
    await expect(sending.innerText()).resolves.toMatch(/\d+ of \d+ parts sent/);
    await step(page, "Waiting for the interview to finish", () => page.getByRole("heading", { name: "Thank you!" }).waitFor({ timeout: 90_000 }));
    expect(await shownAlerts(page)).toEqual([]);
    expect(errors).toEqual([]);

    const stored = await storedInterview(invitationId);
    expect(stored.invitation?.status).toBe("COMPLETED");
    expect(stored.answers.map((a) => [a.submitted, a.upload?.status])).toEqual([
      [true, "COMPLETE"],
      [true, "COMPLETE"],
    ]);
    // Everything went: nothing is left on the device.
    expect(await localRecordingBytes(page)).toBe(0);
  });

  it("shows the hiring team's intro text and video, then offers a practice answer, played back on the page and never uploaded or stored", async () => {
    const { token, invitationId } = await inviteToCustomInterview(`practice-${Date.now()}@example.com`, [
      { prompt: "Say your name.", type: "VIDEO", timeLimitSec: 30, thinkTimeSec: 60, retakes: 0 },
    ]);
    const { page, errors } = await newPage();
    const sent: string[] = [];
    page.on("request", (request) => {
      const path = new URL(request.url()).pathname;
      if (path.startsWith("/api/uploads") || /startTake|submitVideo/.test(path)) sent.push(path);
    });
    // The hiring team's welcome, written after the invitation went out, is read before consent.
    await withAppDb((db) =>
      db.query(`UPDATE templates SET "introText" = $1 WHERE id = (SELECT "templateId" FROM invitations WHERE id = $2)`, [
        "Welcome! This takes ten minutes.",
        invitationId,
      ]),
    );
    // HR uploads an intro video on the template page after the invitation went out, too.
    const templateId = await withAppDb(
      async (db) => (await db.query<{ templateId: string }>(`SELECT "templateId" FROM invitations WHERE id = $1`, [invitationId])).rows[0]!.templateId,
    );
    const hr = await signInAsDemoUser(browser, "Harper Recruiter");
    contexts.push(hr.context);
    await hr.page.goto(`/templates/${templateId}`);
    await hr.page.getByText("No intro video yet.").waitFor();
    await hr.page.getByLabel("Or upload a video file").setInputFiles({ name: "welcome.webm", mimeType: "video/webm", buffer: introClip() });
    await hr.page.getByLabel("The current intro video").waitFor({ timeout: 60_000 });
    // Then records a replacement in the page with the candidates' recorder.
    await hr.context.grantPermissions(["camera", "microphone"], { origin: baseURL() });
    await hr.page.getByRole("button", { name: "Record a new video" }).click();
    await hr.page.getByRole("button", { name: "Start recording" }).click();
    await hr.page.getByText(/Recording 0:0[2-9]/).waitFor({ timeout: 15_000 });
    await hr.page.getByRole("button", { name: "Stop recording" }).click();
    await hr.page.getByLabel("Your new intro video").waitFor();
    await hr.page.getByRole("button", { name: "Use this video" }).click();
    await hr.page.getByRole("button", { name: "Record a new video" }).waitFor({ timeout: 60_000 });
    const changes = await withAppDb(
      async (db) =>
        (
          await db.query<{ data: { from: unknown; to: { contentType: string; durationMs: number } } }>(
            `SELECT data FROM audit_logs WHERE "targetId" = $1 AND action = 'template.introVideo' ORDER BY "createdAt"`,
            [templateId],
          )
        ).rows,
    );
    expect(changes).toHaveLength(2);
    expect(changes[1]!.data.to.contentType).toBe("video/webm");
    expect(changes[1]!.data.to.durationMs).toBeGreaterThan(1500);
    expect(hr.errors).toEqual([]);

    await page.goto(`/i/${token}`);
    await page.getByRole("heading", { name: "Before you start" }).waitFor();
    await expect(page.getByTestId("intro").innerText()).resolves.toContain("Welcome! This takes ten minutes.");
    // A plain player on a signed, expiring URL, which plays when the candidate presses play.
    const intro = page.getByLabel("Intro video from Acme", { exact: false });
    await intro.waitFor();
    const source = await page.locator('[data-testid="intro-video"] source').getAttribute("src");
    expect(source).toMatch(/[?&]sig=/);
    expect(source).toMatch(/[?&]exp=\d+/);
    await intro.evaluate((video: HTMLVideoElement) => video.play());
    await page.waitForFunction(() => (document.querySelector<HTMLVideoElement>('[data-testid="intro-video"] video')?.currentTime ?? 0) > 0.5, undefined, {
      timeout: 20_000,
    });
    await intro.evaluate((video: HTMLVideoElement) => video.pause());
    await expectAccessible(page, "the consent screen with the intro video");
    await page.getByRole("checkbox").check();
    await page.getByRole("button", { name: "Agree and continue" }).click();
    await page.getByRole("button", { name: "Try a practice question first" }).click();
    await page.getByTestId("practice-question").waitFor();
    await expectAccessible(page, "the practice question");
    await page.getByRole("button", { name: "Record a practice answer" }).click();
    await page.getByText(/Practising 0:0[1-9]/).waitFor({ timeout: 15_000 });
    await page.getByRole("button", { name: "Stop practising" }).click();
    const playback = page.getByLabel("Your practice recording");
    await playback.waitFor();
    // It plays back from memory: a blob the page made, with sound and picture.
    expect(await playback.getAttribute("src")).toMatch(/^blob:/);
    await page.waitForFunction(() => (document.querySelector<HTMLVideoElement>('video[aria-label="Your practice recording"]')?.readyState ?? 0) >= 1);
    expect(sent).toEqual([]);
    expect(await localRecordingBytes(page)).toBe(0);

    await page.getByRole("button", { name: "Start the interview" }).click();
    await atQuestion(page, 1, 1);
    expect(sent).toEqual([]);
    const stored = await storedInterview(invitationId);
    expect(stored.answers.map((a) => [a.takesUsed, a.upload])).toEqual([[0, null]]);
    expect(errors).toEqual([]);
  });
});
