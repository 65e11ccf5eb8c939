import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { GET as uploadStatus } from "@/app/api/uploads/[uploadId]/route";
import { getDb } from "@/server/db/client";
import { hashInvitationToken } from "@/server/invitations/token";
import { RATE_LIMITS } from "@/server/rate-limit/limits";
import { consume } from "@/server/rate-limit/rate-limit";
import type { RateLimitName } from "@/server/rate-limit/limits";
import { cookieFor, makeUser } from "../../helpers/actors";
import { trpcHttp } from "../../helpers/trpc-http";
import { makeInterview } from "../../fixtures/interview";

const APP = "http://localhost:3000";
let ipSeq = 0;
const newIp = () => `203.0.113.${++ipSeq}`;

/** Uses up what is left of a limit, as many earlier requests would have. */
async function exhaust(name: RateLimitName, key: string) {
  await consume(name, key, RATE_LIMITS[name].points).catch(() => undefined);
}

function expect429(status: number, headers: Headers) {
  expect(status).toBe(429);
  expect(Number(headers.get("retry-after"))).toBeGreaterThan(0);
}

describe("join codes", () => {
  it("ten wrong codes, then 429 even for the right one", async () => {
    const newcomer = await makeUser({ role: null });
    const cookie = await cookieFor(newcomer.id);
    const join = (joinCode: string) => trpcHttp("users.selectRole", { role: "HR", organization: { mode: "join", joinCode } }, { cookie });
    for (let i = 0; i < RATE_LIMITS.wrongJoinCodePerUser.points; i++) expect((await join(`wrong-${i}-code`)).status).toBe(404);
    const org = await getDb().organization.create({ data: { name: "Right", slug: `right-${Date.now()}`, subscription: { create: { plan: "PRO" } } } });
    const refused = await join(org.joinCode);
    expect429(refused.status, refused.headers);
    expect(refused.body?.error?.json.message).toMatch(/^Too many requests\. Wait \d+ minutes? and try again\.$/);
    expect(await getDb().membership.count({ where: { userId: newcomer.id } })).toBe(0);
    expect(await getDb().joinRequest.count({ where: { userId: newcomer.id } })).toBe(0);
  });
});

describe("interview-token endpoints", () => {
  it("limits unknown links per network address, and then refuses even a real one from there", async () => {
    const ip = newIp();
    const { token } = await makeInterview();
    const state = (t: string, from: string) =>
      trpcHttp("interview.state", { token: t }, { method: "GET", headers: { "x-forwarded-for": `198.51.100.1, ${from}` } });
    for (let i = 0; i < RATE_LIMITS.unknownTokenPerIp.points; i++) expect((await state(randomBytes(32).toString("base64url"), ip)).status).toBe(404);
    const guess = await state(randomBytes(32).toString("base64url"), ip);
    expect429(guess.status, guess.headers);
    expect429((await state(token, ip)).status, (await state(token, ip)).headers);
    expect((await state(token, newIp())).status).toBe(200);
  });

  it("limits calls per link and per network address", async () => {
    const { token } = await makeInterview();
    const ip = newIp();
    const state = (from: string) => trpcHttp("interview.state", { token }, { method: "GET", headers: { "x-forwarded-for": from } });
    for (let i = 0; i < RATE_LIMITS.interviewPerToken.points; i++) expect((await state(newIp())).status).toBe(200);
    const perToken = await state(ip);
    expect429(perToken.status, perToken.headers);

    const other = await makeInterview();
    const officeIp = newIp();
    // The office's other candidates have used the address's whole allowance.
    await exhaust("interviewPerIp", officeIp);
    const perIp = await trpcHttp("interview.state", { token: other.token }, { method: "GET", headers: { "x-forwarded-for": officeIp } });
    expect429(perIp.status, perIp.headers);
  });
});

describe("uploads", () => {
  it("are limited per link, not per network address", async () => {
    const a = await makeInterview({ consent: true });
    const b = await makeInterview({ consent: true });
    const ip = newIp();
    const status = (token: string) =>
      uploadStatus(new Request(`${APP}/api/uploads/none`, { headers: { "x-interview-token": token, "x-forwarded-for": ip } }), {
        params: Promise.resolve({ uploadId: "none" }),
      });
    expect((await status(a.token)).status).toBe(404);
    await exhaust("uploadsPerToken", hashInvitationToken(a.token));
    const refused = await status(a.token);
    expect429(refused.status, refused.headers);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("TOO_MANY_REQUESTS");
    expect((await status(b.token)).status).toBe(404);
  });
});

describe("search", () => {
  it("is limited per user", async () => {
    const org = await getDb().organization.create({ data: { name: "Searchers", slug: `searchers-${Date.now()}`, subscription: { create: { plan: "PRO" } } } });
    const hr = await makeUser({ role: "HR", orgId: org.id });
    const colleague = await makeUser({ role: "HR", orgId: org.id });
    const search = async (userId: string) => trpcHttp("search.interviews", { query: "kubernetes" }, { method: "GET", cookie: await cookieFor(userId) });
    expect((await search(hr.id)).status).toBe(200);
    await exhaust("searchPerUser", hr.id);
    const refused = await search(hr.id);
    expect429(refused.status, refused.headers);
    expect((await search(colleague.id)).status).toBe(200);
  });
});
