import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inviteToCustomInterview, withAppDb } from "../fixtures/interview-app-db";
import { seriousA11yViolations } from "../helpers/a11y";
import { baseURL, launchBrowser } from "../helpers/browser";

/**
 * A candidate answers multiple-choice questions (one answer, then several) and a written one at
 * desktop and phone width, against the built app: the options keep their per-candidate order over a
 * reload, and the server stores the choices with the key's points. The written question is optional:
 * at phone width the candidate skips it and finishes early.
 */

let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await browser?.close();
});

const methods = [
  { id: "o1", text: "GET", correct: true },
  { id: "o2", text: "FETCH", correct: false },
  { id: "o3", text: "POST", correct: true },
  { id: "o4", text: "SEND", correct: false },
];
const codes = [
  { id: "c1", text: "404 Not Found", correct: true },
  { id: "c2", text: "200 OK", correct: false },
  { id: "c3", text: "302 Found", correct: false },
];

async function optionOrder(page: Page): Promise<string[]> {
  const group = page.getByRole("group", { name: /Choose/ });
  await group.waitFor();
  return (await group.locator("label").allInnerTexts()).map((t) => t.trim());
}

describe.each([
  { name: "desktop", viewport: { width: 1366, height: 900 } },
  { name: "phone", viewport: { width: 390, height: 844 } },
])("a multiple-choice interview at $name width", ({ name, viewport }) => {
  it("keeps each candidate's option order over a reload, takes one or several choices, and stores the key's points", async () => {
    const { token, invitationId } = await inviteToCustomInterview(`mc-${name}-${Date.now()}@example.com`, [
      {
        prompt: "Which code means the page does not exist?",
        type: "MULTIPLE_CHOICE",
        timeLimitSec: 0,
        thinkTimeSec: 0,
        retakes: 0,
        options: codes,
        scoreByKey: true,
      },
      { prompt: "Which are HTTP methods?", type: "MULTIPLE_CHOICE", timeLimitSec: 0, thinkTimeSec: 0, retakes: 0, options: methods, scoreByKey: true },
      { prompt: "Anything to add?", type: "TEXT", timeLimitSec: 0, thinkTimeSec: 0, retakes: 0, maxChars: 500, required: false },
    ]);
    const context = await browser.newContext({ baseURL: baseURL(), viewport });
    contexts.push(context);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));

    await page.goto(`/i/${token}`);
    await page.getByRole("heading", { name: "Before you start" }).waitFor();
    await page.getByRole("checkbox").check();
    await page.getByRole("button", { name: "Agree and continue" }).click();
    await page.getByText("Question 1 of 3").waitFor({ timeout: 30_000 });
    await page.getByText("Required", { exact: true }).waitFor();
    // A required question is still ahead: finishing now is not offered.
    expect(await page.getByTestId("finish-early").count()).toBe(0);
    await page.getByRole("group", { name: "Choose one option" }).waitFor();
    expect(await page.getByRole("radio").count()).toBe(3);
    const order = await optionOrder(page);
    expect([...order].sort()).toEqual(codes.map((c) => c.text).sort());
    await page.reload();
    await page.getByText("Question 1 of 3").waitFor({ timeout: 30_000 });
    expect(await optionOrder(page)).toEqual(order);
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

    await page.getByRole("button", { name: "Submit answer" }).click();
    await page.getByText("Choose an answer before submitting.").waitFor();
    await page.getByLabel("404 Not Found").check();
    await page.getByRole("button", { name: "Submit answer" }).click();

    await page.getByText("Question 2 of 3").waitFor({ timeout: 30_000 });
    await page.getByRole("group", { name: "Choose every option that applies" }).waitFor();
    expect(await page.getByRole("checkbox").count()).toBe(4);
    await page.getByLabel("GET").check();
    await page.getByLabel("SEND").check();
    await page.getByRole("button", { name: "Submit answer" }).click();

    await page.getByText("Question 3 of 3").waitFor({ timeout: 30_000 });
    await page.getByText("Optional", { exact: true }).waitFor();
    const skip = name === "phone";
    if (skip) {
      await page.getByRole("button", { name: "Finish the interview now" }).click();
    } else {
      await page.getByLabel("Your answer").fill("Happy to talk about caching.");
      await page.getByRole("button", { name: "Submit answer" }).click();
    }
    await page.getByRole("heading", { name: "Thank you!" }).waitFor({ timeout: 30_000 });
    expect(errors).toEqual([]);
    const status = await withAppDb((db) =>
      db.query<{ status: string; lastSeenAt: Date | null }>(`SELECT status, "lastSeenAt" FROM invitations WHERE id = $1`, [invitationId]),
    );
    // The page's heartbeat recorded the candidate while the interview was open.
    expect(status.rows[0]).toMatchObject({ status: "COMPLETED", lastSeenAt: expect.any(Date) });

    const rows = await withAppDb((db) =>
      db.query<{ position: number; choices: string[]; keyScore: number | null; textAnswer: string | null }>(
        `SELECT position, choices, "keyScore", "textAnswer" FROM responses WHERE "invitationId" = $1 ORDER BY position`,
        [invitationId],
      ),
    );
    expect(rows.rows.map((r) => ({ position: r.position, choices: r.choices, keyScore: r.keyScore, textAnswer: r.textAnswer }))).toEqual([
      { position: 0, choices: ["c1"], keyScore: 1, textAnswer: "404 Not Found" },
      { position: 1, choices: ["o1", "o4"], keyScore: 0, textAnswer: "GET\nSEND" },
      { position: 2, choices: [], keyScore: null, textAnswer: skip ? null : "Happy to talk about caching." },
    ]);
  });
});
