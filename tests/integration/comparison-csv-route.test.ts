import { describe, expect, it, vi } from "vitest";
import { GET } from "@/app/api/templates/[id]/comparison.csv/route";
import { readCookie } from "@/server/auth/session";
import { getDb } from "@/server/db/client";
import { cookieFor, makeOrg, makeUser } from "../helpers/actors";
import { makeInterviewAnalysis } from "./authz/analysis.cases";
import { invite, makeTemplate } from "./authz/invitations.cases";

// Route handlers read the session through next/headers, which only exists inside a Next request:
// here it reads the cookie of the request the test is making.
const request = vi.hoisted(() => ({ cookie: null as string | null }));
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => {
      const value = readCookie(request.cookie, name);
      return value === null ? undefined : { name, value };
    },
  }),
}));

async function download(templateId: string, cookie: string | null, query = "") {
  request.cookie = cookie;
  const url = `http://localhost:3000/api/templates/${templateId}/comparison.csv${query}`;
  return GET(new Request(url, cookie ? { headers: { cookie } } : {}), { params: Promise.resolve({ id: templateId }) });
}

describe("GET /api/templates/[id]/comparison.csv", () => {
  it("serves HR of the template's organization a CSV attachment with the filters applied; others get 404, visitors 401", async () => {
    const org = await makeOrg("Csv");
    const hr = await makeUser({ role: "HR", orgId: org.id });
    const template = await makeTemplate(org.id, { title: "Backend Engineer" });
    const strong = await invite(hr.id, org.id, template.id, "ada@example.com");
    const weak = await invite(hr.id, org.id, template.id, "cal@example.com");
    await getDb().invitation.update({ where: { id: strong }, data: { candidateName: "Moreno, Ada" } });
    await getDb().invitation.update({ where: { id: weak }, data: { candidateName: "=Cal" } });
    const scored = (score: number, recommendation: "yes" | "no") => ({
      scores: [{ competencyId: "c1", competency: "Design", weight: 1, score, rationale: "r", evidence: [] }],
      overallScore: score,
      recommendation,
      summary: "s",
      strengths: [],
      concerns: [],
      flags: [],
    });
    await makeInterviewAnalysis({ id: strong, organizationId: org.id }, scored(5, "yes"));
    await makeInterviewAnalysis({ id: weak, organizationId: org.id }, scored(2, "no"));

    const cookie = await cookieFor(hr.id);
    const ok = await download(template.id, cookie);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(ok.headers.get("content-disposition")).toBe('attachment; filename="backend-engineer-comparison.csv"');
    const body = await ok.text();
    expect(
      body
        .replace(/^\uFEFF/, "")
        .split("\r\n")
        .slice(0, 3),
    ).toEqual([
      '"Rank","Candidate","Email","Status","Completed at","Engine","Overall","Design","Recommendation","Overridden by HR","Flagged"',
      '"1","Moreno, Ada","ada@example.com","Sent","","Offline analyzer (deterministic)","5","5","Yes","no","no"',
      `"2","'=Cal","cal@example.com","Sent","","Offline analyzer (deterministic)","2","2","No","no","no"`,
    ]);

    const filtered = await (await download(template.id, cookie, "?recommendation=no")).text();
    expect(filtered.split("\r\n").filter(Boolean)).toHaveLength(2);
    expect(filtered).toContain("'=Cal");
    expect(filtered).not.toContain("Moreno");

    expect((await download(template.id, cookie, "?status=LOST")).status).toBe(400);

    const otherHr = await makeUser({ role: "HR", orgId: (await makeOrg("Other")).id });
    expect((await download(template.id, await cookieFor(otherHr.id))).status).toBe(404);
    const candidate = await makeUser({ role: "CANDIDATE" });
    expect((await download(template.id, await cookieFor(candidate.id))).status).toBe(404);
    expect((await download("no-such-template", cookie)).status).toBe(404);
    expect((await download(template.id, null)).status).toBe(401);
    const suspended = await makeUser({ role: "HR", orgId: org.id, status: "SUSPENDED" });
    expect((await download(template.id, await cookieFor(suspended.id))).status).toBe(401);
  });
});
