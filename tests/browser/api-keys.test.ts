import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousA11yViolations } from "../helpers/a11y";
import { baseURL, launchBrowser, signInAsDemoUser } from "../helpers/browser";

/**
 * An owner creates an API key at /settings/api-keys (shown once, copied), an ATS invites a
 * candidate with it over /api/v1, the list shows when it was last used, and revoking it stops it.
 * The API reference at /docs/api renders from the served OpenAPI document under the CSP.
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

const api = (path: string, key: string, init: RequestInit = {}) =>
  fetch(`${baseURL()}/api/v1${path}`, { ...init, headers: { authorization: `Bearer ${key}`, "content-type": "application/json", ...init.headers } });

describe("API keys", () => {
  it("an owner creates a key, an ATS invites a candidate with it, and revoking it stops it", async () => {
    const { context, page } = await signInAsDemoUser(browser, "Harper Recruiter");
    contexts.push(context);
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL() });
    await page.goto("/settings/api-keys");
    await page.getByRole("heading", { name: "API keys", level: 1 }).waitFor();
    // Hydrated before submitting: a submit before it would reload the page.
    await page.waitForLoadState("networkidle");
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByRole("button", { name: "Create key" }).click();
    await expect(page.getByText("Name the key, e.g. after the system that uses it").isVisible()).resolves.toBe(true);

    const name = `ATS ${Date.now()}`;
    await page.getByLabel("Name", { exact: true }).fill(name);
    await page.getByLabel(/^Write:/).check();
    await page.getByRole("button", { name: "Create key" }).click();
    const dialog = page.getByRole("dialog", { name: "Copy your new API key" });
    await dialog.waitFor();
    const secret = await dialog.getByLabel("API key").inputValue();
    expect(secret).toMatch(/^aivi_/);
    await dialog.getByRole("button", { name: "Copy key" }).click();
    await page.getByText("Key copied").waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
    await dialog.getByRole("button", { name: "Done" }).click();

    const row = page.getByRole("row", { name: new RegExp(name) });
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain(`${secret.slice(0, 13)}…`);
    await expect(row.textContent()).resolves.toContain("Never");
    await expect(page.content()).resolves.not.toContain(secret);

    const templates = await api("/templates?status=PUBLISHED", secret);
    expect(templates.status).toBe(200);
    const { items } = (await templates.json()) as { items: { id: string; title: string }[] };
    const template = items.find((t) => t.title === "Senior Backend Engineer")!;
    const invited = await api("/invitations", secret, {
      method: "POST",
      headers: { "idempotency-key": `journey-${Date.now()}` },
      body: JSON.stringify({ templateId: template.id, candidates: { mode: "one", name: "Api Candidate", email: `api-${Date.now()}@example.com` } }),
    });
    expect(invited.status).toBe(201);
    const { created } = (await invited.json()) as { created: { id: string }[] };
    await page.goto("/invitations");
    await page.getByText("Api Candidate").first().waitFor();
    expect((await api(`/invitations/${created[0]!.id}`, secret)).status).toBe(200);

    await page.goto("/settings/api-keys");
    await page.waitForLoadState("networkidle");
    await expect(row.textContent()).resolves.not.toContain("Never");
    await row.getByRole("button", { name: `Revoke ${name}` }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Revoke key" }).click();
    await row.getByText(/^Revoked/).waitFor();
    const refused = await api("/templates", secret);
    expect(refused.status).toBe(401);
    expect(refused.headers.get("content-type")).toBe("application/problem+json");
  });

  it("/docs/api shows the reference from /api/v1/openapi.json, with no script blocked", async () => {
    const context = await browser.newContext({ baseURL: baseURL() });
    contexts.push(context);
    const page = await context.newPage();
    const problems: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error") problems.push(m.text());
    });
    page.on("pageerror", (e) => problems.push(e.message));
    await page.goto("/docs/api");
    await page.getByText("Invite one candidate or many").first().waitFor({ timeout: 30_000 });
    await page.getByText("/invitations/{invitationId}/resend").first().waitFor();
    expect(problems.filter((p) => /Content Security Policy|Refused to/i.test(p))).toEqual([]);
  });
});
