import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analysedInterview } from "../fixtures/analysed-interview";
import { shareLinkInAppDb } from "../fixtures/share-link";
import { inviteToSeededInterview } from "../fixtures/interview-app-db";
import { seriousA11yViolations } from "../helpers/a11y";
import { baseURL, launchBrowser, signInAsDemoUser, type DemoUser } from "../helpers/browser";

/**
 * Every HR, admin and candidate page at a laptop (1366×768) and a phone (390×844): nothing
 * widens the page, the header stays one row, the phone menu works, no serious or critical axe
 * violation, and the layout findings of issue 10 stay fixed.
 */
const DESKTOP = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };
type Viewport = typeof DESKTOP;

let browser: Browser;
const contexts: BrowserContext[] = [];
let ids: { templateId: string; invitationId: string; token: string; shareToken: string };

beforeAll(async () => {
  browser = await launchBrowser();
  const analysed = await analysedInterview(`layout-${Date.now()}@example.com`);
  const fresh = await inviteToSeededInterview(`layout-fresh-${Date.now()}@example.com`);
  ids = { templateId: analysed.templateId, invitationId: analysed.invitationId, token: fresh.token, shareToken: await shareLinkInAppDb(analysed.invitationId) };
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await browser?.close();
});

async function signedIn(who: DemoUser, viewport: Viewport): Promise<Page> {
  const { context, page } = await signInAsDemoUser(browser, who, { viewport, ...(viewport === PHONE ? { isMobile: true, hasTouch: true } : {}) });
  contexts.push(context);
  return page;
}

async function visit(page: Page, path: string) {
  const response = await page.goto(path, { waitUntil: "load" });
  expect(response?.status(), `${path} answers`).toBeLessThan(400);
  await page.locator("h1").first().waitFor();
  // Lists and tables fill in from queries after load; measure once they have.
  await page.waitForLoadState("networkidle").catch(() => {});
}

async function horizontalOverflow(page: Page): Promise<{ scrollWidth: number; clientWidth: number; culprits: string[] }> {
  return page.evaluate(() => {
    const root = document.scrollingElement!;
    // An element inside a container that scrolls or clips sideways cannot widen the page; name only the others.
    // An absolutely positioned element escapes every scroller below its containing block (its nearest positioned ancestor).
    const clipped = (el: HTMLElement) => {
      let from: HTMLElement | null = el.parentElement;
      if (getComputedStyle(el).position === "absolute")
        while (from && from !== document.body && getComputedStyle(from).position === "static") from = from.parentElement;
      for (let p = from; p && p !== document.body; p = p.parentElement) if (getComputedStyle(p).overflowX !== "visible") return true;
      return false;
    };
    const culprits = [...document.querySelectorAll<HTMLElement>("body *")]
      .filter((el) => el.getBoundingClientRect().right > root.clientWidth + 1 && el.getClientRects().length > 0 && !clipped(el))
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}.${String(el.className).split(" ").slice(0, 3).join(".")}`);
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, culprits };
  });
}

async function expectFits(page: Page, path: string, viewport: Viewport) {
  const o = await horizontalOverflow(page);
  expect(o.scrollWidth, `${path} at ${viewport.width} px scrolls sideways; too wide: ${o.culprits.join(", ")}`).toBeLessThanOrEqual(o.clientWidth);
}

async function expectAccessible(page: Page, path: string, viewport: Viewport) {
  expect(await seriousA11yViolations(page), `${path} at ${viewport.width} px`).toEqual([]);
}

async function expectOneRowHeader(page: Page) {
  const header = page.getByTestId("app-header");
  const box = (await header.boundingBox())!;
  expect(box.height).toBeLessThanOrEqual(64);
  for (const control of [
    page.getByRole("link", { name: /^Notifications/ }),
    page
      .getByRole("button", { name: "Harper Recruiter" })
      .or(page.getByRole("button", { name: "Avery Admin" }))
      .or(page.getByRole("button", { name: "Casey Candidate" })),
  ]) {
    const b = (await control.boundingBox())!;
    expect(b.y).toBeGreaterThanOrEqual(box.y);
    expect(b.y + b.height).toBeLessThanOrEqual(box.y + box.height);
    expect(b.x + b.width).toBeLessThanOrEqual(DESKTOP.width);
  }
}

const hrPages = () => [
  "/dashboard",
  "/dashboard?inbox=not-reviewed-by-me",
  "/templates",
  "/templates/new",
  `/templates/${ids.templateId}`,
  `/templates/${ids.templateId}/compare`,
  "/invitations",
  "/invitations/new",
  `/interviews/${ids.invitationId}`,
  "/search",
  "/analytics",
  "/audit",
  "/notifications",
  "/settings/organization",
  "/settings/billing",
  "/settings/billing/checkout",
  "/settings/privacy",
  "/settings/profile",
  "/settings/notifications",
  "/settings/api-keys",
  "/reports/fairness",
  "/settings/webhooks",
];
const adminPages = ["/admin/users", "/admin/organizations", "/admin/billing", "/admin/runs", "/admin/health"];
const candidatePages = ["/candidate", "/settings/profile"];

for (const viewport of [DESKTOP, PHONE]) {
  describe(`at ${viewport.width}×${viewport.height}`, () => {
    it("HR pages fit the width, with a one-row header on a laptop, and have no serious accessibility violation", async () => {
      const page = await signedIn("Harper Recruiter", viewport);
      for (const path of hrPages()) {
        await visit(page, path);
        await expectFits(page, path, viewport);
        if (viewport === DESKTOP) await expectOneRowHeader(page);
        await expectAccessible(page, path, viewport);
      }
    }, 300_000);

    it("admin and candidate pages fit the width and have no serious accessibility violation", async () => {
      for (const [who, paths] of [
        ["Avery Admin", adminPages],
        ["Casey Candidate", candidatePages],
      ] as const) {
        const page = await signedIn(who, viewport);
        for (const path of paths) {
          await visit(page, path);
          await expectFits(page, path, viewport);
          if (viewport === DESKTOP) await expectOneRowHeader(page);
          await expectAccessible(page, path, viewport);
        }
      }
    }, 180_000);

    it("the candidate's interview link, a share link (live and unknown) and the sign-in page fit the width", async () => {
      const context = await browser.newContext({ baseURL: baseURL(), viewport });
      contexts.push(context);
      const page = await context.newPage();
      for (const path of [`/i/${ids.token}`, `/share/${ids.shareToken}`, "/share/no-such-link", "/sign-in"]) {
        await page.goto(path);
        await page.locator("h1").first().waitFor();
        await expectFits(page, path, viewport);
        await expectAccessible(page, path, viewport);
      }
    });
  });
}

describe("layout findings", () => {
  it("the comparison shows Flags, Completed and Engine without a sideways scroll at 1366 px", async () => {
    const page = await signedIn("Harper Recruiter", DESKTOP);
    await visit(page, `/templates/${ids.templateId}/compare`);
    const table = page.locator("table");
    const overflow = await table.evaluate((el) => {
      const container = el.parentElement!;
      return { scroll: container.scrollWidth, client: container.clientWidth };
    });
    expect(overflow.scroll).toBeLessThanOrEqual(overflow.client);
    for (const name of ["Flags", "Completed", "Engine"]) {
      const header = page.getByRole("columnheader", { name });
      await expect(header.isVisible()).resolves.toBe(true);
      const box = (await header.boundingBox())!;
      expect(box.x + box.width, name).toBeLessThanOrEqual(DESKTOP.width);
    }
  });

  it("the comparison becomes one card per candidate at 390 px", async () => {
    const page = await signedIn("Harper Recruiter", PHONE);
    await visit(page, `/templates/${ids.templateId}/compare`);
    const row = page.getByRole("row").filter({ has: page.locator(`a[href="/interviews/${ids.invitationId}"]`) });
    expect(await row.evaluate((el) => getComputedStyle(el).display)).toBe("flex");
    expect(await page.locator("thead").evaluate((el) => getComputedStyle(el).display)).toBe("none");
    const card = (await row.boundingBox())!;
    expect(card.x).toBeGreaterThanOrEqual(0);
    expect(card.x + card.width).toBeLessThanOrEqual(PHONE.width);
    const engine = row.locator('td[data-label="Engine"]');
    await expect(engine.isVisible()).resolves.toBe(true);
    // The column's name shows in the card, drawn from data-label.
    expect(await engine.evaluate((el) => getComputedStyle(el, "::before").content)).not.toMatch(/^(none|normal)$/);
  });

  it("question card headings keep their distance from the card's border", async () => {
    const page = await signedIn("Harper Recruiter", PHONE);
    for (const [path, heading] of [
      [`/interviews/${ids.invitationId}`, "h2[id^='question-']"],
      [`/templates/${ids.templateId}`, "li h3"],
    ] as const) {
      await visit(page, path);
      const gaps = await page.locator(heading).evaluateAll((els) =>
        els.map((el) => {
          let card = el.parentElement;
          while (card && getComputedStyle(card).borderTopWidth === "0px") card = card.parentElement;
          const h = el.getBoundingClientRect();
          const c = card!.getBoundingClientRect();
          return Math.min(h.left - c.left, h.top - c.top, c.right - h.right);
        }),
      );
      expect(gaps.length, path).toBeGreaterThan(0);
      for (const gap of gaps) expect(gap, path).toBeGreaterThanOrEqual(12);
    }
  });

  it("Compare candidates sits in the template's page header, below the breadcrumb", async () => {
    const page = await signedIn("Harper Recruiter", DESKTOP);
    await visit(page, `/templates/${ids.templateId}`);
    const crumb = (await page.getByRole("navigation", { name: "Breadcrumb" }).boundingBox())!;
    const title = (await page.locator("h1").boundingBox())!;
    const compare = (await page.getByRole("link", { name: "Compare candidates" }).boundingBox())!;
    expect(compare.y).toBeGreaterThanOrEqual(crumb.y + crumb.height);
    expect(compare.y).toBeLessThan(title.y + title.height);
  });

  it("a toast does not cover the template editor's sticky Save bar", async () => {
    const page = await signedIn("Harper Recruiter", DESKTOP);
    await visit(page, `/templates/${ids.templateId}`);
    const description = page.getByLabel("Job description");
    const original = await description.inputValue();
    await description.fill(`${original} Edited by the layout test.`);
    await page.getByRole("button", { name: "Save changes" }).click();
    const toast = page.locator("[data-sonner-toast]").filter({ hasText: "Changes saved" });
    await toast.waitFor();
    const bar = (await page.getByRole("button", { name: "Save changes" }).locator("..").boundingBox())!;
    const t = (await toast.boundingBox())!;
    const overlaps = t.x < bar.x + bar.width && bar.x < t.x + t.width && t.y < bar.y + bar.height && bar.y < t.y + t.height;
    expect(overlaps).toBe(false);
    await description.fill(original);
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.locator("[data-sonner-toast]").filter({ hasText: "Changes saved" }).nth(1).waitFor();
  });

  it("/favicon.ico and the app icon are served", async () => {
    for (const path of ["/favicon.ico", "/icon.svg"]) {
      const response = await fetch(new URL(path, baseURL()));
      expect(response.status, path).toBe(200);
      expect(response.headers.get("content-type"), path).toMatch(/^image\//);
    }
  });
});

describe("the phone menu", () => {
  it("opens from the menu button, lists the pages, navigates and closes", async () => {
    const page = await signedIn("Harper Recruiter", PHONE);
    await visit(page, "/dashboard");
    await expect(page.getByTestId("sidebar").isVisible()).resolves.toBe(false);
    await page.getByRole("button", { name: "Open the menu" }).click();
    const sheet = page.getByRole("dialog", { name: "Menu" });
    await sheet.waitFor();
    await expect(sheet.getByRole("link", { name: "Dashboard" }).getAttribute("aria-current")).resolves.toBe("page");
    await sheet.getByRole("link", { name: "Templates" }).click();
    await page.waitForURL(/\/templates$/);
    await sheet.waitFor({ state: "hidden" });
    await page.getByRole("button", { name: "Open the menu" }).click();
    await sheet.waitFor();
    await page.keyboard.press("Escape");
    await sheet.waitFor({ state: "hidden" });
  });

  it("the desktop sidebar collapses to icons and remembers it", async () => {
    const page = await signedIn("Harper Recruiter", DESKTOP);
    await visit(page, "/dashboard");
    const sidebar = page.getByTestId("sidebar");
    const wide = (await sidebar.boundingBox())!.width;
    await page.getByRole("button", { name: "Collapse the sidebar" }).click();
    await expect.poll(() => sidebar.getAttribute("data-collapsed")).toBe("true");
    expect((await sidebar.boundingBox())!.width).toBeLessThan(wide);
    await expect(sidebar.getByRole("link", { name: "Templates" }).isVisible()).resolves.toBe(true);
    await page.reload();
    // The choice is read from storage once the page hydrates.
    await expect.poll(() => page.getByTestId("sidebar").getAttribute("data-collapsed")).toBe("true");
    await page.getByRole("button", { name: "Expand the sidebar" }).click();
  });
});

describe("the command palette", () => {
  it("opens with Ctrl+K and jumps to a candidate", async () => {
    const page = await signedIn("Harper Recruiter", DESKTOP);
    await visit(page, "/dashboard");
    await page.keyboard.press("Control+k");
    const palette = page.getByRole("dialog", { name: "Jump to" });
    await palette.waitFor();
    await page.keyboard.type("Ada Moreno");
    const option = palette.getByRole("option", { name: /Ada Moreno/ }).first();
    await option.waitFor();
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/interviews\//);
    await palette.waitFor({ state: "hidden" });
  });
});
