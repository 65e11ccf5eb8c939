import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousA11yViolations } from "../helpers/a11y";
import { baseURL, launchBrowser, signInAsDemoUser } from "../helpers/browser";

/**
 * Sign-in journeys through the real pages of the production build: magic links read from the dev
 * mailbox, onboarding, and an admin suspending a user who is signed in elsewhere.
 */
let browser: Browser;
const contexts: BrowserContext[] = [];

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ baseURL: baseURL() });
  contexts.push(context);
  return context.newPage();
}

async function requestMagicLink(page: Page, email: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Work email").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
}

/** Opens the newest message to `email` in the dev mailbox and follows its "Sign in" link. */
async function followMagicLink(page: Page, email: string) {
  await page.goto(`/dev/mailbox?to=${encodeURIComponent(email)}`);
  await page
    .getByRole("link", { name: /sign in/i })
    .first()
    .click();
  const frame = page.frameLocator("iframe");
  const href = await frame.getByRole("link", { name: "Sign in", exact: true }).getAttribute("href");
  expect(href).toContain("/api/auth/callback/email");
  await page.goto(href!);
}

async function signInByEmail(page: Page, email: string) {
  await requestMagicLink(page, email);
  await page.waitForURL(/\/sign-in\/check-email/);
  expect(await seriousA11yViolations(page), "the check-your-email page").toEqual([]);
  await followMagicLink(page, email);
}

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
});

describe("signing in", () => {
  const hrEmail = `new-hr-${Date.now()}@example.com`;

  it("a new HR user signs in with the emailed link, creates an organization and lands on the dashboard", async () => {
    const page = await newPage();
    await signInByEmail(page, hrEmail);
    await page.waitForURL(/\/onboarding/);
    expect(await seriousA11yViolations(page), "onboarding").toEqual([]);
    await page.getByLabel("I hire: create my organization").check();
    await page.getByLabel("Organization name").fill("Initech Talent");
    await page.getByRole("button", { name: "Continue" }).click();
    await page.waitForURL(/\/dashboard/);
    await page.getByRole("heading", { name: "Dashboard" }).waitFor();
    await page.getByText("Interviews at Initech Talent").waitFor();
    // A new organization has nothing to attend to yet: the dashboard starts it off with a template.
    await expect(page.getByRole("link", { name: "Create a template" }).getAttribute("href")).resolves.toBe("/templates/new");
    await expect(page.getByRole("heading", { name: "Review inbox" }).count()).resolves.toBe(0);
    expect(await seriousA11yViolations(page), "the new organization's dashboard").toEqual([]);
  });

  it("onboarding shows the server's field message for a too-short organization name", async () => {
    const page = await newPage();
    await signInByEmail(page, `short-${Date.now()}@example.com`);
    await page.waitForURL(/\/onboarding/);
    await page.getByLabel("Organization name").fill("x");
    await page.getByRole("button", { name: "Continue" }).click();
    await page.getByRole("alert").filter({ hasText: "at least 2 characters" }).waitFor();
  });

  it("a colleague who enters the join code waits until an owner approves, then lands on the dashboard", async () => {
    const owner = await signInAsDemoUser(browser, "Harper Recruiter");
    contexts.push(owner.context);
    await owner.page.goto("/settings/organization");
    const code = (await owner.page.getByTestId("join-code").textContent())!.trim();

    const page = await newPage();
    await signInByEmail(page, `colleague-${Date.now()}@example.com`);
    await page.waitForURL(/\/onboarding/);
    await page.getByLabel("I hire: join my team's organization").check();
    await page.getByRole("textbox", { name: "Join code" }).fill(code);
    await page.getByRole("button", { name: "Continue" }).click();
    await page.getByText(/You asked to join/).waitFor();
    expect(await seriousA11yViolations(page), "onboarding while the request waits").toEqual([]);
    await page.goto("/dashboard");
    await page.waitForURL(/\/onboarding/);

    await owner.page.reload();
    const row = owner.page.getByRole("row").filter({ hasText: /colleague-/ });
    await row.getByRole("button", { name: "Approve" }).click();
    await owner.page.getByText(/is now a member/).waitFor();

    await page.getByRole("button", { name: "Check again" }).click();
    await page.waitForURL(/\/dashboard/);
    await page.getByRole("heading", { name: "Dashboard" }).waitFor();
  });

  it("a candidate signs in and sees their interviews", async () => {
    const page = await newPage();
    await signInByEmail(page, `candidate-${Date.now()}@example.com`);
    await page.waitForURL(/\/onboarding/);
    await page.getByLabel("I'm a candidate").check();
    await page.getByRole("button", { name: "Continue" }).click();
    await page.waitForURL(/\/candidate/);
    await page.getByRole("heading", { name: "My interviews" }).waitFor();
    expect(await seriousA11yViolations(page), "the candidate's interviews").toEqual([]);
  });

  it("a user suspended by an admin is signed out everywhere and refused a new link", async () => {
    const hrPage = await newPage();
    await hrPage.goto("/dashboard");
    await hrPage.waitForURL(/\/sign-in/);
    await signInByEmail(hrPage, hrEmail);
    await hrPage.waitForURL(/\/dashboard/);

    const admin = await newPage();
    await admin.goto("/sign-in");
    await admin.getByRole("button", { name: /Avery Admin/ }).click();
    await admin.waitForURL(/\/(dashboard|admin)/);
    await admin.goto("/admin/users");
    await admin.getByRole("searchbox", { name: "Search users" }).fill(hrEmail);
    const row = admin.getByTestId(`user-row-${hrEmail}`);
    await row.getByRole("button", { name: "Suspend" }).click();
    await row.getByText("suspended").waitFor();

    await hrPage.reload();
    await hrPage.waitForURL(/\/sign-in/);
    await requestMagicLink(hrPage, hrEmail);
    await hrPage.getByRole("alert").filter({ hasText: "suspended" }).waitFor();
  });
});
