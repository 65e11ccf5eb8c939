import { describe, expect, it } from "vitest";
import { publicProcedure, router } from "@/server/trpc/init";
import { handleTrpcRequest } from "@/server/trpc/http";
import { CONTROL_CHARACTERS_MESSAGE } from "@/server/validation/text";
import { cookieFor, makeOrg, makeUser } from "../../helpers/actors";
import { APP_ORIGIN, trpcHttp } from "../../helpers/trpc-http";
import { makeInterview } from "../../fixtures/interview";
import { getDb } from "@/server/db/client";
import { makeTemplate } from "../authz/invitations.cases";

const NUL = "a\u0000b";

function expectRefused(result: Awaited<ReturnType<typeof trpcHttp>>, field: string) {
  expect(result.status).toBe(400);
  expect(result.body?.error?.json.data.zod?.fieldErrors[field]).toEqual([CONTROL_CHARACTERS_MESSAGE]);
  expect(result.text).not.toMatch(/prisma|invocation|\/work|node_modules/i);
}

describe("control characters in text inputs (finding 2)", () => {
  it("are refused with a field message, never a 500, for a candidate and for HR", async () => {
    const { token, responses } = await makeInterview({ consent: true });
    expectRefused(await trpcHttp("interview.submitText", { token, responseId: responses[1]!.id, text: NUL }), "text");
    expect(await getDb().response.findUniqueOrThrow({ where: { id: responses[1]!.id } })).toMatchObject({ textAnswer: null });

    const org = await makeOrg("Nul");
    const hr = await makeUser({ role: "HR", orgId: org.id, orgRole: "OWNER" });
    const cookie = await cookieFor(hr.id);
    expectRefused(await trpcHttp("users.updateProfile", { name: NUL }, { cookie }), "name");
    expectRefused(await trpcHttp("organizations.rename", { name: NUL }, { cookie }), "name");
    expectRefused(
      await trpcHttp(
        "templates.create",
        {
          title: NUL,
          description: "d",
          rubric: [{ id: "c1", competency: "Design", weight: 1, looksFor: "Trade-offs" }],
          questions: [{ prompt: "Why?", type: "TEXT", criteria: "" }],
        },
        { cookie },
      ),
      "title",
    );
    const template = await makeTemplate(org.id);
    expectRefused(
      await trpcHttp("invitations.create", { templateId: template.id, candidates: { mode: "one", name: NUL, email: "nul@example.com" } }, { cookie }),
      "candidates.name",
    );
    expect(await getDb().invitation.count({ where: { organizationId: org.id } })).toBe(0);
    const done = await makeInterview({ organizationId: org.id, consent: true });
    expectRefused(await trpcHttp("feedback.send", { invitationId: done.invitation.id, body: `Thank you for your answers. ${NUL}` }, { cookie }), "body");
  });
});

describe("an unexpected failure", () => {
  it("reaches the client as a generic message with a reference, never the underlying text", async () => {
    const failing = router({
      boom: publicProcedure.mutation(() => {
        throw new Error("Invalid `prisma.user.update()` invocation in /work/app/server/users/profile.ts:12:3");
      }),
    });
    // The server's logger writes JSON lines to stdout.
    const written: string[] = [];
    const original = process.stdout.write.bind(process.stdout);
    process.stdout.write = (chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    };
    try {
      const response = await handleTrpcRequest(
        new Request(`${APP_ORIGIN}/api/trpc/boom`, {
          method: "POST",
          headers: { "content-type": "application/json", origin: APP_ORIGIN, "sec-fetch-site": "same-origin" },
          body: "{}",
        }),
        failing,
      );
      expect(response.status).toBe(500);
      const text = await response.text();
      expect(text).not.toMatch(/prisma|invocation|\/work/);
      const message = (JSON.parse(text) as { error: { json: { message: string } } }).error.json.message;
      const reference = /reference: ([0-9a-f]{10})\./.exec(message)?.[1];
      expect(reference).toBeDefined();
      expect(written.some((line) => line.includes(reference!) && line.includes('"procedure":"boom"'))).toBe(true);
    } finally {
      process.stdout.write = original;
    }
  });
});
