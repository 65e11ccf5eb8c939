import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { questionOrder } from "@/server/interview/interview-settings";
import { inviteToCustomInterview } from "../fixtures/interview-app-db";
import { baseURL, launchBrowser, signInAsDemoUser } from "../helpers/browser";

/**
 * Interview settings against the built app: HR saves a template's settings on its page, and a
 * candidate whose interview has random order, an overall limit without pausing and a hidden timer is
 * told so before agreeing, keeps their own question order over reloads, and sees no countdown.
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

const prompts = ["What drew you to this role?", "Describe a hard bug you fixed.", "How do you test your work?", "Where do you want to grow?", "Anything else?"];
const questions = prompts.map((prompt) => ({ prompt, type: "TEXT" as const, timeLimitSec: 0, thinkTimeSec: 0, retakes: 0, maxChars: 500 }));

const shownPrompt = (page: Page) => page.locator("#question-title").innerText();

describe("interview settings", () => {
  it("keeps a candidate's random order over reloads, states the settings before consent and hides the timer", async () => {
    const { token, invitationId } = await inviteToCustomInterview(`settings-${Date.now()}@example.com`, questions, {
      randomOrder: true,
      timeLimitMin: 30,
      allowPause: false,
      showTimer: false,
    });
    const expected = questionOrder(
      prompts.map((prompt, position) => ({ prompt, position })),
      invitationId,
      true,
    ).map((q) => q.prompt);
    const context = await browser.newContext({ baseURL: baseURL() });
    contexts.push(context);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));

    await page.goto(`/i/${token}`);
    const notice = page.getByTestId("settings-notice");
    await notice.waitFor({ timeout: 30_000 });
    const told = await notice.innerText();
    expect(told).toContain("order drawn for you");
    expect(told).toContain("30 minutes for the whole interview");
    expect(told).toContain("the clock keeps running while you are away");
    expect(told).toContain("not shown");
    await page.getByRole("checkbox").check();
    await page.getByRole("button", { name: "Agree and continue" }).click();
    await page.getByText("Question 1 of 5").waitFor({ timeout: 30_000 });
    expect(await shownPrompt(page)).toBe(expected[0]);
    await page.reload();
    await page.getByText("Question 1 of 5").waitFor({ timeout: 30_000 });
    expect(await shownPrompt(page)).toBe(expected[0]);

    await page.getByLabel("Your answer").fill("The team and the product.");
    await page.getByRole("button", { name: "Submit answer" }).click();
    await page.getByText("Question 2 of 5").waitFor({ timeout: 30_000 });
    expect(await shownPrompt(page)).toBe(expected[1]);
    await page.reload();
    await page.getByText("Question 2 of 5").waitFor({ timeout: 30_000 });
    expect(await shownPrompt(page)).toBe(expected[1]);

    expect(await page.getByTestId("time-left").count()).toBe(0);
    expect(await page.getByRole("button", { name: "Pause the interview" }).count()).toBe(0);
    expect(errors).toEqual([]);
  }, 120_000);

  it("shows the time left and pauses and resumes the clock where pausing is allowed", async () => {
    const { token } = await inviteToCustomInterview(`settings-pause-${Date.now()}@example.com`, questions.slice(0, 2), { timeLimitMin: 20 });
    const context = await browser.newContext({ baseURL: baseURL() });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`/i/${token}`);
    await page.getByText("the clock stops while you are paused").waitFor({ timeout: 30_000 });
    await page.getByRole("checkbox").check();
    await page.getByRole("button", { name: "Agree and continue" }).click();
    await page.getByText("Question 1 of 2").waitFor({ timeout: 30_000 });
    expect(await page.getByTestId("time-left").innerText()).toMatch(/Time left for the interview: (20 min 00 s|19 min \d\d s)/);
    await page.getByRole("button", { name: "Pause the interview" }).click();
    await page.getByRole("heading", { name: "Your interview is paused" }).waitFor({ timeout: 30_000 });
    await page.reload();
    await page.getByRole("button", { name: "Resume the interview" }).click();
    await page.getByText("Question 1 of 2").waitFor({ timeout: 30_000 });
  }, 120_000);

  it("saves a template's settings on its page", async () => {
    const { templateId } = await inviteToCustomInterview(`settings-hr-${Date.now()}@example.com`, questions.slice(0, 1));
    const { context, page, errors } = await signInAsDemoUser(browser, "Harper Recruiter");
    contexts.push(context);
    await page.goto(`/templates/${templateId}`);
    const card = page.locator("section", { has: page.getByRole("heading", { name: "Interview settings" }) });
    await card.getByLabel("Overall time limit in minutes (optional)").fill("2");
    await card.getByRole("button", { name: "Save settings" }).click();
    await card.getByText(/from 5 to 600 minutes/).waitFor();
    await card.getByLabel("Overall time limit in minutes (optional)").fill("25");
    await card.getByLabel(/Ask the questions in random order/).check();
    await card.getByLabel(/Show the time left/).uncheck();
    await card.getByRole("button", { name: "Save settings" }).click();
    await page.getByText("Interview settings saved").first().waitFor();
    await page.reload();
    await expect.poll(() => card.getByLabel("Overall time limit in minutes (optional)").inputValue(), { timeout: 30_000 }).toBe("25");
    expect(await card.getByLabel(/Ask the questions in random order/).isChecked()).toBe(true);
    expect(await card.getByLabel(/Show the time left/).isChecked()).toBe(false);
    expect(errors).toEqual([]);
  }, 120_000);
});
