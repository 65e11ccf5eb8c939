import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { getDb } from "@/server/db/client";
import { userFromSessionToken } from "@/server/auth/session";
import { callerFor, makeOrg, makeUser } from "../helpers/actors";

const db = () => getDb();

describe("onboarding", () => {
  it("a newcomer creates an organization and becomes its HR", async () => {
    const u = await makeUser({ role: null });
    const caller = await callerFor(u.id);
    const res = await caller.users.selectRole({ role: "HR", organization: { mode: "create", name: "Globex Hiring" } });
    expect(res.role).toBe("HR");
    const org = await db().organization.findUniqueOrThrow({ where: { id: res.organizationId! }, include: { subscription: true, memberships: true } });
    expect(org.slug).toBe("globex-hiring");
    expect(org.subscription?.plan).toBe("FREE");
    expect(org.memberships).toMatchObject([{ userId: u.id, role: "HR", orgRole: "OWNER" }]);
    // Finding 4: 96 random bits, not a cuid sharing the organization id's timestamp and fingerprint.
    expect(org.joinCode).toMatch(/^[A-Za-z0-9_-]{16}$/);
    const me = await (await callerFor(u.id)).users.me();
    expect(me.organizations).toEqual([{ id: org.id, name: "Globex Hiring", role: "HR" }]);
    await expect(caller.users.selectRole({ role: "CANDIDATE" })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("a colleague asks to join with the join code; a wrong code says so and writes nothing", async () => {
    const org = await makeOrg("Join");
    const u = await makeUser({ role: null });
    const caller = await callerFor(u.id);
    await expect(caller.users.selectRole({ role: "HR", organization: { mode: "join", joinCode: "wrong-code" } })).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: expect.stringContaining("join code"),
    });
    expect((await db().user.findUniqueOrThrow({ where: { id: u.id } })).role).toBeNull();
    await caller.users.selectRole({ role: "HR", organization: { mode: "join", joinCode: org.joinCode } });
    // A member only once an owner approves (tests/integration/join-approval.test.ts).
    expect(await db().joinRequest.count({ where: { organizationId: org.id, userId: u.id, status: "PENDING" } })).toBe(1);
  });

  it("bad input comes back as field messages", async () => {
    const u = await makeUser({ role: null });
    const caller = await callerFor(u.id);
    const error = await caller.users.selectRole({ role: "HR", organization: { mode: "create", name: "x" } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe("BAD_REQUEST");
    await expect(caller.users.updateProfile({ name: "" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("a candidate's earlier invitations become theirs", async () => {
    const org = await makeOrg("Inv");
    const email = `cand-${Date.now()}@example.com`;
    const template = await db().template.create({ data: { organizationId: org.id, title: "T", description: "D", rubric: [] } });
    const version = await db().templateVersion.create({ data: { templateId: template.id, version: 1, snapshot: {}, hash: "h" } });
    await db().invitation.create({
      data: {
        organizationId: org.id,
        templateId: template.id,
        templateVersionId: version.id,
        candidateName: "C",
        candidateEmail: email,
        tokenHash: `t-${Date.now()}`,
        expiresAt: new Date(Date.now() + 1e9),
      },
    });
    const u = await makeUser({ role: null, email });
    await (await callerFor(u.id)).users.selectRole({ role: "CANDIDATE" });
    expect(await db().invitation.count({ where: { candidateUserId: u.id } })).toBe(1);
  });
});

describe("administration", () => {
  it("suspending a user ends all their sessions and refuses every call; activating lets them back", async () => {
    const admin = await makeUser({ role: "ADMIN" });
    const org = await makeOrg("Sus");
    const victim = await makeUser({ role: "HR", orgId: org.id });
    const victimCaller = await callerFor(victim.id);
    const secondDevice = await callerFor(victim.id);
    expect((await victimCaller.organizations.current()).id).toBe(org.id);
    expect(await db().session.count({ where: { userId: victim.id } })).toBe(2);

    const adminCaller = await callerFor(admin.id);
    const res = await adminCaller.users.suspend({ userId: victim.id });
    expect(res).toMatchObject({ status: "SUSPENDED", sessionsEnded: 2 });
    expect(await db().session.count({ where: { userId: victim.id } })).toBe(0);
    // Contexts built before the suspension still hold the user object; a new request must not.
    const afterwards = await callerFor(victim.id);
    await expect(afterwards.organizations.current()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    expect(secondDevice).toBeDefined();
    const log = await db().auditLog.findFirst({ where: { action: "user.suspended", targetId: victim.id } });
    expect(log?.actorId).toBe(admin.id);

    await adminCaller.users.activate({ userId: victim.id });
    expect((await (await callerFor(victim.id)).organizations.current()).id).toBe(org.id);
  });

  it("an admin cannot suspend themselves, and a missing user is a clear NOT_FOUND", async () => {
    const admin = await makeUser({ role: "ADMIN" });
    const caller = await callerFor(admin.id);
    await expect(caller.users.suspend({ userId: admin.id })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(caller.users.suspend({ userId: "nope" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("lists and searches users with paging", async () => {
    const admin = await makeUser({ role: "ADMIN" });
    const caller = await callerFor(admin.id);
    await makeUser({ role: "CANDIDATE", email: `findme-${Date.now()}@example.com` });
    const found = await caller.users.list({ query: "findme" });
    expect(found.items).toHaveLength(1);
    const page = await caller.users.list({ take: 2 });
    expect(page.items).toHaveLength(2);
    expect(page.nextCursor).toBeTruthy();
    const next = await caller.users.list({ take: 2, cursor: page.nextCursor! });
    expect(next.items[0]?.id).not.toBe(page.items[0]?.id);
  });

  it("a session of a suspended user resolves to nobody", async () => {
    const u = await makeUser({ role: "CANDIDATE", status: "SUSPENDED" });
    const session = await db().session.create({ data: { sessionToken: `tok-${Date.now()}`, userId: u.id, expires: new Date(Date.now() + 1e7) } });
    expect(await userFromSessionToken(db(), session.sessionToken)).toBeNull();
  });
});

describe("avatar upload", () => {
  const png = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

  it("stores the image, points the profile at it, and serves it through a signed URL", async () => {
    const { mkdtemp } = await import("node:fs/promises");
    const os = await import("node:os");
    process.env.STORAGE_DIR = await mkdtemp(`${os.tmpdir()}/avatars-`);
    const { resetEnvForTests } = await import("@/server/config/env");
    resetEnvForTests();
    const u = await makeUser({ role: "CANDIDATE" });
    const caller = await callerFor(u.id);
    const first = await caller.users.uploadAvatar({ contentType: "image/png", dataBase64: png });
    expect(first.image).toMatch(new RegExp(`^/api/users/${u.id}/avatar\\?v=\\d+$`));
    const row = await db().user.findUniqueOrThrow({ where: { id: u.id } });
    expect(row).toMatchObject({ avatarDriver: "local", image: first.image });

    const { avatarUrl } = await import("@/server/users/avatar");
    const { loadSessionUser } = await import("@/server/auth/session-user");
    const signed = new URL(await avatarUrl(db(), (await loadSessionUser(db(), u.id))!, u.id));
    const { GET } = await import("@/app/api/media/[...key]/route");
    const res = await GET(new Request(signed), { params: Promise.resolve({ key: signed.pathname.replace("/api/media/", "").split("/") }) });
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer())).toEqual(Buffer.from(png, "base64"));

    await caller.users.uploadAvatar({ contentType: "image/png", dataBase64: png });
    const { getStorage } = await import("@/server/storage");
    expect(await getStorage().stat(row.avatarKey!)).toBeNull();
  });

  it("refuses a file whose content is not the declared image type", async () => {
    const u = await makeUser({ role: "CANDIDATE" });
    const caller = await callerFor(u.id);
    const notPng = Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'/>").toString("base64");
    await expect(caller.users.uploadAvatar({ contentType: "image/png", dataBase64: notPng })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "That file is not a PNG image.",
    });
    await expect(caller.users.uploadAvatar({ contentType: "image/gif" as never, dataBase64: png })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect((await db().user.findUniqueOrThrow({ where: { id: u.id } })).avatarKey).toBeNull();
  });
});
