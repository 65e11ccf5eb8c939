// npm run screenshots -- [--url http://localhost:3000] — the README's pictures of the main pages.
//
// Drives Debian's Chromium (playwright-core, as the browser tests do) against a running app with the
// demo seed and the development sign-in (`npm run dev`, or `npm start` with DEV_TOOLS=on), signs in
// as the seeded HR and candidate with the sign-in page's one-click buttons, and saves each page at
// a laptop's 1366×768 and a phone's 390×844 into docs/screenshots/. Nothing here is a test: the
// layout and accessibility checks are tests/browser/layout.test.ts.
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { chromium, type Browser, type Page } from "playwright-core";

const { values } = parseArgs({ options: { url: { type: "string", default: "http://localhost:3000" } } });
const BASE = values.url.replace(/\/$/, "");
const OUT = path.resolve("docs", "screenshots");
const VIEWPORTS = [
  { name: "desktop", width: 1366, height: 768, mobile: false },
  { name: "phone", width: 390, height: 844, mobile: true },
] as const;

async function signedIn(browser: Browser, who: string, viewport: (typeof VIEWPORTS)[number]): Promise<Page> {
  const context = await browser.newContext({
    baseURL: BASE,
    viewport: { width: viewport.width, height: viewport.height },
    isMobile: viewport.mobile,
    hasTouch: viewport.mobile,
  });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await page.getByRole("button", { name: new RegExp(who) }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
  return page;
}

/** The href of the first link on `from` whose path matches, or null when there is none. */
async function firstLink(page: Page, from: string, pattern: RegExp): Promise<string | null> {
  await page.goto(from, { waitUntil: "networkidle" });
  const hrefs = await page.locator("a[href]").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  return hrefs.find((h) => pattern.test(h))?.split("?")[0] ?? null;
}

async function shoot(page: Page, route: string, file: string) {
  await page.goto(route, { waitUntil: "networkidle" });
  await page.locator("h1").first().waitFor();
  await page.screenshot({ path: path.join(OUT, file) });
  console.log(`  ${file}  ${route}`);
}

await mkdir(OUT, { recursive: true });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox"] });
try {
  for (const viewport of VIEWPORTS) {
    const hr = await signedIn(browser, "Harper Recruiter", viewport);
    const template = await firstLink(hr, "/templates", /^\/templates\/(?!new$)[^/]+$/);
    if (!template) throw new Error("No template: is the demo seed loaded?");
    // The seed has no interviews; the review page is shot once someone has completed one.
    const interview = await firstLink(hr, "/invitations", /^\/interviews\/[^/]+$/);
    const routes: [string, string][] = [
      ["/dashboard", "dashboard"],
      [template, "template"],
      [`${template}/compare`, "comparison"],
      ...(interview ? [[interview, "review"] as [string, string]] : []),
      ["/search?q=index", "search"],
      ["/settings/billing", "billing"],
    ];
    for (const [route, name] of routes) await shoot(hr, route, `${name}-${viewport.name}.png`);
    const candidate = await signedIn(browser, "Casey Candidate", viewport);
    await shoot(candidate, "/candidate", `candidate-${viewport.name}.png`);
  }
} finally {
  await browser.close();
}
