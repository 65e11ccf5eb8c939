import { getDb } from "@/server/db/client";
import type { Cases, Fixture } from "./fixture";
import { invite, makeTemplate } from "./invitations.cases";

const failed = new WeakMap<Fixture, Promise<{ responseId: string; runId: string }>>();

// Organization A's answer whose processing failed, and a finished run to re-run; built once per fixture.
function records(fx: Fixture) {
  let r = failed.get(fx);
  if (!r) {
    r = (async () => {
      const template = await makeTemplate(fx.orgA.id, { questions: [{ prompt: "Walk us through a design.", type: "VIDEO" }] });
      const invitationId = await invite(fx.users.hr.id, fx.orgA.id, template.id, "authz-pipeline@example.com");
      const response = await getDb().response.findFirstOrThrow({ where: { invitationId } });
      await getDb().response.update({ where: { id: response.id }, data: { status: "FAILED", failureReason: "Broken file", submittedAt: new Date() } });
      const run = await getDb().jobRun.create({
        data: { functionId: "ai-video-interview-process-response", eventId: "authz-run", eventName: "response.submitted", event: {}, status: "FAILED" },
      });
      return { responseId: response.id, runId: run.id };
    })();
    failed.set(fx, r);
  }
  return r;
}

export const pipelineCases: Cases = {
  "pipeline.retryResponse": {
    input: async (fx) => ({ responseId: (await records(fx)).responseId }),
    crossTenant: async (fx) => ({ responseId: (await records(fx)).responseId }),
  },
  "pipeline.runs": { input: () => ({}) },
  "pipeline.rerun": { input: async (fx) => ({ runId: (await records(fx)).runId }) },
};
