import { describe, expect, it } from "vitest";
import { getDb } from "@/server/db/client";
import { TRPC_MAX_BATCH } from "@/server/trpc/limits";
import { cookieFor, makeOrg, makeUser } from "../../helpers/actors";
import { trpcHttp } from "../../helpers/trpc-http";
import { makeInterview } from "../../fixtures/interview";

async function hrOfNewOrg() {
  const org = await makeOrg("Csrf");
  const hr = await makeUser({ role: "HR", orgId: org.id, orgRole: "OWNER" });
  return { org, cookie: await cookieFor(hr.id) };
}

const joinCode = async (id: string) => (await getDb().organization.findUniqueOrThrow({ where: { id } })).joinCode;

describe("tRPC refuses cross-site and non-JSON writes (finding 8)", () => {
  it("an auto-submitted form from another port of the same host does not rotate the join code", async () => {
    const { org, cookie } = await hrOfNewOrg();
    const before = await joinCode(org.id);
    const form = new FormData();
    form.set("x", "1");
    const attack = await trpcHttp("organizations.rotateJoinCode", undefined, {
      cookie,
      body: form,
      headers: { origin: "http://localhost:4000", "sec-fetch-site": "same-site", "content-type": "multipart/form-data; boundary=x" },
    });
    expect(attack.status).toBe(403);
    expect(await joinCode(org.id)).toBe(before);
  });

  it("refuses multipart and urlencoded bodies even from the app's own origin", async () => {
    const { org, cookie } = await hrOfNewOrg();
    const before = await joinCode(org.id);
    for (const type of ["multipart/form-data; boundary=----x", "application/x-www-form-urlencoded", "text/plain"]) {
      const result = await trpcHttp("organizations.rotateJoinCode", undefined, { cookie, body: "------x--\r\n", headers: { "content-type": type } });
      expect(result.status).toBe(415);
      expect(result.body?.error?.json.message).toBe("Send the request as JSON.");
    }
    expect(await joinCode(org.id)).toBe(before);
  });

  it("refuses a JSON write whose Origin is another site, and accepts the app's own", async () => {
    const { org, cookie } = await hrOfNewOrg();
    const before = await joinCode(org.id);
    const foreign = await trpcHttp("organizations.rotateJoinCode", undefined, { cookie, headers: { origin: "http://evil.example", "sec-fetch-site": "" } });
    expect(foreign.status).toBe(403);
    expect(await joinCode(org.id)).toBe(before);
    const crossSite = await trpcHttp("organizations.rotateJoinCode", undefined, { cookie, headers: { "sec-fetch-site": "cross-site" } });
    expect(crossSite.status).toBe(403);
    expect(await joinCode(org.id)).toBe(before);
    const own = await trpcHttp("organizations.rotateJoinCode", undefined, { cookie });
    expect(own.status).toBe(200);
    expect(await joinCode(org.id)).not.toBe(before);
  });
});

describe("tRPC request limits (finding 3)", () => {
  it("refuses a batch of more calls than the limit", async () => {
    const { cookie } = await hrOfNewOrg();
    const calls = (n: number) => Array.from({ length: n }, () => "organizations.current").join(",");
    const input = encodeURIComponent(JSON.stringify({}));
    const get = (n: number) => trpcHttp(`${calls(n)}?batch=1&input=${input}`, undefined, { cookie, method: "GET" });
    expect((await get(TRPC_MAX_BATCH)).status).toBe(200);
    expect((await get(100)).status).toBe(400);
  });

  it("refuses a 5 MiB body with 413 before reading it all", async () => {
    const { cookie } = await hrOfNewOrg();
    const big = await trpcHttp("organizations.rename", undefined, { cookie, body: JSON.stringify({ json: { name: "x".repeat(5 * 1024 * 1024) } }) });
    expect(big.status).toBe(413);
  });
});

describe("interview tokens stay out of addresses (finding 11)", () => {
  it("answers a query sent as a POST, as the candidate's page sends them", async () => {
    const { token } = await makeInterview({ consent: true });
    const result = await trpcHttp("interview.state", { token });
    expect(result.status).toBe(200);
    expect(result.text).toContain('"availability":"OPEN"');
  });
});
