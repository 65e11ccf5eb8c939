import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Locator, type Page } from "playwright-core";
import { inject } from "vitest";

export type FakeMedia = {
  /** A WAV file the fake microphone plays once (then silence). */
  audioWav?: string;
  /** A Y4M file the fake camera plays in a loop. */
  videoY4m?: string;
};

// Debian's Chromium, never a browser Playwright downloads (this machine and CI cannot fetch one).
// The networking flags stop Chromium calling home: with no internet those calls fail by the dozen.
const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/**
 * Headless Chromium (CHROMIUM_PATH, default /usr/bin/chromium) with a fresh profile per launch.
 * With `fakeMedia`, getUserMedia succeeds without a prompt and records the given files instead of
 * a camera and microphone (Chromium's own test pattern and beep for a file not given).
 */
export async function launchBrowser(opts: { fakeMedia?: FakeMedia } = {}): Promise<Browser> {
  const args = [...FLAGS];
  const media = opts.fakeMedia;
  if (media) {
    args.push("--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream");
    if (media.audioWav) args.push(`--use-file-for-fake-audio-capture=${media.audioWav}%noloop`);
    if (media.videoY4m) args.push(`--use-file-for-fake-video-capture=${media.videoY4m}`);
  }
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    headless: true,
    args,
  });
}

/** The running app's URL, e.g. http://localhost:3100, provided by tests/helpers/app-global-setup.ts. */
export function baseURL(): string {
  const url = inject("baseURL");
  if (!url) throw new Error("No baseURL: run this file in the `browser` vitest project, whose globalSetup starts the app.");
  return url;
}

export type DemoUser = "Harper Recruiter" | "Avery Admin" | "Casey Candidate";

/**
 * A fresh context on the app, signed in as a seeded demo user through the sign-in page's demo
 * buttons (DEV_TOOLS=on); the page's uncaught errors are collected in `errors`.
 */
export async function signInAsDemoUser(
  browser: Browser,
  who: DemoUser,
  options: BrowserContextOptions = {},
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ baseURL: baseURL(), ...options });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto("/sign-in");
  await page.getByRole("button", { name: new RegExp(who) }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
  return { context, page, errors };
}

/** The message shown for a form field: the text of the element its aria-describedby names for the error. */
export async function fieldError(field: Locator): Promise<string | null> {
  const ids = (await field.getAttribute("aria-describedby")) ?? "";
  const errorId = ids.split(" ").find((id) => id.endsWith("-error"));
  return errorId ? field.page().locator(`[id="${errorId}"]`).innerText() : null;
}
