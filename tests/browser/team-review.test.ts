import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analysedInterview } from "../fixtures/analysed-interview";
import { withAppDb } from "../fixtures/interview-app-db";
import { baseURL, launchBrowser, signInAsDemoUser } from "../helpers/browser";

/**
 * The team review on the production build: two HR members rate the same interview without seeing
 * each other's ratings first, one mentions the other, a decision is recorded; the inbox moves an
 * interview from "not reviewed by me" to reviewed; and an outside reviewer opens a share link
 * that stops working when revoked and when expired.
 */
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

async function rateEveryAnswer(page: Page, score: string, note: string) {
  const ratings = page.getByRole("region", { name: "Team ratings" });
  const forms = ratings.getByRole("form", { name: /^Your rating of answer/ });
  await forms.first().waitFor();
  const count = await forms.count();
  for (let i = 0; i < count; i++) {
    const form = forms.nth(i);
    await form.getByLabel(/^Rating of answer/).selectOption(score);
    await form.getByLabel(/^Note on answer/).fill(`${note} ${i + 1}`);
    await form.getByRole("button", { name: "Save rating" }).click();
    await form.getByText("Saved").waitFor();
  }
  await ratings.getByRole("button", { name: "Submit my ratings" }).click();
  await ratings.getByText(/^You submitted your ratings/).waitFor();
  return ratings;
}

describe("team review", () => {
  it("two HR members rate one interview blind until each submits, a mention notifies, and a decision is recorded", async () => {
    const started = new Date();
    const interview = await analysedInterview(`team-${Date.now()}@example.com`);
    const path = `/interviews/${interview.invitationId}`;

    const { page: harper, errors: harperErrors } = await signInAsDemoUser(browser, "Harper Recruiter");
    await harper.goto(path);
    const harperRatings = await rateEveryAnswer(harper, "4", "Harper's view of answer");
    await harperRatings.getByText("No one else has submitted ratings yet.").waitFor();

    const comments = harper.getByRole("region", { name: "Team comments" });
    const box = comments.getByLabel("Comment");
    await box.click();
    await box.pressSequentially("Please check the runbook answer, @Av");
    await comments.getByRole("button", { name: "Mention Avery Admin" }).click();
    await box.pressSequentially("what do you think?");
    await comments.getByRole("button", { name: "Post comment" }).click();
    await comments.getByText("@Avery Admin", { exact: true }).waitFor();
    await expect.poll(() => box.inputValue()).toBe("");

    const { page: avery, errors: averyErrors } = await signInAsDemoUser(browser, "Avery Admin");
    await avery.goto(path);
    const averyRatings = avery.getByRole("region", { name: "Team ratings" });
    await averyRatings.getByText(/\(1 submitted so far\)/).waitFor();
    expect(await averyRatings.innerText()).not.toContain("Harper's view");
    await rateEveryAnswer(avery, "2", "Avery's view of answer");
    await averyRatings.getByText("Harper's view of answer 1").waitFor();
    await averyRatings.getByText("Avery's view of answer 1").waitFor();

    await avery.goto("/notifications");
    await avery.getByText("Harper Recruiter mentioned you on Ada Moreno's interview").first().waitFor();
    await expect
      .poll(
        async () =>
          (
            await withAppDb((db) =>
              db.query(`SELECT count(*)::int AS n FROM email_messages WHERE template = 'review-mention' AND "to" = 'admin@example.com' AND "createdAt" >= $1`, [
                started,
              ]),
            )
          ).rows[0].n,
        { timeout: 30_000 },
      )
      .toBe(1);

    await avery.goto(path);
    const decision = avery.getByRole("region", { name: "Decision" });
    await decision.getByRole("button", { name: "Hold" }).click();
    await decision.getByText(/Hold · Avery Admin/).waitFor();
    await harper.reload();
    await harper
      .getByRole("region", { name: "Decision" })
      .getByText(/Hold · Avery Admin/)
      .waitFor();
    await harper.getByRole("region", { name: "Team ratings" }).getByText("Avery's view of answer 1").waitFor();
    expect([...harperErrors, ...averyErrors]).toEqual([]);
  });

  it("the inbox moves an interview from 'not yet reviewed by me' to reviewed", async () => {
    const interview = await analysedInterview(`inbox-${Date.now()}@example.com`);
    const { page, errors } = await signInAsDemoUser(browser, "Harper Recruiter");
    const row = page.locator(`li[data-invitation="${interview.invitationId}"]`);

    await page.goto("/dashboard");
    await page.getByRole("link", { name: "Not yet reviewed by me" }).click();
    await page.waitForURL(/inbox=not-reviewed-by-me/);
    const ready = page.getByRole("region", { name: "Ready for review" });
    await ready.locator(`li[data-invitation="${interview.invitationId}"]`).getByText("Not reviewed by you").waitFor();
    await row.getByText(/AI score 3\.4/).waitFor();
    await row.getByText("1 flag").waitFor();
    await row.getByRole("link", { name: /^Review/ }).click();
    await page.waitForURL(new RegExp(`/interviews/${interview.invitationId}`));

    const mine = page.getByRole("region", { name: "Your review" });
    await mine.getByRole("button", { name: "Mark reviewed" }).click();
    await mine.getByText(/^Reviewed by you/).waitFor();

    await page.goto("/dashboard?inbox=not-reviewed-by-me");
    await page.getByRole("region", { name: "Ready for review" }).waitFor();
    expect(await row.count()).toBe(0);
    await page.goto("/dashboard");
    await row.getByText("Reviewed by you").waitFor();
    expect(errors).toEqual([]);
  });

  it("an outside reviewer opens a share link without signing in, sees only that interview, and is refused after revocation and after expiry", async () => {
    const candidateEmail = `share-${Date.now()}@example.com`;
    const interview = await analysedInterview(candidateEmail);
    const { page: hr, errors } = await signInAsDemoUser(browser, "Harper Recruiter");
    await hr.goto(`/interviews/${interview.invitationId}`);
    await hr.getByRole("region", { name: "Team comments" }).getByLabel("Comment").fill("Internal only: salary expectations are high.");
    await hr.getByRole("region", { name: "Team comments" }).getByRole("button", { name: "Post comment" }).click();
    await hr.getByText("Internal only: salary expectations are high.").waitFor();

    const share = hr.getByRole("region", { name: "Share with a hiring manager" });
    const days = share.getByLabel(/^Expires after/);
    await days.fill("45");
    await share.getByRole("button", { name: "Create link" }).click();
    await share.getByText("Choose between 1 and 30 days.").waitFor();
    await days.fill("3");
    await share.getByRole("button", { name: "Create link" }).click();
    const url = await share.getByLabel("Share link", { exact: true }).inputValue();
    expect(url).toMatch(new RegExp(`^${baseURL()}/share/[A-Za-z0-9_-]{43}$`));

    const outside = await (await browser.newContext({ baseURL: baseURL() })).newPage();
    const opened = await outside.goto(url);
    expect(opened?.status()).toBe(200);
    await outside.getByRole("heading", { level: 1, name: "Ada Moreno" }).waitFor();
    await outside.getByRole("heading", { name: "AI analysis" }).waitFor();
    const text = await outside.locator("body").innerText();
    for (const hidden of ["Internal only", "Team ratings", "Harper's view", candidateEmail]) expect(text).not.toContain(hidden);
    expect(await outside.locator("a[href]").count()).toBe(0);
    // Nothing else opens for the outside reviewer.
    await outside.goto(`/interviews/${interview.invitationId}`);
    await outside.waitForURL(/\/sign-in/);

    await hr.reload();
    await share
      .getByRole("list", { name: "Share links" })
      .getByText(/· 1 view$/)
      .waitFor();
    await share.getByRole("button", { name: "Revoke" }).click();
    await share.getByText("Revoked").waitFor();
    const revoked = await outside.goto(url);
    expect(revoked?.status()).toBe(404);
    await outside.getByText("This share link was revoked by the team that shared it. Ask them for a new one.").waitFor();

    await hr.reload();
    // The list comes from a client query: once it shows, the form has hydrated and keeps what is typed.
    await share.getByRole("list", { name: "Share links" }).waitFor();
    await days.fill("1");
    await share.getByRole("button", { name: "Create link" }).click();
    const second = await share.getByLabel("Share link", { exact: true }).inputValue();
    await withAppDb((db) =>
      db.query(`UPDATE share_links SET "expiresAt" = now() - interval '1 minute' WHERE "invitationId" = $1 AND "revokedAt" IS NULL`, [interview.invitationId]),
    );
    const expired = await outside.goto(second);
    expect(expired?.status()).toBe(404);
    await outside.getByText(/^This share link expired on /).waitFor();

    await hr.goto("/audit");
    for (const action of ["share.created", "share.viewed", "share.revoked"]) await hr.locator("code", { hasText: action }).first().waitFor();
    expect(errors).toEqual([]);
  });
});
