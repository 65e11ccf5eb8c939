import { describe, expect, it } from "vitest";
import { createLogger } from "@/server/logging/logger";
import { hrProcedure, publicProcedure, router } from "@/server/trpc/init";
import { handleTrpcRequest } from "@/server/trpc/http";
import { cookieFor, makeOrg, makeUser } from "../helpers/actors";

/** A pino destination that keeps each line, as a log collector would receive it. */
function collector() {
  const lines: string[] = [];
  return { lines, stream: { write: (line: string) => void lines.push(line) } };
}

const TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

describe("structured logs", () => {
  it("carry the request id, trace id, user id and organization id of the request, and never a secret or what a candidate wrote", async () => {
    const org = await makeOrg("Logged");
    const hr = await makeUser({ role: "HR", orgId: org.id });
    const { lines, stream } = collector();
    const log = createLogger(stream);
    // A procedure that logs what a careless caller might: a token, an answer, an email, and one harmless field.
    const probe = router({
      probe: hrProcedure.query(() => {
        log.warn(
          { token: "tok_live_abc123", textAnswer: "I migrated the ledger to Postgres", candidate: { email: "casey@example.com", text: "Hello" }, step: "kept" },
          "probe",
        );
        return "ok";
      }),
    });
    const response = await handleTrpcRequest(
      new Request("http://localhost:3000/api/trpc/probe", {
        headers: { cookie: await cookieFor(hr.id), "x-request-id": "req-42", traceparent: `00-${TRACE_ID}-00f067aa0ba902b7-01` },
      }),
      probe,
    );
    expect(response.status).toBe(200);

    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(line).toMatchObject({ msg: "probe", requestId: "req-42", traceId: TRACE_ID, userId: hr.id, organizationId: org.id, step: "kept" });
    expect(line.token).toBe("[redacted]");
    expect(line.textAnswer).toBe("[redacted]");
    expect(line.candidate).toEqual({ email: "[redacted]", text: "[redacted]" });
    expect(lines[0]).not.toMatch(/tok_live_abc123|ledger|casey@example\.com|Hello/);
  });

  it("gives a request without ids its own, an anonymous request no user, and a line outside any request no ids", async () => {
    const { lines, stream } = collector();
    const log = createLogger(stream);
    const probe = router({
      probe: publicProcedure.query(() => {
        log.warn("anonymous");
        return "ok";
      }),
    });
    expect((await handleTrpcRequest(new Request("http://localhost:3000/api/trpc/probe"), probe)).status).toBe(200);
    log.warn("outside any request");

    const [inside, outside] = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(inside).toMatchObject({ msg: "anonymous", requestId: expect.stringMatching(/^[\da-f-]{36}$/), traceId: expect.stringMatching(/^[\da-f]{32}$/) });
    expect(inside).not.toHaveProperty("userId");
    expect(outside).toMatchObject({ msg: "outside any request" });
    expect(outside).not.toHaveProperty("requestId");
  });
});
