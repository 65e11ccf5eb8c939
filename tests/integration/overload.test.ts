import { describe, expect, it } from "vitest";
import { POST as trpcRoute } from "@/app/api/trpc/[trpc]/route";
import { getDb } from "@/server/db/client";
import { makeInterview } from "../fixtures/interview";

/**
 * Back-pressure, not errors: when the database cannot start the candidate's transaction in time
 * (the embedded engine runs one at a time, and here another holds it), the request is answered
 * 503 with Retry-After, writes nothing, and goes through once the database is free again.
 */

function submitText(token: string, responseId: string, text: string): Promise<Response> {
  return trpcRoute(
    new Request("http://localhost:3000/api/trpc/interview.submitText?batch=1", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ 0: { json: { token, responseId, text } } }),
    }),
  );
}

describe("a saturated database", () => {
  it("answers a submit 503 with Retry-After instead of a 500, writes nothing, and the retry goes through", async () => {
    const { token, responses } = await makeInterview({ consent: true, questions: [{ type: "TEXT" }] });
    const responseId = responses[0]!.id;
    const db = getDb();

    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let holding!: () => void;
    const started = new Promise<void>((resolve) => (holding = resolve));
    const blocker = db.$transaction(
      async (tx) => {
        await tx.$queryRaw`SELECT 1`;
        holding();
        await held;
      },
      { timeout: 60_000 },
    );
    await started;

    const busy = await submitText(token, responseId, "My answer.");
    release();
    await blocker;
    expect(busy.status).toBe(503);
    expect(busy.headers.get("retry-after")).toBe("2");
    const body = (await busy.json()) as { error: { json: { message: string; data: { code: string } } } }[];
    expect(body[0]!.error.json.data.code).toBe("SERVICE_UNAVAILABLE");
    expect(body[0]!.error.json.message).toMatch(/busy.*safe/);
    expect(await db.response.findUniqueOrThrow({ where: { id: responseId } })).toMatchObject({ submittedAt: null, textAnswer: null });

    const retried = await submitText(token, responseId, "My answer.");
    expect(retried.status).toBe(200);
    expect(retried.headers.get("retry-after")).toBeNull();
    expect(await db.response.findUniqueOrThrow({ where: { id: responseId } })).toMatchObject({ textAnswer: "My answer." });
  });
});
