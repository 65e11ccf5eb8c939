import type { Browser } from "playwright-core";
import { describe, expect, it } from "vitest";
import { baseURL, launchBrowser } from "../helpers/browser";

// Against the production build the launcher serves: headers on every route kind, the CSP holding
// in Chromium, and the magic-link limits through next-auth's real endpoint.

const get = (path: string, init?: RequestInit) => fetch(new URL(path, baseURL()), { redirect: "manual", ...init });

function expectCommonHeaders(response: Response) {
  const csp = response.headers.get("content-security-policy") ?? "";
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}' 'strict-dynamic'/);
  expect(csp).not.toContain("unsafe-eval");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
  expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  expect(response.headers.get("strict-transport-security")).toBe("max-age=63072000; includeSubDomains");
}

const nonceOf = (response: Response) => /'nonce-([^']+)'/.exec(response.headers.get("content-security-policy") ?? "")?.[1];

describe("security headers on every route kind", () => {
  it("pages: a fresh nonce per request, carried by every script, camera and microphone refused", async () => {
    const first = await get("/sign-in");
    const second = await get("/sign-in");
    expectCommonHeaders(first);
    expect(nonceOf(first)).not.toBe(nonceOf(second));
    expect(first.headers.get("permissions-policy")).toContain("camera=(), microphone=()");
    const html = await first.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonceOf(first)}"`);
  });

  it("the interview page and a template's page (HR records the intro video there) alone allow camera and microphone", async () => {
    const response = await get("/i/not-a-real-token-but-long-enough");
    expectCommonHeaders(response);
    expect(response.headers.get("permissions-policy")).toContain("camera=(self), microphone=(self)");
    expect((await get("/templates/some-template-id")).headers.get("permissions-policy")).toContain("camera=(self), microphone=(self)");
    for (const path of ["/templates", "/templates/new", "/templates/some-template-id/compare"]) {
      expect((await get(path)).headers.get("permissions-policy")).toContain("camera=(), microphone=()");
    }
  });

  it("API routes and static files", async () => {
    const api = await get("/api/health");
    expectCommonHeaders(api);
    expect(api.headers.get("permissions-policy")).toContain("camera=()");
    const html = await (await get("/sign-in")).text();
    const asset = /src="(\/_next\/static\/[^"]+\.js)"/.exec(html)?.[1];
    expect(asset).toBeDefined();
    const script = await get(asset!);
    expect(script.status).toBe(200);
    expectCommonHeaders(script);
    expectCommonHeaders(await get("/favicon.ico"));
  });

  it("pages run under the CSP in Chromium with no violation", async () => {
    const browser: Browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      const violations: string[] = [];
      page.on("console", (message) => {
        if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
      });
      await page.goto(new URL("/sign-in", baseURL()).toString(), { waitUntil: "networkidle" });
      await page.getByRole("button", { name: "Email me a sign-in link" }).click();
      await page.getByText("Enter a valid email address").waitFor({ timeout: 10_000 });
      expect(violations).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});

describe("magic-link requests (rate limits through next-auth)", () => {
  async function session(ip: string) {
    const response = await get("/api/auth/csrf", { headers: { "x-forwarded-for": ip } });
    const { csrfToken } = (await response.json()) as { csrfToken: string };
    const cookie = response.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    return { csrfToken, cookie };
  }

  async function requestLink(email: string, ip: string) {
    const { csrfToken, cookie } = await session(ip);
    return get("/api/auth/signin/email", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie, origin: baseURL(), "x-forwarded-for": ip },
      body: new URLSearchParams({ email, csrfToken, callbackUrl: baseURL(), json: "true" }),
    });
  }

  it("sends at most 5 links to one address, then 429 with Retry-After and the sign-in form's error", async () => {
    const email = `flood-${Date.now()}@example.com`;
    for (let i = 1; i <= 5; i++) expect((await requestLink(email, `192.0.2.${i}`)).status).toBe(200);
    const refused = await requestLink(email.toUpperCase(), "192.0.2.6");
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(((await refused.json()) as { url: string }).url).toMatch(/\/sign-in\?error=RateLimited$/);
  });

  it("asks one network address for at most 30 links, whatever the addresses", async () => {
    const ip = "192.0.2.77";
    for (let i = 0; i < 30; i++) expect((await requestLink(`many-${i}-${Date.now()}@example.com`, ip)).status).toBe(200);
    const refused = await requestLink(`one-more-${Date.now()}@example.com`, ip);
    expect(refused.status).toBe(429);
    expect((await requestLink(`elsewhere-${Date.now()}@example.com`, "192.0.2.78")).status).toBe(200);
  });
});
