import { afterEach, describe, expect, it } from "vitest";
import { GET } from "@/app/api/metrics/route";
import { resetEnvForTests } from "@/server/config/env";
import { callerFor, makeOrg, makeUser } from "../helpers/actors";

const TOKEN = "metrics-token-for-the-test";
const scrape = (authorization?: string) => GET(new Request("http://localhost/api/metrics", { headers: authorization ? { authorization } : {} }));

afterEach(() => {
  delete process.env.METRICS_TOKEN;
  resetEnvForTests();
});

describe("/api/metrics", () => {
  it("is off without METRICS_TOKEN", async () => {
    const response = await scrape(`Bearer ${TOKEN}`);
    expect(response.status).toBe(404);
  });

  it("answers only the bearer token, in Prometheus' text format, with tRPC, quota, outbox and process metrics", async () => {
    process.env.METRICS_TOKEN = TOKEN;
    resetEnvForTests();
    expect((await scrape()).status).toBe(401);
    expect((await scrape(`Bearer ${TOKEN}-wrong`)).status).toBe(401);
    expect((await scrape(TOKEN)).status).toBe(401);

    const org = await makeOrg("Metrics", "FREE");
    const hr = await makeUser({ role: "HR", orgId: org.id, orgRole: "OWNER" });
    const caller = await callerFor(hr.id);
    await caller.templates.list({});
    await expect(caller.organizations.makeOwner({ userId: "nobody" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const newcomer = await makeUser({ role: null });
    // Free has one HR seat, and the owner holds it.
    await expect((await callerFor(newcomer.id)).users.selectRole({ role: "HR", organization: { mode: "join", joinCode: org.joinCode } })).rejects.toMatchObject(
      {
        code: "PAYMENT_REQUIRED",
      },
    );

    const response = await scrape(`Bearer ${TOKEN}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const body = await response.text();
    expect(body).toMatch(/aivi_trpc_request_duration_seconds_count\{procedure="templates\.list",type="query",code="OK"\} [1-9]/);
    expect(body).toMatch(/aivi_trpc_request_duration_seconds_count\{procedure="organizations\.makeOwner",type="mutation",code="NOT_FOUND"\} 1/);
    expect(body).toMatch(/aivi_quota_refusals_total\{quota="hrSeats",plan="FREE"\} 1/);
    expect(body).toMatch(/^aivi_outbox_backlog \d+$/m);
    expect(body).toMatch(/^aivi_outbox_oldest_age_seconds [\d.e+-]+$/m);
    expect(body).toMatch(/^aivi_runner_leases_held \d+$/m);
    expect(body).toMatch(/^aivi_process_resident_memory_bytes \d+/m);
    // Labels are procedures, codes and plans: never a user, an email or an answer's words.
    expect(body).not.toContain(hr.email);
  });
});
