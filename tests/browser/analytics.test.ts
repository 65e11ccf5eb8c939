import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analysedInterview } from "../fixtures/analysed-interview";
import { baseURL, launchBrowser, signInAsDemoUser } from "../helpers/browser";

/** HR's analytics page on the production build: the charts draw, each has its table, and the CSV holds the same figures. */
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe("HR analytics", () => {
  it("draws the funnel and the other charts, shows each as a table, filters by template and downloads the CSV", async () => {
    const interview = await analysedInterview(`analytics-${Date.now()}@example.com`);
    const { page, errors } = await signInAsDemoUser(browser, "Harper Recruiter");
    await page.goto("/dashboard");
    await page.getByRole("navigation").getByRole("link", { name: "Analytics" }).first().click();
    await page.getByRole("heading", { name: "Analytics", level: 1 }).waitFor();

    for (const title of ["Funnel", "Drop-off by question", "Score distribution per competency", "Answers per day"]) {
      const region = page.getByRole("region", { name: title });
      await region.getByRole("img", { name: new RegExp(`^${title} chart`) }).waitFor();
      // Recharts draws into the measured box once it has a size.
      await expect.poll(() => region.locator("svg.recharts-surface").count()).toBeGreaterThan(0);
    }

    const funnel = page.getByRole("region", { name: "Funnel" });
    await funnel.getByRole("tab", { name: "Table" }).click();
    const completed = funnel.getByRole("row", { name: /^Completed/ });
    await completed.waitFor();
    const completedCount = Number(await completed.getByRole("cell").first().innerText());
    expect(completedCount).toBeGreaterThanOrEqual(1);

    await page.getByLabel("Template").selectOption(interview.templateId);
    await page.getByRole("button", { name: "Show" }).click();
    await page.waitForURL(new RegExp(`templateId=${interview.templateId}`));
    const scores = page.getByRole("region", { name: "Score distribution per competency" });
    await scores.getByRole("tab", { name: "Table" }).click();
    await scores.getByRole("table").waitFor();
    expect(await scores.getByRole("row").count()).toBeGreaterThan(1);

    const href = await page.getByRole("link", { name: "Download CSV" }).getAttribute("href");
    expect(href).toContain(`templateId=${interview.templateId}`);
    const csv = await page.request.get(new URL(href!, baseURL()).toString());
    expect(csv.status()).toBe(200);
    const text = await csv.text();
    expect(text).toContain('"Funnel"');
    expect(text).toMatch(/"Completed","\d+"/);
    expect(errors).toEqual([]);
  });
});
