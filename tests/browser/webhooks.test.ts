import type { Browser } from "playwright-core";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseURL, launchBrowser, signInAsDemoUser } from "../helpers/browser";
import { startWebhookReceiver } from "../helpers/webhook-receiver";

/**
 * The owner's webhook journey on the production build: register an endpoint on a receiver in this
 * process (the test build allows loopback), keep the secret shown once, send a test event, find it
 * delivered in the log, and resend it with the same webhook-id.
 */
let browser: Browser;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;

beforeAll(async () => {
  browser = await launchBrowser();
  receiver = await startWebhookReceiver();
});

afterAll(async () => {
  await browser?.close();
  await receiver?.close();
});

describe("outgoing webhooks", () => {
  it("registers an endpoint, sends a test event, shows it in the delivery log, resends it and edits the endpoint", async () => {
    expect(baseURL()).toMatch(/^http:\/\/localhost:/);
    const { page, errors } = await signInAsDemoUser(browser, "Harper Recruiter");
    await page.getByRole("link", { name: "Webhooks" }).first().click();
    await page.getByRole("heading", { name: "Webhooks", level: 1 }).waitFor();

    await page.getByLabel("URL").fill(receiver.url);
    await page.getByLabel("Description").fill("Our ATS");
    await page.getByRole("button", { name: "Add endpoint" }).click();
    await page.getByText("Choose at least one event.").waitFor();
    await page.getByRole("checkbox", { name: /Interview completed/ }).check();
    await page.getByRole("button", { name: "Add endpoint" }).click();

    const secret = (await page.getByTestId("webhook-secret").textContent())!.trim();
    expect(secret).toMatch(/^whsec_/);
    await page.getByRole("button", { name: "I have stored it" }).click();
    expect(await page.getByTestId("webhook-secret").count()).toBe(0);

    const card = page.locator("section").filter({ has: page.getByRole("heading", { name: "Endpoints" }) });
    await card.getByText(receiver.url).waitFor();
    await card.getByRole("button", { name: "Send test event" }).click();
    const log = card.getByRole("list", { name: "Deliveries" });
    await log.getByText("delivered").waitFor({ timeout: 30_000 });
    await log.getByText("Attempt 1").waitFor();
    expect(receiver.received).toHaveLength(1);
    const first = receiver.received[0]!;
    expect(new Webhook(secret).verify(first.body, first.headers as Record<string, string>)).toMatchObject({ type: "webhook.test", version: 1 });

    await log.getByRole("button", { name: /^Resend webhook\.test/ }).click();
    await log.getByText("Attempt 2").waitFor({ timeout: 30_000 });
    expect(receiver.received).toHaveLength(2);
    expect(receiver.received[1]!.headers["webhook-id"]).toBe(first.headers["webhook-id"]);

    // Edited in place: another event added, the description changed, the secret kept.
    await card.getByRole("button", { name: "Edit", exact: true }).click();
    const dialog = page.getByRole("dialog", { name: "Edit endpoint" });
    await expect.poll(() => dialog.getByLabel("URL").inputValue()).toBe(receiver.url);
    await dialog.getByLabel("Description").fill("Our ATS, staging");
    await dialog.getByRole("checkbox", { name: /Interview completed/ }).uncheck();
    await dialog.getByRole("button", { name: "Save endpoint" }).click();
    await dialog.getByText("Choose at least one event.").waitFor();
    await dialog.getByRole("checkbox", { name: /Invitation sent/ }).check();
    await dialog.getByRole("button", { name: "Save endpoint" }).click();
    await dialog.waitFor({ state: "detached" });
    await card.getByText("Our ATS, staging").waitFor();
    expect(await card.getByLabel("Events").textContent()).toBe("invitation.sent");
    expect(await page.getByTestId("webhook-secret").count()).toBe(0);

    // The billing page sells webhooks with Plus and Pro, not Free.
    await page.goto("/settings/billing");
    const row = page.getByRole("row", { name: /^Outgoing webhooks/ });
    expect((await row.getByRole("cell").allTextContents()).map((t) => t.trim())).toEqual(["No", "Yes", "Yes"]);
    expect(errors).toEqual([]);
  });
});
