import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as devSignIn } from "@/app/api/dev/sign-in/route";
import { POST as startUpload } from "@/app/api/uploads/route";
import { POST as completeUpload } from "@/app/api/uploads/[uploadId]/complete/route";
import { PUT as putChunk } from "@/app/api/uploads/[uploadId]/chunks/[index]/route";
import { POST as nextAuth } from "@/app/api/auth/[...nextauth]/route";
import { resetEnvForTests } from "@/server/config/env";
import { getDb } from "@/server/db/client";
import { DEMO_USERS } from "@/server/seed/seed";
import { makeInterview } from "../../fixtures/interview";

const APP = "http://localhost:3000";
const fromOtherPort = { origin: "http://localhost:4000", "sec-fetch-site": "same-site" };

beforeAll(() => {
  process.env.DEV_TOOLS = "on";
  resetEnvForTests();
});
afterAll(() => {
  delete process.env.DEV_TOOLS;
  resetEnvForTests();
});

describe("state-changing route handlers refuse cross-site requests (finding 8)", () => {
  it("the dev sign-in route sets no session for a form posted from another site", async () => {
    const email = DEMO_USERS.hr.email;
    await getDb().user.upsert({ where: { email }, create: { email, role: "HR" }, update: {} });
    const form = () => {
      const f = new FormData();
      f.set("email", email);
      return f;
    };
    const attack = await devSignIn(new Request(`${APP}/api/dev/sign-in`, { method: "POST", headers: fromOtherPort, body: form() }));
    expect(attack.status).toBe(403);
    expect(attack.headers.get("set-cookie")).toBeNull();
    const own = await devSignIn(
      new Request(`${APP}/api/dev/sign-in`, { method: "POST", headers: { origin: APP, "sec-fetch-site": "same-origin" }, body: form() }),
    );
    expect(own.status).toBe(303);
    expect(own.headers.get("set-cookie")).toContain("session");
  });

  it("the upload routes and next-auth's posts refuse another site's origin", async () => {
    const { token, responses } = await makeInterview({ consent: true });
    const headers = { ...fromOtherPort, "content-type": "application/json", "x-interview-token": token };
    const start = await startUpload(
      new Request(`${APP}/api/uploads`, {
        method: "POST",
        headers,
        body: JSON.stringify({ responseId: responses[0]!.id, take: 1, contentType: "video/webm" }),
      }),
    );
    expect(start.status).toBe(403);
    expect(await getDb().uploadSession.count({ where: { responseId: responses[0]!.id } })).toBe(0);
    const params = { params: Promise.resolve({ uploadId: "u1", index: "0" }) };
    expect((await putChunk(new Request(`${APP}/api/uploads/u1/chunks/0`, { method: "PUT", headers, body: "x" }), params)).status).toBe(403);
    expect((await completeUpload(new Request(`${APP}/api/uploads/u1/complete`, { method: "POST", headers, body: "{}" }), params)).status).toBe(403);
    const signIn = await nextAuth(
      new Request(`${APP}/api/auth/signin/email`, {
        method: "POST",
        headers: { ...fromOtherPort, "content-type": "application/x-www-form-urlencoded" },
        body: "email=a%40example.com",
      }),
      { params: Promise.resolve({ nextauth: ["signin", "email"] }) },
    );
    expect(signIn.status).toBe(403);
  });
});
