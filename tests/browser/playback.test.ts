import { spawn } from "node:child_process";
import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makePlayback, planPlayback } from "@/server/media/playback";
import { probeMedia } from "@/server/media/probe";
import { LocalDiskStorage } from "@/server/storage";
import { inviteToCustomInterview, withAppDb } from "../fixtures/interview-app-db";
import { fixtureRecording } from "../fixtures/pipeline";
import { launchBrowser, signInAsDemoUser } from "../helpers/browser";

/**
 * HR reviews two recorded answers whose recordings came in as MediaRecorder streams them (no
 * duration, no cues) and went through the pipeline's remux: the player shows the length before
 * anything plays, seeks before playing, plays one answer at a time, follows the keyboard and marks
 * an answer Reviewed once it has been played to 90 %.
 */

let browser: Browser;
let dir: string;

beforeAll(async () => {
  browser = await launchBrowser();
  dir = await mkdtemp(path.join(os.tmpdir(), "playback-browser-"));
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await rm(dir, { recursive: true, force: true });
});

function streamed(file: string, target: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn("ffmpeg", ["-hide_banner", "-loglevel", "error", "-i", file, "-c", "copy", "-live", "1", "-f", "webm", "pipe:1"], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout.pipe(createWriteStream(target));
    child.once("error", reject);
    child.once("close", (code) => (code === 0 ? resolve() : reject(new Error(`ffmpeg exited with ${code}`))));
  });
}

/** The app's local storage (STORAGE_DIR's default, relative to the working directory it shares with the tests). */
const appStorage = () => new LocalDiskStorage(path.resolve(process.env.STORAGE_DIR || ".data/storage"), { appUrl: "http://localhost", secret: "unused" });

/** A submitted, processed answer: the streamed recording and the playback copy the media step makes of it. */
async function processedAnswer(responseId: string, organizationId: string, fixture: [string, string]): Promise<number> {
  const recording = path.join(dir, `${responseId}.webm`);
  await streamed(await fixtureRecording(...fixture), recording);
  const probe = await probeMedia(recording);
  const plan = planPlayback(probe)!;
  const copy = path.join(dir, `${responseId}-playback.webm`);
  await makePlayback(recording, copy, plan, { durationMs: probe.durationMs });
  const storage = appStorage();
  const rec = await storage.putFile(`recordings/${responseId}/take-1.webm`, recording, { contentType: "video/webm" });
  const play = await storage.putFile(`responses/${responseId}/playback.webm`, copy, { contentType: "video/webm" });
  await withAppDb(async (db) => {
    for (const [kind, stored] of [
      ["RECORDING", rec],
      ["PLAYBACK", play],
    ] as const) {
      await db.query(
        `INSERT INTO media_assets (id, "organizationId", "responseId", kind, "storageDriver", "storageKey", "contentType", "sizeBytes", "durationMs", "createdAt")
         VALUES ($1, $2, $3, $4::"MediaKind", 'local', $5, 'video/webm', $6, $7, now())`,
        [`ma_${kind}_${responseId}`, organizationId, responseId, kind, stored.key, stored.size, probe.durationMs],
      );
    }
    await db.query(`UPDATE responses SET status = 'TRANSCRIBED', "takesUsed" = 1, "durationMs" = $2, "submittedAt" = now() WHERE id = $1`, [
      responseId,
      probe.durationMs,
    ]);
  });
  return probe.durationMs;
}

const videoState = (page: Page, index: number) =>
  page
    .locator("video")
    .nth(index)
    .evaluate((v: HTMLVideoElement) => ({ paused: v.paused, currentTime: v.currentTime, duration: v.duration, rate: v.playbackRate }));

describe("the review page's player", () => {
  it("shows the duration, seeks before playing, plays one answer at a time, follows the keys and marks a fully watched answer Reviewed", async () => {
    const { invitationId } = await inviteToCustomInterview("playback@example.com", [
      { prompt: "Tell us about a launch.", type: "VIDEO", timeLimitSec: 120, thinkTimeSec: 30, retakes: 1 },
      { prompt: "And a failure.", type: "VIDEO", timeLimitSec: 120, thinkTimeSec: 30, retakes: 1 },
    ]);
    const rows = await withAppDb(
      async (db) =>
        (
          await db.query<{ id: string; organizationId: string }>(
            `SELECT r.id, i."organizationId" FROM responses r JOIN invitations i ON i.id = r."invitationId" WHERE r."invitationId" = $1 ORDER BY r.position`,
            [invitationId],
          )
        ).rows,
    );
    const firstMs = await processedAnswer(rows[0]!.id, rows[0]!.organizationId, ["strong", "q1"]);
    const secondMs = await processedAnswer(rows[1]!.id, rows[1]!.organizationId, ["weak", "q2"]);
    await withAppDb((db) => db.query(`UPDATE invitations SET status = 'COMPLETED', "completedAt" = now() WHERE id = $1`, [invitationId]));

    const { page, errors } = await signInAsDemoUser(browser, "Harper Recruiter");
    await page.goto(`/interviews/${invitationId}`);
    const players = page.locator("[data-answer-player]");
    await expect.poll(() => players.count()).toBe(2);

    // The length is shown before anything plays: the server's measure, then the file's own header.
    const seconds = (ms: number) => `${Math.floor(Math.round(ms / 1000) / 60)}:${String(Math.round(ms / 1000) % 60).padStart(2, "0")}`;
    await expect.poll(() => players.nth(0).getByTestId("player-time").textContent()).toBe(`0:00 / ${seconds(firstMs)}`);
    await page
      .locator("video")
      .nth(0)
      .evaluate((v: HTMLVideoElement) => new Promise((r) => (v.readyState >= 1 ? r(null) : v.addEventListener("loadedmetadata", r))));
    const before = await videoState(page, 0);
    expect(before.paused).toBe(true);
    expect(Math.abs(before.duration - firstMs / 1000)).toBeLessThan(0.5);

    // Seeking before playing lands where asked: the cues let the browser fetch just that part.
    await page
      .locator("video")
      .nth(0)
      .evaluate(
        (v: HTMLVideoElement) =>
          new Promise((resolve) => {
            v.addEventListener("seeked", resolve, { once: true });
            v.currentTime = 20;
          }),
      );
    expect((await videoState(page, 0)).currentTime).toBeCloseTo(20, 0);
    await expect.poll(() => players.nth(0).getByTestId("player-time").textContent()).toBe(`0:20 / ${seconds(firstMs)}`);

    // J goes back 10 s, K plays; then N moves to the next answer, whose K pauses the first.
    await page.locator("video").nth(0).focus();
    await page.keyboard.press("j");
    await expect.poll(async () => Math.round((await videoState(page, 0)).currentTime)).toBe(10);
    await page.keyboard.press("k");
    await expect.poll(async () => (await videoState(page, 0)).paused).toBe(false);
    await page.keyboard.press("n");
    await expect.poll(() => page.evaluate(() => document.activeElement === document.querySelectorAll("video")[1])).toBe(true);
    await expect.poll(async () => (await videoState(page, 0)).paused).toBe(true);

    // The second answer at 2×, played through from the start while the first plays: the first stops, the second is Reviewed.
    await players.nth(1).getByLabel("Speed").selectOption("2");
    await page
      .locator("video")
      .nth(0)
      .evaluate((v: HTMLVideoElement) => v.play());
    expect((await videoState(page, 0)).paused).toBe(false);
    await page.locator("video").nth(1).focus();
    await page.keyboard.press(" ");
    await expect.poll(async () => (await videoState(page, 1)).rate).toBe(2);
    await expect.poll(async () => (await videoState(page, 0)).paused).toBe(true);
    await expect(
      players
        .nth(1)
        .getByText("Reviewed", { exact: true })
        .waitFor({ timeout: 4 * secondMs + 10_000 }),
    ).resolves.toBeUndefined();
    expect(await players.nth(0).getByText("Reviewed", { exact: true }).count()).toBe(0);

    // The mark is the server's: it is still there after a reload.
    await page.reload();
    await players.nth(1).getByText("Reviewed", { exact: true }).waitFor();
    expect(errors).toEqual([]);
  });
});
