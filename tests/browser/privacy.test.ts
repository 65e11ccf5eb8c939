import { execFile } from "node:child_process";
import { mkdtemp, readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analysedInterview } from "../fixtures/analysed-interview";
import { withAppDb } from "../fixtures/interview-app-db";
import { seriousA11yViolations } from "../helpers/a11y";
import { baseURL, launchBrowser } from "../helpers/browser";

/**
 * The candidate's rights from their interview link, in the production build: they download their
 * data as a zip and ask for it to be deleted (confirming in a dialog); HR sees the request on the
 * privacy page and carries it out; the link then opens nothing.
 */

const run = promisify(execFile);
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await browser?.close();
});

async function newPage(): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ baseURL: baseURL(), acceptDownloads: true });
  contexts.push(context);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  return { page, errors };
}

describe("the candidate's data from the interview link", () => {
  it("downloads it, asks for its deletion, and HR carries the request out", async () => {
    const email = `rights-${Date.now()}@example.com`;
    const { token, invitationId } = await analysedInterview(email);

    const { page: candidate, errors } = await newPage();
    await candidate.goto(`/i/${token}`);
    await candidate.getByRole("heading", { name: "Your data" }).waitFor();
    expect(await seriousA11yViolations(candidate), "the completed interview with its data card").toEqual([]);

    const [download] = await Promise.all([candidate.waitForEvent("download"), candidate.getByRole("button", { name: "Download my data" }).click()]);
    expect(download.suggestedFilename()).toBe("my-interview-data.zip");
    const dir = await mkdtemp(path.join(os.tmpdir(), "aivi-rights-"));
    const zip = path.join(dir, "data.zip");
    await download.saveAs(zip);
    await run("unzip", ["-q", zip, "-d", dir]);
    const data = JSON.parse(await readFile(path.join(dir, "data.json"), "utf8")) as {
      invitations: { invitationId: string; candidateEmail: string; answers: { textAnswer: string | null }[]; analyses: { of: string }[] }[];
    };
    expect(data.invitations.map((i) => i.invitationId)).toEqual([invitationId]);
    expect(data.invitations[0]!.candidateEmail).toBe(email);
    expect(data.invitations[0]!.answers[0]!.textAnswer).toContain("covering index");
    expect(data.invitations[0]!.analyses.map((a) => a.of)).toEqual(["interview"]);

    await candidate.getByRole("button", { name: "Ask for my data to be deleted" }).click();
    const dialog = candidate.getByRole("alertdialog", { name: "Delete your interview data?" });
    await dialog.waitFor();
    await dialog.getByRole("button", { name: "Ask for deletion" }).click();
    await candidate.getByText("You asked for your data to be deleted.").waitFor();
    const mails = await withAppDb(
      async (db) => (await db.query<{ to: string }>(`SELECT "to" FROM email_messages WHERE template LIKE 'deletion-requested%'`)).rows,
    );
    expect(mails.map((m) => m.to)).toContain(email);
    expect(mails.map((m) => m.to)).toContain("hr@example.com");
    expect(errors).toEqual([]);

    const { page: hr } = await newPage();
    await hr.goto("/sign-in");
    await hr.getByRole("button", { name: /Harper Recruiter/ }).click();
    await hr.waitForURL(/\/dashboard/);
    await hr.goto("/settings/privacy");
    const row = hr.getByRole("row").filter({ hasText: email });
    await row.waitFor();
    expect(await seriousA11yViolations(hr), "the privacy page").toEqual([]);
    await row.getByRole("button", { name: "Delete now" }).click();
    const confirm = hr.getByRole("alertdialog", { name: "Delete Ada Moreno's interview data?" });
    await confirm.waitFor();
    const deleteButton = confirm.getByRole("button", { name: "Delete for good" });
    expect(await deleteButton.isDisabled()).toBe(true);
    await confirm.getByLabel("Type DELETE to confirm").fill("DELETE");
    await deleteButton.click();
    await hr.getByText("Ada Moreno's data was deleted").waitFor();
    await hr.getByRole("cell", { name: "Candidate's request" }).first().waitFor();
    await expect(hr.getByRole("row").filter({ hasText: email }).count()).resolves.toBe(0);

    await candidate.reload();
    await candidate.getByRole("heading", { name: "This link does not work" }).waitFor();
  }, 180_000);
});
