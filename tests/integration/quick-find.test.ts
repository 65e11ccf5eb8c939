import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import { callerFor, makeOrg, makeUser } from "../helpers/actors";
import { invite, makeTemplate } from "./authz/invitations.cases";

describe("search.quickFind (the command palette)", () => {
  let hrA: string;
  let hrB: string;
  let templateId: string;
  let invitationId: string;

  beforeAll(async () => {
    const a = await makeOrg("FindA");
    const b = await makeOrg("FindB");
    hrA = (await makeUser({ role: "HR", orgId: a.id })).id;
    hrB = (await makeUser({ role: "HR", orgId: b.id })).id;
    templateId = (await makeTemplate(a.id, { title: "Quokka Keeper" })).id;
    invitationId = await invite(hrA, a.id, templateId, `quokka-fan-${Date.now()}@example.com`);
  });

  it("finds a candidate by email and a template by title, case-insensitively, with where to go", async () => {
    const found = await (await callerFor(hrA)).search.quickFind({ query: "QUOKKA" });
    expect(found.templates).toEqual([{ id: templateId, title: "Quokka Keeper", status: "PUBLISHED", href: `/templates/${templateId}` }]);
    expect(found.candidates).toEqual([
      expect.objectContaining({ id: invitationId, name: "Casey Candidate", templateTitle: "Quokka Keeper", href: `/interviews/${invitationId}` }),
    ]);
  });

  it("never finds another organization's candidates or templates", async () => {
    expect(await (await callerFor(hrB)).search.quickFind({ query: "quokka" })).toEqual({ candidates: [], templates: [] });
  });

  it("refuses an empty query with the schema's message", async () => {
    const error = await (await callerFor(hrA)).search.quickFind({ query: "  " }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).message).toContain("Type a name, an email or a template title.");
  });
});
