import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withAppDb } from "../fixtures/interview-app-db";
import { fieldError, launchBrowser, signInAsDemoUser } from "../helpers/browser";

/**
 * HR invites a candidate through the invite form of the production build: the messages of the
 * schema the procedure parses show next to the fields, every bad line of a pasted list is named,
 * a valid invitation is written, and its link is resent with more time.
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
  const { context, page, errors } = await signInAsDemoUser(browser, "Harper Recruiter");
  contexts.push(context);
  return { page, errors };
}

describe("the invite form", () => {
  it("shows the schema's messages by the fields, names every bad line of a list, sends a valid invitation, and resends it with more time", async () => {
    const { page, errors } = await signedInHr();
    await page.goto("/invitations/new");
    const template = page.getByLabel("Interview template");
    const name = page.getByLabel("Name", { exact: true });
    const email = page.getByLabel("Email", { exact: true });
    const days = page.getByLabel("Days the link stays valid");
    // The form's script sets its default template when it hydrates: choose only after that.
    await page.waitForLoadState("networkidle");
    await template.selectOption({ label: "Choose a published template" });
    await page.getByRole("button", { name: "Send invitation" }).click();

    await expect.poll(() => fieldError(template)).toBe("Choose an interview template");
    expect(await fieldError(name)).toBe("Enter the candidate's name");
    expect(await fieldError(email)).toBe("Enter the candidate's email");

    // After the first attempt each field is checked again as it changes.
    await name.fill("Ada Moreno");
    await expect.poll(() => fieldError(name)).toBeNull();
    await email.fill("ada@");
    await expect.poll(() => fieldError(email)).toBe("Enter a valid email address");
    await days.fill("91");
    await expect.poll(() => fieldError(days)).toBe("The link can stay valid at most 90 days");

    await page.getByRole("tab", { name: "Paste a list" }).click();
    const list = page.getByLabel(/One candidate per line/);
    await list.fill("Grace Hopper, grace@example.com\nno email here\nLinus, not-an-email");
    await page.getByRole("button", { name: "Send 1 invitation" }).click();
    const alert = page.getByRole("alert").filter({ hasText: "Nothing was sent. Fix these lines:" });
    await alert.waitFor();
    const lines = await alert.getByRole("listitem").allInnerTexts();
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^line 2: /);
    expect(lines[1]).toMatch(/^line 3: .*not-an-email.* is not an email$/);
    expect(await fieldError(list)).toBe("2 lines to fix, listed below");

    // Back to one candidate: what was typed there is still there.
    await page.getByRole("tab", { name: "One candidate" }).click();
    await expect(name.inputValue()).resolves.toBe("Ada Moreno");
    const address = `ada-${Date.now()}@example.com`;
    await email.fill(address);
    await days.fill("7");
    const seeded = await template.locator("option", { hasText: "Senior Backend Engineer" }).first().getAttribute("value");
    await template.selectOption(seeded);
    // Accommodations for this candidate, checked by the same schema: too many retakes is named by its field.
    await page.getByText("Accommodations (optional)").click();
    const retakes = page.getByLabel("Extra retakes");
    await retakes.fill("9");
    await page.getByLabel("Extra answer time (%)").fill("50");
    await page.getByRole("button", { name: "Send invitation" }).click();
    await page.getByText("At most 5 extra retakes per question.").waitFor();
    await expect(fieldError(retakes)).resolves.toBe("At most 5 extra retakes per question.");
    await retakes.fill("1");
    await page.getByRole("button", { name: "Send invitation" }).click();
    await page.getByText("1 invitation created", { exact: true }).waitFor();

    const stored = () =>
      withAppDb(
        async (db) =>
          (
            await db.query<{ id: string; candidateName: string; days: number; extraAnswerPct: number; extraRetakes: number }>(
              `SELECT id, "candidateName", round(extract(epoch FROM "expiresAt" - now()) / 86400)::int AS days, "extraAnswerPct", "extraRetakes" FROM invitations WHERE "candidateEmail" = $1`,
              [address],
            )
          ).rows,
      );
    const rows = await stored();
    expect(rows).toMatchObject([{ candidateName: "Ada Moreno", days: 7, extraAnswerPct: 50, extraRetakes: 1 }]);

    // Resending with more time: the resend form checks the days with the procedure's schema too.
    await page.goto(`/interviews/${rows[0]!.id}`);
    await page.getByRole("button", { name: "Resend link" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel(/Give more time/).check();
    const newDays = dialog.getByLabel("Days the new link stays valid");
    await newDays.fill("0");
    await dialog.getByRole("button", { name: "Send new link" }).click();
    await expect.poll(() => fieldError(newDays)).toBe("The link must stay valid at least 1 day");
    await newDays.fill("30");
    await expect.poll(() => fieldError(newDays)).toBeNull();
    await dialog.getByRole("button", { name: "Send new link" }).click();
    // The dialog closes once the server has answered, with the new expiry written.
    await dialog.waitFor({ state: "hidden" });
    expect((await stored())[0]?.days).toBe(30);
    expect(errors).toEqual([]);
  });
});
