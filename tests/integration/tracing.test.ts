import { InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from "@opentelemetry/sdk-trace";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { functions } from "@/inngest/functions";
import { InProcessRunner } from "@/inngest/runner/runner";
import { getDb } from "@/server/db/client";
import { startTracing, type Tracing } from "@/server/tracing/setup";
import { handleTrpcRequest } from "@/server/trpc/http";
import { publicProcedure, router } from "@/server/trpc/init";
import { callerFor, makeUser } from "../helpers/actors";
import { makeInterview } from "../fixtures/interview";
import { settle } from "../helpers/settle";

/**
 * One trace follows an answer, on the real database with the real functions and the in-process
 * runner: the candidate's submit, the outbox rows it writes, the relay, each run and step of the
 * pipeline, the analysis and HR's notification email. Spans are kept in memory instead of exported.
 */

const exporter = new InMemorySpanExporter();
let tracing: Tracing;
let runner: InProcessRunner;

beforeAll(() => {
  tracing = startTracing({ processor: new SimpleSpanProcessor({ exporter }) })!;
  runner = new InProcessRunner({ db: getDb(), functions, backoffBaseMs: 20, backoffMaxMs: 100, log: () => {} });
});
afterAll(async () => {
  await runner.stop();
  await tracing.shutdown();
});

describe("traces", () => {
  it("follow a submitted answer from the request through the outbox, every run and step, the analysis and the notification", async () => {
    const { organizationId, token, responses, invitation } = await makeInterview({ questions: [{ type: "TEXT" }], consent: true });
    await makeUser({ role: "HR", orgId: organizationId });
    const api = await callerFor(null);
    // Points the local queue at the runner before the first relay, as starting the app does.
    await runner.drain();
    exporter.reset();
    await api.interview.submitText({ token, responseId: responses[0]!.id, text: "I would shard the ledger by account and replay the journal." });
    await settle(runner, 120_000);
    expect(await getDb().analysis.count({ where: { invitationId: invitation.id, responseId: null, status: "COMPLETE" } })).toBe(1);

    const all = exporter.getFinishedSpans();
    const submit = all.find((s) => s.name === "trpc interview.submitText");
    expect(submit, "the submit's span").toBeDefined();
    const traceId = submit!.spanContext().traceId;
    const trace = all.filter((s) => s.spanContext().traceId === traceId);
    const id = (s: ReadableSpan) => s.spanContext().spanId;
    const parentOf = (s: ReadableSpan) => trace.find((p) => id(p) === s.parentSpanContext?.spanId);
    // The nearest ancestor of the app's own: Prisma's transaction spans sit between a transaction's
    // code and the request, and the Inngest SDK's own span between a step and the step's code.
    const appParentOf = (s: ReadableSpan): ReadableSpan | undefined => {
      const parent = parentOf(s);
      return parent && (parent.name.startsWith("prisma:") || parent.name === "inngest.execution") ? appParentOf(parent) : parent;
    };
    const named = (name: string) => trace.filter((s) => s.name === name);
    const one = (name: string, parent: ReadableSpan) => {
      const found = named(name).filter((s) => appParentOf(s) === parent);
      expect(
        found.map((s) => s.name),
        `${name} under ${parent.name}`,
      ).toEqual([name]);
      return found[0]!;
    };
    const fn = (id: string) => `inngest.run ai-video-interview-${id}`;

    // The submit's transaction wrote two rows (the answer, and the interview's completion), each relayed as a child.
    expect(submit!.parentSpanContext).toBeUndefined();
    const answerRow = one("outbox.enqueue response.submitted", submit!);
    const completedRow = one("outbox.enqueue interview.completed", submit!);
    const processRun = one(fn("process-response"), one("outbox.relay response.submitted", answerRow));
    one("inngest.step load-answer", processRun);
    one("inngest.step index-for-search", processRun);
    const completedRun = one(fn("interview-completed"), one("outbox.relay interview.completed", completedRow));
    one("inngest.step check-interview", completedRun);
    // Prisma's spans nest under the code that ran the query.
    expect(trace.some((s) => s.name === "prisma:client:operation" && appParentOf(s) === answerRow)).toBe(true);

    // The last answer's run or the completion's run sent the analysis event (its id makes it one run): a step's child.
    const [analyzeRun, ...more] = named(fn("analyze-interview"));
    expect(more).toEqual([]);
    expect(appParentOf(analyzeRun!)?.name).toBe("inngest.step start-analysis");
    expect([processRun, completedRun]).toContain(appParentOf(appParentOf(analyzeRun!)!));
    for (const step of ["check-ai-allowed", "mark-analyzing"]) one(`inngest.step ${step}`, analyzeRun!);
    const analysis = one("analysis.analyze", one("inngest.step analyze", analyzeRun!));
    expect(analysis.attributes["analysis.engine"]).toBe("offline");
    const notify = one("inngest.step notify-hr", analyzeRun!);

    // HR's notification: the row written by the notify step, relayed, and the email sent by its run.
    const notificationRun = one(
      fn("notification-email"),
      one("outbox.relay notification.analysis-ready", one("outbox.enqueue notification.analysis-ready", notify)),
    );
    const email = one("inngest.step send-email", notificationRun);
    expect(trace.filter((s) => s.name === "email.send analysis-ready" && appParentOf(s) === email)).toHaveLength(1);

    // Every span of the journey ended inside this one trace, and none of them is a root but the submit.
    expect(trace.filter((s) => !s.parentSpanContext)).toEqual([submit]);
    for (const s of trace.filter((s) => s !== submit)) expect(parentOf(s), s.name).toBeDefined();
  }, 180_000);

  it("continue the trace of a caller that sent a W3C traceparent header", async () => {
    const probe = router({ probe: publicProcedure.query(() => "ok") });
    exporter.reset();
    const callerTrace = "4bf92f3577b34da6a3ce929d0e0e4736";
    const response = await handleTrpcRequest(
      new Request("http://localhost:3000/api/trpc/probe", { headers: { traceparent: `00-${callerTrace}-00f067aa0ba902b7-01` } }),
      probe,
    );
    expect(response.status).toBe(200);
    const span = exporter.getFinishedSpans().find((s) => s.name === "trpc probe");
    expect(span?.spanContext().traceId).toBe(callerTrace);
    expect(span?.parentSpanContext).toMatchObject({ spanId: "00f067aa0ba902b7", isRemote: true });
    expect(span?.attributes).toMatchObject({ "rpc.system": "trpc", "rpc.method": "probe", "trpc.code": "OK" });
  });
});
