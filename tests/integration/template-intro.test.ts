import { describe, expect, it } from "vitest";
import { getDb } from "@/server/db/client";
import { callerFor, makeOrg, makeUser } from "../helpers/actors";
import { makeInterview } from "../fixtures/interview";
import { makeTemplate } from "./authz/invitations.cases";

const codeOf = (p: Promise<unknown>) => p.then(() => "OK").catch((e: { code?: string }) => e.code ?? "NO_CODE");

describe("a template's introduction for candidates", () => {
  it("is read by candidates already invited, before consent, and each change is audited", async () => {
    const org = await makeOrg("Intro");
    const hr = await callerFor((await makeUser({ role: "HR", orgId: org.id })).id);
    const interview = await makeInterview({ organizationId: org.id, questions: [{ type: "VIDEO", thinkTimeSec: 30, timeLimitSec: 90, retakes: 0 }] });
    const template = { id: interview.invitation.templateId };
    const candidate = await callerFor(null);
    const stateOf = async () => {
      const state = await candidate.interview.state({ token: interview.token });
      if (state.availability === "UNAVAILABLE") throw new Error("unexpected");
      return state;
    };
    expect((await stateOf()).intro).toBeNull();

    await hr.templates.setIntro({ templateId: template.id, introText: "  Hi! We are glad you applied.\nThis takes 10 minutes.  " });
    expect(await hr.templates.get({ id: template.id })).toMatchObject({ introText: "Hi! We are glad you applied.\nThis takes 10 minutes." });
    // The candidate was invited before it was written, and reads it all the same.
    expect((await stateOf()).intro).toBe("Hi! We are glad you applied.\nThis takes 10 minutes.");
    const copy = await hr.templates.duplicate({ id: template.id });
    expect(await hr.templates.get({ id: copy.id })).toMatchObject({ introText: "Hi! We are glad you applied.\nThis takes 10 minutes." });

    await hr.templates.setIntro({ templateId: template.id, introText: "" });
    expect(await hr.templates.get({ id: template.id })).toMatchObject({ introText: null });
    const changes = await getDb().auditLog.findMany({ where: { targetId: template.id, action: "template.intro" }, orderBy: { createdAt: "asc" } });
    expect(changes.map((c) => c.data)).toEqual([
      { from: null, to: "Hi! We are glad you applied.\nThis takes 10 minutes." },
      { from: "Hi! We are glad you applied.\nThis takes 10 minutes.", to: null },
    ]);
  });

  it("refuses an over-long text with the form's message, an archived template, and another organization's", async () => {
    const org = await makeOrg("Intro limits");
    const hr = await callerFor((await makeUser({ role: "HR", orgId: org.id })).id);
    const template = await makeTemplate(org.id, { title: "Cook" });
    const long = await hr.templates.setIntro({ templateId: template.id, introText: "x".repeat(2001) }).catch((e: Error) => e);
    expect((long as Error).message).toContain("Keep the introduction under 2000 characters.");
    expect(await hr.templates.get({ id: template.id })).toMatchObject({ introText: null });

    const outsider = await callerFor((await makeUser({ role: "HR", orgId: (await makeOrg("Elsewhere")).id })).id);
    expect(await codeOf(outsider.templates.setIntro({ templateId: template.id, introText: "Mine now" }))).toBe("NOT_FOUND");

    await hr.templates.setStatus({ id: template.id, status: "ARCHIVED" });
    expect(await codeOf(hr.templates.setIntro({ templateId: template.id, introText: "Too late" }))).toBe("PRECONDITION_FAILED");
  });
});
