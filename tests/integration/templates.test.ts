import { createHash } from "node:crypto";
import { createTRPCClient, httpLink, TRPCClientError } from "@trpc/client";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import superjson from "superjson";
import { describe, expect, it, vi } from "vitest";
import { fieldErrors } from "@/components/trpc/client";
import { getDb } from "@/server/db/client";
import { seed } from "@/server/seed/seed";
import type { TemplateFormInput } from "@/server/templates/templates.schema";
import { ensureTemplateVersion, templateSnapshotSchema } from "@/server/templates/versions";
import { createContext } from "@/server/trpc/context";
import { appRouter, type AppRouter } from "@/server/trpc/root";
import { callerFor, cookieFor, makeOrg, makeUser } from "../helpers/actors";

// Makes the audit write of one action fail, to show that a failure late in a save undoes all of it.
const faults = vi.hoisted(() => ({ failAudit: null as string | null }));
vi.mock("@/server/audit/log", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/server/audit/log")>();
  return {
    ...real,
    audit: ((tx, entry) => {
      if (entry.action === faults.failAudit) throw new Error("audit write failed");
      return real.audit(tx, entry);
    }) as typeof real.audit,
  };
});

const db = () => getDb();

async function hrIn(orgName: string) {
  const org = await makeOrg(orgName);
  const hr = await makeUser({ role: "HR", orgId: org.id });
  return { org, hr, caller: await callerFor(hr.id) };
}

/** A client over the real HTTP handler, so errors arrive as the browser gets them (with zod fieldErrors). */
async function httpClientFor(userId: string) {
  const cookie = await cookieFor(userId);
  return createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: "http://app.test/api/trpc",
        transformer: superjson,
        headers: { cookie },
        fetch: (url, init) => {
          const req = new Request(url, init);
          return fetchRequestHandler({ endpoint: "/api/trpc", req, router: appRouter, createContext: () => createContext({ headers: req.headers }) });
        },
      }),
    ],
  });
}

function video(prompt: string, extra: Partial<TemplateFormInput["questions"][number]> = {}) {
  return { prompt, type: "VIDEO" as const, timeLimitSec: 120, thinkTimeSec: 30, retakes: 1, criteria: `Covers ${prompt}`, ...extra };
}

function text(prompt: string, extra: Partial<TemplateFormInput["questions"][number]> = {}) {
  return { prompt, type: "TEXT" as const, maxChars: 1500, ...extra };
}

function content(extra: Partial<TemplateFormInput> = {}): TemplateFormInput {
  return {
    title: "Backend Engineer",
    description: "Build and run our payment services.",
    rubric: [
      { competency: "Technical depth", weight: 2, looksFor: "Trade-offs with numbers" },
      { competency: "Ownership", weight: 1, looksFor: "Incidents handled end to end" },
    ],
    questions: [video("Tell us about a system you designed."), text("How do you review code?")],
    ...extra,
  };
}

/** An invitation row pointing at the template's current version, as the invitations module writes it. */
async function inviteTo(organizationId: string, templateId: string) {
  return db().$transaction(async (tx) => {
    const version = await ensureTemplateVersion(tx, templateId);
    return tx.invitation.create({
      data: {
        organizationId,
        templateId,
        templateVersionId: version.id,
        candidateName: "Casey",
        candidateEmail: `casey-${Math.random().toString(36).slice(2)}@example.com`,
        tokenHash: createHash("sha256").update(Math.random().toString()).digest("hex"),
        expiresAt: new Date(Date.now() + 86_400_000),
      },
      include: { templateVersion: true },
    });
  });
}

async function zodErrorsOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCClientError);
  expect((error as TRPCClientError<AppRouter>).data?.code).toBe("BAD_REQUEST");
  return fieldErrors(error);
}

describe("creating and reading templates", () => {
  it("creates a draft in the caller's organization, stores each question's settings for its type, and audits it", async () => {
    const { org, hr, caller } = await hrIn("Create");
    const created = await caller.templates.create(
      content({
        questions: [video("Design a queue.", { maxChars: 300 }), text("Explain retries.", { timeLimitSec: 90, thinkTimeSec: 20, retakes: 3, maxChars: null })],
      }),
    );
    expect(created).toMatchObject({ status: "DRAFT", title: "Backend Engineer", invitationCount: 0, canDelete: true, createdBy: { email: hr.email } });
    expect(created.questions).toMatchObject([
      { position: 0, type: "VIDEO", timeLimitSec: 120, thinkTimeSec: 30, retakes: 1, maxChars: null, criteria: "Covers Design a queue." },
      { position: 1, type: "TEXT", timeLimitSec: 0, thinkTimeSec: 0, retakes: 0, maxChars: 2000, criteria: "" },
    ]);
    expect(created.rubric.map((c) => c.competency)).toEqual(["Technical depth", "Ownership"]);
    expect(new Set(created.rubric.map((c) => c.id)).size).toBe(2);
    const row = await db().template.findUniqueOrThrow({ where: { id: created.id } });
    expect(row).toMatchObject({ organizationId: org.id, createdById: hr.id });
    const log = await db().auditLog.findFirst({ where: { action: "template.created", targetId: created.id } });
    expect(log).toMatchObject({ organizationId: org.id, actorId: hr.id });
    expect(await caller.templates.get({ id: created.id })).toEqual(created);
  });

  it("keeps each organization's templates to itself: another organization's id is NOT_FOUND for every procedure", async () => {
    const a = await hrIn("TenantA");
    const b = await hrIn("TenantB");
    const t = await a.caller.templates.create(content({ title: "Private role" }));
    const id = { id: t.id };
    await expect(b.caller.templates.get(id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(b.caller.templates.update({ ...id, ...content({ title: "Hijacked" }) })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(b.caller.templates.duplicate(id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(b.caller.templates.setStatus({ ...id, status: "ARCHIVED" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(b.caller.templates.delete(id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await b.caller.templates.list({ status: "ALL" })).items).toEqual([]);
    expect(await a.caller.templates.get(id)).toMatchObject({ title: "Private role", status: "DRAFT" });
  });

  it("lists by status (the archive hidden by default), searches titles, counts questions and invitations, and pages", async () => {
    const { org, caller } = await hrIn("List");
    const backend = await caller.templates.create(content({ title: "Backend Engineer" }));
    const frontend = await caller.templates.create(content({ title: "Frontend ENGINEER", questions: [video("Q1"), video("Q2"), video("Q3")] }));
    const designer = await caller.templates.create(content({ title: "Product Designer" }));
    await caller.templates.setStatus({ id: frontend.id, status: "PUBLISHED" });
    await caller.templates.setStatus({ id: designer.id, status: "ARCHIVED" });
    await inviteTo(org.id, frontend.id);
    await inviteTo(org.id, frontend.id);

    const titles = async (input: Parameters<typeof caller.templates.list>[0]) => (await caller.templates.list(input)).items.map((t) => t.title).sort();
    expect(await titles({})).toEqual(["Backend Engineer", "Frontend ENGINEER"]);
    expect(await titles({ status: "ALL" })).toEqual(["Backend Engineer", "Frontend ENGINEER", "Product Designer"]);
    expect(await titles({ status: "ARCHIVED" })).toEqual(["Product Designer"]);
    expect(await titles({ status: "PUBLISHED" })).toEqual(["Frontend ENGINEER"]);
    expect(await titles({ status: "DRAFT" })).toEqual(["Backend Engineer"]);
    expect(await titles({ status: "ALL", query: "engineer" })).toEqual(["Backend Engineer", "Frontend ENGINEER"]);
    expect(await titles({ status: "ALL", query: "nothing like it" })).toEqual([]);

    const all = await caller.templates.list({ status: "ALL" });
    expect(all.total).toBe(3);
    expect(all.items.find((t) => t.id === frontend.id)).toMatchObject({ status: "PUBLISHED", questionCount: 3, invitationCount: 2 });
    expect(all.items.find((t) => t.id === backend.id)).toMatchObject({ questionCount: 2, invitationCount: 0 });

    const first = await caller.templates.list({ status: "ALL", take: 2 });
    expect(first.items).toHaveLength(2);
    const second = await caller.templates.list({ status: "ALL", take: 2, cursor: first.nextCursor! });
    expect(second.nextCursor).toBeNull();
    expect([...first.items, ...second.items].map((t) => t.id).sort()).toEqual([backend.id, frontend.id, designer.id].sort());
  });
});

describe("saving the editor", () => {
  it("replaces the questions in order, keeping the ids of the ones kept, and keeps competency ids", async () => {
    const { org, hr, caller } = await hrIn("Update");
    const t = await caller.templates.create(content({ questions: [video("A"), video("B"), text("C")] }));
    const [a, , c] = t.questions;
    const updated = await caller.templates.update({
      id: t.id,
      title: "Staff Backend Engineer",
      description: "Lead the payments platform.",
      rubric: [
        { ...t.rubric[1]!, weight: 3 },
        { competency: "Communication", weight: 1, looksFor: "Clear writing" },
      ],
      questions: [{ ...c!, prompt: "C, reworded" }, video("D"), { ...a!, timeLimitSec: 300 }],
    });
    expect(updated.questions.map((q) => [q.prompt, q.position])).toEqual([
      ["C, reworded", 0],
      ["D", 1],
      ["A", 2],
    ]);
    expect(updated.questions[0]!.id).toBe(c!.id);
    expect(updated.questions[2]).toMatchObject({ id: a!.id, timeLimitSec: 300 });
    expect([a!.id, c!.id, t.questions[1]!.id]).not.toContain(updated.questions[1]!.id);
    expect(await db().question.count({ where: { templateId: t.id } })).toBe(3);
    expect(updated.rubric[0]).toEqual({ ...t.rubric[1]!, weight: 3 });
    expect(updated.rubric[1]!.id).toBeTruthy();
    expect(updated.rubric[1]!.id).not.toBe(t.rubric[0]!.id);
    const log = await db().auditLog.findFirst({ where: { action: "template.updated", targetId: t.id } });
    expect(log).toMatchObject({ organizationId: org.id, actorId: hr.id, data: { questions: 3, added: 1, removed: 1 } });
  });

  it("treats a question id that is not the template's own as a new question, leaving the other template alone", async () => {
    const { caller } = await hrIn("Foreign");
    const other = await (await hrIn("ForeignOther")).caller.templates.create(content());
    const foreign = other.questions[0]!;
    const t = await caller.templates.create(content());
    const updated = await caller.templates.update({ id: t.id, ...content({ questions: [{ ...foreign, prompt: "Mine now?" }] }) });
    expect(updated.questions[0]!.id).not.toBe(foreign.id);
    expect(await db().question.findUniqueOrThrow({ where: { id: foreign.id } })).toMatchObject({ templateId: other.id, prompt: foreign.prompt });
  });

  it("answers bad input with BAD_REQUEST and field errors keyed by path, and writes nothing", async () => {
    const { hr, caller } = await hrIn("Invalid");
    const client = await httpClientFor(hr.id);
    const t = await caller.templates.create(content());
    const before = await caller.templates.get({ id: t.id });
    const errors = await zodErrorsOf(
      client.templates.update.mutate({
        id: t.id,
        title: "  ",
        description: "Still a job",
        rubric: [
          { competency: "Depth", weight: 0, looksFor: "x" },
          { competency: "depth", weight: 1, looksFor: "" },
        ],
        questions: [video("Too short", { timeLimitSec: 5, thinkTimeSec: 301, retakes: 6 }), text("Too long", { maxChars: 10 }), video("   ")],
      }),
    );
    expect(errors).toMatchObject({
      title: "Enter the job title",
      "rubric.0.weight": "The weight must be more than 0",
      "rubric.1.competency": "Another competency already has this name",
      "rubric.1.looksFor": "Describe what a strong candidate shows",
      "questions.0.timeLimitSec": "Set a time limit from 15 to 600 seconds",
      "questions.0.thinkTimeSec": "Set a think time from 0 to 300 seconds",
      "questions.0.retakes": "Allow from 0 to 5 retakes",
      "questions.1.maxChars": "Allow from 50 to 5,000 characters",
      "questions.2.prompt": "Write the question",
    });
    expect(await caller.templates.get({ id: t.id })).toEqual(before);
    expect(await db().auditLog.count({ where: { action: "template.updated", targetId: t.id } })).toBe(0);

    const tooMany = await zodErrorsOf(
      client.templates.create.mutate(
        content({
          questions: Array.from({ length: 31 }, (_, i) => video(`Q${i}`)),
          rubric: Array.from({ length: 11 }, (_, i) => ({ competency: `C${i}`, weight: 1, looksFor: "x" })),
        }),
      ),
    );
    expect(tooMany).toEqual({ questions: "An interview has at most 30 questions", rubric: "A rubric has at most 10 competencies" });
    const missingLimit = await zodErrorsOf(client.templates.create.mutate(content({ questions: [video("No limit", { timeLimitSec: null })] })));
    expect(missingLimit).toEqual({ "questions.0.timeLimitSec": "Set a time limit from 15 to 600 seconds" });
    expect(await db().template.count({ where: { organization: { memberships: { some: { userId: hr.id } } } } })).toBe(1);
  });

  it("undoes the whole save when a write late in the transaction fails", async () => {
    const { caller } = await hrIn("Atomic");
    const t = await caller.templates.create(content({ questions: [video("A"), video("B")] }));
    const before = await caller.templates.get({ id: t.id });
    faults.failAudit = "template.updated";
    try {
      await expect(
        caller.templates.update({
          id: t.id,
          ...content({ title: "Half written?", questions: [video("New one"), { ...t.questions[1]!, prompt: "B changed" }] }),
        }),
      ).rejects.toMatchObject({ code: "INTERNAL_SERVER_ERROR" });
    } finally {
      faults.failAudit = null;
    }
    expect(await caller.templates.get({ id: t.id })).toEqual(before);
  });

  it("saves a draft without questions or competencies, but a published template must stay complete", async () => {
    const { caller } = await hrIn("Complete");
    const draft = await caller.templates.create(content({ rubric: [], questions: [] }));
    expect(draft.questions).toEqual([]);
    const t = await caller.templates.create(content());
    await caller.templates.setStatus({ id: t.id, status: "PUBLISHED" });
    await expect(caller.templates.update({ id: t.id, ...content({ questions: [] }) })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("Add at least one question"),
    });
    expect((await caller.templates.get({ id: t.id })).questions).toHaveLength(2);
  });
});

describe("status", () => {
  it("publishes only with at least one question and a rubric, and audits each change", async () => {
    const { org, hr, caller } = await hrIn("Publish");
    const t = await caller.templates.create(content({ rubric: [], questions: [] }));
    await expect(caller.templates.setStatus({ id: t.id, status: "PUBLISHED" })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: "Add at least one question before publishing. Add at least one competency to the rubric before publishing.",
    });
    await caller.templates.update({ id: t.id, ...content({ rubric: [] }) });
    await expect(caller.templates.setStatus({ id: t.id, status: "PUBLISHED" })).rejects.toMatchObject({ message: expect.stringContaining("competency") });
    await caller.templates.update({ id: t.id, ...content() });

    expect(await caller.templates.setStatus({ id: t.id, status: "PUBLISHED" })).toMatchObject({ status: "PUBLISHED" });
    expect(await caller.templates.setStatus({ id: t.id, status: "DRAFT" })).toMatchObject({ status: "DRAFT" });
    await caller.templates.setStatus({ id: t.id, status: "PUBLISHED" });
    expect(await caller.templates.setStatus({ id: t.id, status: "ARCHIVED" })).toMatchObject({ status: "ARCHIVED" });
    expect(await caller.templates.setStatus({ id: t.id, status: "DRAFT" })).toMatchObject({ status: "DRAFT" });
    // Asking for the status it already has changes nothing and logs nothing.
    await caller.templates.setStatus({ id: t.id, status: "DRAFT" });

    const logs = await db().auditLog.findMany({
      where: { targetId: t.id, action: { not: { in: ["template.created", "template.updated"] } } },
      orderBy: { createdAt: "asc" },
    });
    expect(logs.map((l) => l.action)).toEqual(["template.published", "template.unpublished", "template.published", "template.archived", "template.unarchived"]);
    expect(logs.every((l) => l.actorId === hr.id && l.organizationId === org.id)).toBe(true);
  });

  it("keeps an archived template read-only until it is unarchived, and does not publish it straight from the archive", async () => {
    const { caller } = await hrIn("Archive");
    const t = await caller.templates.create(content());
    await caller.templates.setStatus({ id: t.id, status: "ARCHIVED" });
    await expect(caller.templates.update({ id: t.id, ...content({ title: "Edited" }) })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("unarchive"),
    });
    await expect(caller.templates.setStatus({ id: t.id, status: "PUBLISHED" })).rejects.toMatchObject({ code: "CONFLICT" });
    await caller.templates.setStatus({ id: t.id, status: "DRAFT" });
    expect(await caller.templates.update({ id: t.id, ...content({ title: "Edited" }) })).toMatchObject({ title: "Edited", status: "DRAFT" });
  });

  it("checks stored content with the editor's rules before publishing", async () => {
    const { org, caller } = await hrIn("Stored");
    const t = await db().template.create({
      data: {
        organizationId: org.id,
        title: "Imported",
        description: "From elsewhere",
        rubric: [{ id: "c1", competency: "Depth", weight: 0, looksFor: "x" }],
        questions: { create: [{ position: 0, prompt: "Q?", type: "VIDEO", timeLimitSec: 120 }] },
      },
    });
    await expect(caller.templates.setStatus({ id: t.id, status: "PUBLISHED" })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: expect.stringContaining("not valid"),
    });
    expect((await db().template.findUniqueOrThrow({ where: { id: t.id } })).status).toBe("DRAFT");
  });
});

describe("duplicate and delete", () => {
  it("duplicates into a draft copy with its own question ids, no versions and no invitations", async () => {
    const { org, hr, caller } = await hrIn("Duplicate");
    const t = await caller.templates.create(content());
    await caller.templates.setStatus({ id: t.id, status: "PUBLISHED" });
    await inviteTo(org.id, t.id);
    const { id } = await caller.templates.duplicate({ id: t.id });
    const copy = await caller.templates.get({ id });
    const source = await caller.templates.get({ id: t.id });
    expect(copy).toMatchObject({
      title: "Copy of Backend Engineer",
      status: "DRAFT",
      description: source.description,
      rubric: source.rubric,
      invitationCount: 0,
      versionCount: 0,
    });
    const settings = (q: (typeof copy.questions)[number]) => ({ ...q, id: undefined });
    expect(copy.questions.map(settings)).toEqual(source.questions.map(settings));
    expect(copy.questions.some((q) => source.questions.some((s) => s.id === q.id))).toBe(false);
    const log = await db().auditLog.findFirst({ where: { action: "template.created", targetId: id } });
    expect(log).toMatchObject({ actorId: hr.id, data: { duplicatedFrom: t.id } });
  });

  it("deletes a template nobody was invited to, with its questions and versions", async () => {
    const { org, hr, caller } = await hrIn("Delete");
    const t = await caller.templates.create(content());
    await db().$transaction((tx) => ensureTemplateVersion(tx, t.id));
    await caller.templates.delete({ id: t.id });
    await expect(caller.templates.get({ id: t.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db().question.count({ where: { templateId: t.id } })).toBe(0);
    expect(await db().templateVersion.count({ where: { templateId: t.id } })).toBe(0);
    expect(await db().auditLog.findFirst({ where: { action: "template.deleted", targetId: t.id } })).toMatchObject({
      organizationId: org.id,
      actorId: hr.id,
      data: { title: "Backend Engineer" },
    });
  });

  it("refuses to delete a template with invitations, with a CONFLICT that points to archiving", async () => {
    const { org, caller } = await hrIn("NoDelete");
    const t = await caller.templates.create(content());
    await caller.templates.setStatus({ id: t.id, status: "PUBLISHED" });
    await inviteTo(org.id, t.id);
    expect(await caller.templates.get({ id: t.id })).toMatchObject({ invitationCount: 1, canDelete: false });
    await expect(caller.templates.delete({ id: t.id })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/has 1 invitation, so it cannot be deleted.*Archive it instead/),
    });
    expect(await db().template.count({ where: { id: t.id } })).toBe(1);
    expect(await db().auditLog.count({ where: { action: "template.deleted", targetId: t.id } })).toBe(0);
  });
});

describe("versions", () => {
  it("snapshots the template once per distinct content, and an edit never changes an existing version", async () => {
    const { org, caller } = await hrIn("Versions");
    const t = await caller.templates.create(content());
    await caller.templates.setStatus({ id: t.id, status: "PUBLISHED" });
    const first = await inviteTo(org.id, t.id);
    const v1 = first.templateVersion;
    expect(v1.version).toBe(1);
    const snapshot = templateSnapshotSchema.parse(v1.snapshot);
    expect(snapshot).toEqual({
      title: t.title,
      description: t.description,
      rubric: t.rubric,
      // Only a multiple-choice question carries options and its key into the snapshot, and only an optional one its flag.
      questions: t.questions.map(({ options, scoreByKey, required, ...q }) => ({
        ...q,
        ...(q.type === "MULTIPLE_CHOICE" ? { options, scoreByKey } : {}),
        ...(required ? {} : { required }),
      })),
    });

    const again = await inviteTo(org.id, t.id);
    expect(again.templateVersionId).toBe(v1.id);
    // Saving identical content changes updatedAt only: still the same version.
    await caller.templates.update({ id: t.id, ...content(), questions: t.questions, rubric: t.rubric });
    expect((await inviteTo(org.id, t.id)).templateVersionId).toBe(v1.id);

    const edited = await caller.templates.update({
      id: t.id,
      ...content(),
      rubric: t.rubric,
      questions: [{ ...t.questions[0]!, prompt: "Reworded" }, t.questions[1]!],
    });
    const second = await inviteTo(org.id, t.id);
    expect(second.templateVersion.version).toBe(2);
    expect(templateSnapshotSchema.parse(second.templateVersion.snapshot).questions[0]).toMatchObject({ id: t.questions[0]!.id, prompt: "Reworded" });

    const reordered = await caller.templates.update({ id: t.id, ...content(), rubric: t.rubric, questions: [edited.questions[1]!, edited.questions[0]!] });
    const third = await inviteTo(org.id, t.id);
    expect(third.templateVersion.version).toBe(3);
    expect(templateSnapshotSchema.parse(third.templateVersion.snapshot).questions.map((q) => [q.id, q.position])).toEqual(
      reordered.questions.map((q) => [q.id, q.position]),
    );

    const stored = await db().templateVersion.findUniqueOrThrow({ where: { id: v1.id } });
    expect(stored.snapshot).toEqual(v1.snapshot);
    expect(stored.hash).toBe(v1.hash);
    const invitation = await db().invitation.findUniqueOrThrow({ where: { id: first.id }, include: { templateVersion: true } });
    expect(templateSnapshotSchema.parse(invitation.templateVersion.snapshot).questions[0]!.prompt).toBe("Tell us about a system you designed.");
  });

  it("reuses the version whose content the template returns to, instead of failing on the unique hash", async () => {
    const { org, caller } = await hrIn("Revert");
    const t = await caller.templates.create(content());
    await caller.templates.setStatus({ id: t.id, status: "PUBLISHED" });
    const v1 = (await inviteTo(org.id, t.id)).templateVersion;
    await caller.templates.update({ id: t.id, ...content({ title: "Changed" }), rubric: t.rubric, questions: t.questions });
    expect((await inviteTo(org.id, t.id)).templateVersion.version).toBe(2);
    await caller.templates.update({ id: t.id, ...content(), rubric: t.rubric, questions: t.questions });
    expect((await inviteTo(org.id, t.id)).templateVersionId).toBe(v1.id);
    expect(await db().templateVersion.count({ where: { templateId: t.id } })).toBe(2);
  });

  it("refuses a template whose stored rubric cannot be read", async () => {
    const { org } = await hrIn("Broken");
    const t = await db().template.create({ data: { organizationId: org.id, title: "T", description: "D", rubric: { not: "a rubric" } } });
    await expect(db().$transaction((tx) => ensureTemplateVersion(tx, t.id))).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
  });

  it("gives the seeded template a canonical version 1 that the next invitation reuses", async () => {
    await seed(db());
    const template = await db().template.findFirstOrThrow({ where: { organization: { slug: "acme" } }, include: { versions: true } });
    expect(template.versions.map((v) => v.version)).toEqual([1]);
    const snapshot = templateSnapshotSchema.parse(template.versions[0]!.snapshot);
    expect(snapshot.questions.map((q) => [q.type, q.position, q.maxChars])).toEqual([
      ["VIDEO", 0, null],
      ["VIDEO", 1, null],
      ["VIDEO", 2, null],
      ["TEXT", 3, 2000],
    ]);
    expect((await inviteTo(template.organizationId, template.id)).templateVersionId).toBe(template.versions[0]!.id);
  });

  it("reads snapshots written before this module, with extra keys on the questions", () => {
    const legacy = {
      title: "T",
      description: "D",
      rubric: [{ id: "c1", competency: "Depth", weight: 0.4, looksFor: "x" }],
      questions: [
        { id: "q1", templateId: "t1", position: 0, prompt: "P", type: "VIDEO", timeLimitSec: 120, thinkTimeSec: 30, retakes: 1, maxChars: null, criteria: "" },
      ],
    };
    expect(templateSnapshotSchema.parse(legacy).questions[0]).toEqual({
      id: "q1",
      position: 0,
      prompt: "P",
      type: "VIDEO",
      timeLimitSec: 120,
      thinkTimeSec: 30,
      retakes: 1,
      maxChars: null,
      criteria: "",
    });
  });
});
