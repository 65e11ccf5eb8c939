import { describe, expect, it, vi } from "vitest";
import { GET as captions } from "@/app/api/responses/[responseId]/captions/route";
import { readCookie } from "@/server/auth/session";
import { getDb } from "@/server/db/client";
import { callerFor, cookieFor, makeOrg, makeUser } from "../../helpers/actors";
import { invite, makeTemplate } from "../authz/invitations.cases";

const request = vi.hoisted(() => ({ cookie: null as string | null }));
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => {
      const value = readCookie(request.cookie, name);
      return value === null ? undefined : { name, value };
    },
  }),
}));

async function transcribedAnswer(organizationId: string, hrId: string) {
  const template = await makeTemplate(organizationId);
  const invitationId = await invite(hrId, organizationId, template.id, `route-access-${Date.now()}@example.com`);
  const response = await getDb().response.create({
    data: {
      invitationId,
      questionId: "q1",
      position: 0,
      type: "VIDEO",
      status: "TRANSCRIBED",
      transcript: { create: { engine: "offline", model: "m", text: "secret words", segments: [{ start: 0, end: 1, text: "secret words" }] } },
    },
  });
  return response.id;
}

describe("route handlers decide access as tRPC does (finding 1)", () => {
  it("a user demoted from HR to candidate no longer reads captions", async () => {
    const org = await makeOrg("Demoted");
    const hr = await makeUser({ role: "HR", orgId: org.id });
    const admin = await makeUser({ role: "ADMIN" });
    const responseId = await transcribedAnswer(org.id, hr.id);
    request.cookie = await cookieFor(hr.id);
    const get = () => captions(new Request(`http://localhost/api/responses/${responseId}/captions`), { params: Promise.resolve({ responseId }) });
    expect((await get()).status).toBe(200);

    await (await callerFor(admin.id)).users.setRole({ userId: hr.id, role: "CANDIDATE" });
    const after = await get();
    expect(after.status).toBe(404);
    expect(await after.text()).not.toContain("secret");
  });
});
