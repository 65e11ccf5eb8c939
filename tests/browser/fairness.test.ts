import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analysedInterview } from "../fixtures/analysed-interview";
import { withAppDb } from "../fixtures/interview-app-db";
import { baseURL, launchBrowser, signInAsDemoUser } from "../helpers/browser";

/**
 * The fair-hiring journey on the production build: a candidate who has finished answers the
 * optional self-identification, HR records a decision and sends feedback without ever seeing that
 * answer, and the owner reads the report.
 */
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe("fair hiring", () => {
  it("takes the candidate's optional answer after the interview, keeps it from the reviewer, and counts the decision in the owner's report", async () => {
    const candidateEmail = `fairness-${Date.now()}@example.com`;
    const interview = await analysedInterview(candidateEmail);

    const candidate = await (await browser.newContext({ baseURL: baseURL() })).newPage();
    await candidate.goto(`/i/${interview.token}`);
    await candidate.getByRole("heading", { name: "Thank you!" }).waitFor();
    await candidate.getByRole("button", { name: "Save my answers" }).click();
    await candidate.getByText("Choose an answer to both questions").waitFor();
    await candidate.getByLabel("Sex").selectOption("female");
    await candidate.getByLabel("Race or ethnicity").selectOption("asian");
    await candidate.getByRole("button", { name: "Save my answers" }).click();
    await candidate.getByText("Your answers are saved apart from your interview").waitFor();
    const stored = await withAppDb((db) =>
      db.query(`SELECT sex, "raceEthnicity" FROM self_identifications WHERE "invitationId" = $1`, [interview.invitationId]),
    );
    expect(stored.rows).toEqual([{ sex: "female", raceEthnicity: "asian" }]);

    const { page: hr, errors } = await signInAsDemoUser(browser, "Harper Recruiter");
    await hr.goto(`/interviews/${interview.invitationId}`);
    const decision = hr.getByRole("region", { name: "Decision" });
    await decision.getByRole("button", { name: "Advance" }).click();
    await decision.getByText(/Advance · Harper Recruiter/).waitFor();
    expect(await decision.getByRole("button", { name: "Advance" }).getAttribute("aria-pressed")).toBe("true");
    const feedback = hr.getByRole("region", { name: "Feedback to the candidate" });
    await feedback.getByRole("button", { name: "Write feedback" }).click();
    const dialog = hr.getByRole("dialog", { name: "Feedback to the candidate" });
    const text = dialog.getByLabel("Feedback");
    const draft = await text.inputValue();
    expect(draft).toContain("as when you said “I added a covering index and the p99 dropped from 900 ms to 40 ms.”");
    expect(draft).not.toMatch(/3\.4|score|recommend/i);
    await text.fill(`${draft}\nYou also said "I rewrote the whole database".`);
    await dialog.getByRole("button", { name: "Approve and send" }).click();
    await dialog.getByText(/did not say “I rewrote the whole database”/).waitFor();
    await text.fill(draft);
    await dialog.getByRole("button", { name: "Approve and send" }).click();
    await feedback.getByText(/^Sent .* by Harper Recruiter/).waitFor();
    // The email leaves from the background function, not from the request.
    await expect
      .poll(
        async () =>
          (
            await withAppDb((db) =>
              db.query(`SELECT count(*)::int AS n FROM email_messages WHERE template = 'candidate-feedback' AND "to" = $1`, [candidateEmail]),
            )
          ).rows[0].n,
        { timeout: 30_000 },
      )
      .toBe(1);

    const reviewText = await hr.locator("body").innerText();
    expect(reviewText).not.toMatch(/Asian|Female|self-identif/i);

    await hr.goto("/reports/fairness");
    await hr.getByRole("heading", { name: "Your team's decisions" }).waitFor();
    await hr.getByRole("heading", { name: "The AI's recommendations" }).waitFor();
    // One advanced candidate in a group of fewer than five: the count is never shown.
    await expect.poll(() => hr.getByText("Fewer than 5 candidates: not shown").count()).toBeGreaterThan(0);
    const csv = await hr.request.get(new URL((await hr.getByRole("link", { name: "Download CSV" }).getAttribute("href"))!, baseURL()).toString());
    expect(csv.status()).toBe(200);
    expect(await csv.text()).toContain('"HR decision (advance)","Sex","Female","","","","","","yes"');
    expect(errors).toEqual([]);
  });
});
