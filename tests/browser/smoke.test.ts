import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HealthReport } from "@/server/health/check";
import { baseURL, launchBrowser } from "../helpers/browser";

describe("the built app in Chromium", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("renders the home page without a server or script error", async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    const response = await page.goto(baseURL(), { waitUntil: "load" });
    expect(response?.status()).toBeLessThan(500);
    await expect(page.locator("body").count()).resolves.toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("reports a healthy, migrated embedded database at /api/health", async () => {
    const page = await browser.newPage();
    const response = await page.goto(new URL("/api/health", baseURL()).toString());
    expect(response?.status()).toBe(200);
    const report = (await response!.json()) as HealthReport;
    expect(report.status).toBe("ok");
    if (!report.database.ok) throw new Error(report.database.error);
    expect(report.database.vector.installed).toBe(true);
    expect(report.database.migrations.pending).toBe(0);
    expect(report.services.database).toBe("embedded");
    await page.close();
  });
});
