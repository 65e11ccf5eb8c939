import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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

  it("tells a visitor only that the app is up at /api/health; the report is for admins", async () => {
    const page = await browser.newPage();
    const response = await page.goto(new URL("/api/health", baseURL()).toString());
    expect(response?.status()).toBe(200);
    expect(await response!.json()).toEqual({ status: "ok" });
    await page.close();
  });
});
