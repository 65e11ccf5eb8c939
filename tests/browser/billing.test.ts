import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HealthReport } from "@/server/health/check";
import { baseURL, launchBrowser } from "../helpers/browser";

/** Local billing mode in the production build: the billing page, the local checkout and the meter. */
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

async function newOwner(): Promise<Page> {
  const email = `owner-${Date.now()}@example.com`;
  const page = await (await browser.newContext({ baseURL: baseURL() })).newPage();
  await page.goto("/sign-in");
  await page.getByLabel("Work email").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await page.waitForURL(/\/sign-in\/check-email/);
  await page.goto(`/dev/mailbox?to=${encodeURIComponent(email)}`);
  await page
    .getByRole("link", { name: /sign in/i })
    .first()
    .click();
  const href = await page.frameLocator("iframe").getByRole("link", { name: "Sign in", exact: true }).getAttribute("href");
  await page.goto(href!);
  await page.waitForURL(/\/onboarding/);
  await page.getByLabel("I hire: create my organization").check();
  await page.getByLabel("Organization name").fill("Billing Hiring");
  await page.getByRole("button", { name: "Continue" }).click();
  await page.waitForURL(/\/dashboard/);
  return page;
}

describe("billing in local mode", () => {
  it("the owner sees Free with its limits, switches to Plus at the local checkout (no payment), and the meters follow", async () => {
    const page = await newOwner();
    await page.getByText("Free plan: interviews this billing month").waitFor();

    await page.goto("/settings/billing");
    await page.getByRole("heading", { name: /Free plan/ }).waitFor();
    await expect(page.getByRole("progressbar", { name: "HR seats" }).getAttribute("aria-valuetext")).resolves.toBe("1 of 1");
    await page.getByRole("columnheader", { name: /Pro/ }).waitFor();

    await page.getByRole("link", { name: "Switch plan" }).click();
    await page.getByText("No payment is taken").waitFor();
    await page.getByLabel("Plan").selectOption("PLUS");
    await page.getByRole("button", { name: "Switch plan" }).click();
    await page.waitForURL(/\/settings\/billing\?switched=PLUS/);
    // The background function applies the change; the page refreshes until it shows.
    await page.getByRole("heading", { name: /Plus plan/ }).waitFor({ timeout: 30_000 });
    await expect(page.getByRole("progressbar", { name: "HR seats" }).getAttribute("aria-valuetext")).resolves.toBe("1 of 5");
  });

  it("/api/health reports the local billing mode to an admin", async () => {
    const page = await (await browser.newContext({ baseURL: baseURL() })).newPage();
    await page.goto("/sign-in");
    await page.getByRole("button", { name: /Avery Admin/ }).click();
    await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
    const response = await page.goto("/api/health");
    expect(((await response!.json()) as HealthReport).services.billing).toBe("local");
    await page.close();
  });
});
