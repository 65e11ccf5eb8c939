import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withAppDb } from "../fixtures/interview-app-db";
import { fieldError, launchBrowser, signInAsDemoUser } from "../helpers/browser";

/**
 * HR builds a template in the editor of the production build: the schema's messages show next to
 * the fields, and questions are reordered by dragging a grip with the mouse and by moving it from
 * the keyboard, each order checked where it is saved.
 */

let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await browser?.close();
});

async function signedInHr(): Promise<{ page: Page; errors: string[] }> {
  // Tall enough for every card at once: the drag never needs the page to scroll.
  const { context, page, errors } = await signInAsDemoUser(browser, "Harper Recruiter", { viewport: { width: 1280, height: 2600 } });
  contexts.push(context);
  return { page, errors };
}

const prompts = (page: Page) => page.getByLabel("Question", { exact: true }).evaluateAll((els) => els.map((el) => (el as HTMLTextAreaElement).value));

async function savedPrompts(templateId: string): Promise<string[]> {
  return withAppDb(async (db) =>
    (await db.query<{ prompt: string }>(`SELECT prompt FROM questions WHERE "templateId" = $1 ORDER BY position`, [templateId])).rows.map((r) => r.prompt),
  );
}

async function save(page: Page) {
  await page.getByRole("button", { name: "Save changes" }).click();
  await page.getByText("All changes saved").waitFor();
}

describe("the template editor", () => {
  it("shows the schema's messages by the fields, and saves questions reordered with the mouse and with the keyboard", async () => {
    const { page, errors } = await signedInHr();
    await page.goto("/templates/new");
    await page.getByRole("button", { name: "Create template" }).click();

    const title = page.getByLabel("Job title");
    await expect.poll(() => title.getAttribute("aria-invalid")).toBe("true");
    expect(await fieldError(title)).toBe("Enter the job title");
    expect(await fieldError(page.getByLabel("Job description"))).toBe("Describe the job");
    expect(await fieldError(page.getByLabel("Name", { exact: true }))).toBe("Name the competency");
    expect(await fieldError(page.getByLabel("Question", { exact: true }))).toBe("Write the question");
    // The first field in error has focus, so the keyboard lands where the work is.
    await expect.poll(() => title.evaluate((el) => el === document.activeElement)).toBe(true);

    // A setting out of range gets the schema's range message; fixing a field clears its message.
    await page.getByLabel("Time limit (seconds)").fill("5");
    await title.fill(`Reorder check ${Date.now()}`);
    await expect.poll(() => fieldError(title)).toBeNull();
    await page.getByRole("button", { name: "Create template" }).click();
    await expect.poll(() => fieldError(page.getByLabel("Time limit (seconds)"))).toBe("Set a time limit from 15 to 600 seconds");

    await page.getByLabel("Time limit (seconds)").fill("90");
    await page.getByLabel("Job description").fill("Keeps the lights on.");
    await page.getByLabel("Name", { exact: true }).fill("Clarity");
    await page.getByLabel("What it looks for").fill("A direct answer");
    await page.getByLabel("Question", { exact: true }).fill("Alpha");
    for (const prompt of ["Bravo", "Charlie"]) {
      await page.getByRole("button", { name: "Add question" }).click();
      // The new question's prompt has focus.
      await page.keyboard.type(prompt);
    }
    expect(await prompts(page)).toEqual(["Alpha", "Bravo", "Charlie"]);
    await page.getByRole("button", { name: "Create template" }).click();
    await page.waitForURL((url) => /^\/templates\/(?!new$)[^/]+$/.test(url.pathname));
    const templateId = new URL(page.url()).pathname.split("/").pop()!;
    await page.getByText("All changes saved").waitFor();
    expect(await savedPrompts(templateId)).toEqual(["Alpha", "Bravo", "Charlie"]);

    // The mouse: the third card's grip is dragged until the card sits on the first one.
    const cards = page.locator("li").filter({ has: page.getByRole("button", { name: /^Drag question \d+ to reorder$/ }) });
    const grip = page.getByRole("button", { name: "Drag question 3 to reorder" });
    const gripBox = (await grip.boundingBox())!;
    const firstBox = (await cards.nth(0).boundingBox())!;
    const thirdBox = (await cards.nth(2).boundingBox())!;
    const x = gripBox.x + gripBox.width / 2;
    const y = gripBox.y + gripBox.height / 2;
    const lift = firstBox.y + firstBox.height / 2 - (thirdBox.y + thirdBox.height / 2);
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x, y - 10, { steps: 4 });
    await page.mouse.move(x, y + lift, { steps: 25 });
    await page.mouse.up();
    await expect.poll(() => prompts(page)).toEqual(["Charlie", "Alpha", "Bravo"]);
    await expect(page.getByText("Unsaved changes").isVisible()).resolves.toBe(true);
    await save(page);
    expect(await savedPrompts(templateId)).toEqual(["Charlie", "Alpha", "Bravo"]);

    // The keyboard: space picks the first question up, the down arrow moves it one place, space drops it.
    await page.getByRole("button", { name: "Drag question 1 to reorder" }).focus();
    await page.keyboard.press("Space");
    await page.waitForTimeout(300);
    await page.keyboard.press("ArrowDown");
    await page.waitForTimeout(300);
    await page.keyboard.press("Space");
    await expect.poll(() => prompts(page)).toEqual(["Alpha", "Charlie", "Bravo"]);
    await save(page);
    expect(await savedPrompts(templateId)).toEqual(["Alpha", "Charlie", "Bravo"]);

    await page.reload();
    await expect.poll(() => prompts(page)).toEqual(["Alpha", "Charlie", "Bravo"]);
    expect(errors).toEqual([]);
  });
});
