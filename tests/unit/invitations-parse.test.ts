import { describe, expect, it } from "vitest";
import { createInvitationsInput } from "@/server/invitations/invitations.schema";
import { MAX_BATCH, parseCandidateList } from "@/server/invitations/parse";
import { canCancel, canResend, effectiveStatus, reopenedStatus } from "@/server/invitations/status";
import { createInvitationToken, hashInvitationToken } from "@/server/invitations/token";
import { buildTimeline } from "@/server/review/timeline";

describe("parseCandidateList", () => {
  it("reads the usual separators and formats, lower-cases emails and skips blank lines and a header", () => {
    const text = [
      "Name, Email",
      "Ada Lovelace, Ada@Example.com",
      "",
      "Grace Hopper\tgrace@example.com",
      "Alan Turing; alan@example.com",
      '"Lovelace, Byron" , byron@example.com',
      "Katherine Johnson <kj@example.com>",
      "  Edsger Dijkstra , edsger@example.com ,  ",
    ].join("\n");
    expect(parseCandidateList(text)).toEqual({
      candidates: [
        { name: "Ada Lovelace", email: "ada@example.com" },
        { name: "Grace Hopper", email: "grace@example.com" },
        { name: "Alan Turing", email: "alan@example.com" },
        { name: "Lovelace, Byron", email: "byron@example.com" },
        { name: "Katherine Johnson", email: "kj@example.com" },
        { name: "Edsger Dijkstra", email: "edsger@example.com" },
      ],
      errors: [],
      duplicates: [],
    });
  });

  it("names each bad line by its number, as the person sees it", () => {
    const text = "Ann, ann@example.com\n\nBob, bob@\nbob@example.com\n, nobody@example.com\njust a name\nCat, ";
    expect(parseCandidateList(text).errors).toEqual([
      "line 3: 'bob@' is not an email",
      "line 4: add the candidate's name before 'bob@example.com'",
      "line 5: the name is missing",
      'line 6: write it as "name, email"',
      "line 7: the email is missing",
    ]);
  });

  it("keeps the first of repeated emails, whatever their case", () => {
    const result = parseCandidateList("Ann, ann@example.com\nAnnie, ANN@example.com\nBob, bob@example.com");
    expect(result.candidates.map((c) => c.name)).toEqual(["Ann", "Bob"]);
    expect(result.duplicates).toEqual(["ann@example.com"]);
  });

  it(`refuses more than ${MAX_BATCH} candidates`, () => {
    const text = Array.from({ length: MAX_BATCH + 1 }, (_, i) => `C ${i}, c${i}@example.com`).join("\n");
    expect(parseCandidateList(text).errors).toEqual([`${MAX_BATCH + 1} candidates: invite at most ${MAX_BATCH} at once, and split the list`]);
    const exactly = Array.from({ length: MAX_BATCH }, (_, i) => `C ${i}, c${i}@example.com`).join("\n");
    expect(parseCandidateList(exactly).errors).toEqual([]);
  });
});

describe("createInvitationsInput", () => {
  it("turns a pasted list into candidates and applies the defaults", () => {
    const parsed = createInvitationsInput.parse({
      templateId: "t1",
      candidates: { mode: "list", text: "Ann, ann@example.com\nAnn, ann@example.com" },
      message: "  ",
    });
    expect(parsed).toEqual({
      templateId: "t1",
      candidates: { list: [{ name: "Ann", email: "ann@example.com" }], duplicates: ["ann@example.com"] },
      expiresInDays: 14,
      message: null,
      accommodations: { extraAnswerPct: 0, extraThinkPct: 0, extraRetakes: 0 },
      settings: {},
    });
  });

  it("reports every bad line under candidates.text, and the bounds of expiry and message", () => {
    const result = createInvitationsInput.safeParse({
      templateId: "t1",
      candidates: { mode: "list", text: "Ann, ann@\nBob, bob@" },
      expiresInDays: 91,
      message: "x".repeat(1001),
    });
    expect(result.success).toBe(false);
    const issues = result.error!.issues.map((i) => [i.path.join("."), i.message]);
    expect(issues).toEqual(
      expect.arrayContaining([
        ["candidates.text", "line 1: 'ann@' is not an email"],
        ["candidates.text", "line 2: 'bob@' is not an email"],
        ["expiresInDays", "The link can stay valid at most 90 days"],
        ["message", "Keep the message under 1000 characters"],
      ]),
    );
    expect(createInvitationsInput.safeParse({ templateId: "t1", candidates: { mode: "list", text: "\n \n" } }).error?.issues[0]?.message).toBe(
      "Paste at least one line: name, email",
    );
    expect(
      createInvitationsInput.safeParse({ templateId: "t1", candidates: { mode: "one", name: "Ann", email: " ANN@example.com " } }).data?.candidates.list,
    ).toEqual([{ name: "Ann", email: "ann@example.com" }]);
    expect(createInvitationsInput.safeParse({ templateId: "t1", candidates: { mode: "one", name: "Ann", email: "ann" } }).error?.issues[0]).toMatchObject({
      path: ["candidates", "email"],
      message: "Enter a valid email address",
    });
  });
});

describe("invitation tokens", () => {
  it("are 32 random bytes in base64url, stored only as their sha256", () => {
    const a = createInvitationToken();
    const b = createInvitationToken();
    expect(a.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(a.token, "base64url")).toHaveLength(32);
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hashInvitationToken(a.token)).toBe(a.hash);
    expect(a.token).not.toBe(b.token);
  });
});

describe("invitation status rules", () => {
  const now = new Date("2030-01-10T12:00:00Z");
  const past = new Date("2030-01-10T11:59:59Z");
  const future = new Date("2030-01-11T00:00:00Z");

  it("treats a past-due open invitation as expired, and leaves closed ones alone", () => {
    expect(effectiveStatus({ status: "SENT", expiresAt: past }, now)).toBe("EXPIRED");
    expect(effectiveStatus({ status: "IN_PROGRESS", expiresAt: now }, now)).toBe("EXPIRED");
    expect(effectiveStatus({ status: "OPENED", expiresAt: future }, now)).toBe("OPENED");
    expect(effectiveStatus({ status: "COMPLETED", expiresAt: past }, now)).toBe("COMPLETED");
    expect(effectiveStatus({ status: "CANCELLED", expiresAt: past }, now)).toBe("CANCELLED");
  });

  it("allows resend and cancel except on completed and cancelled invitations", () => {
    expect(["SENT", "OPENED", "IN_PROGRESS", "EXPIRED"].every((s) => canResend(s as never) && canCancel(s as never))).toBe(true);
    expect([canResend("COMPLETED"), canResend("CANCELLED"), canCancel("COMPLETED"), canCancel("CANCELLED")]).toEqual([false, false, false, false]);
    expect(reopenedStatus({ openedAt: past, startedAt: past })).toBe("IN_PROGRESS");
    expect(reopenedStatus({ openedAt: past, startedAt: null })).toBe("OPENED");
    expect(reopenedStatus({ openedAt: null, startedAt: null })).toBe("SENT");
  });
});

describe("buildTimeline", () => {
  it("orders the interview's events and shows an expiry only once it has happened", () => {
    const t = (m: number) => new Date(Date.UTC(2030, 0, 1, 10, m));
    const base = { sentAt: t(0), remindedAt: null, openedAt: t(5), consentAt: t(5), startedAt: t(6), completedAt: null, cancelledAt: null, expiresAt: t(30) };
    const answers = [
      { number: 1, submittedAt: t(8) },
      { number: 2, submittedAt: null },
    ];
    expect(buildTimeline({ ...base, status: "IN_PROGRESS" }, answers).map((e) => e.kind)).toEqual(["sent", "opened", "consent", "started", "answered"]);
    const expired = buildTimeline({ ...base, status: "EXPIRED" }, answers);
    expect(expired.at(-1)).toEqual({ kind: "expired", at: t(30), label: "Invitation expired" });
    expect(expired.find((e) => e.kind === "answered")?.label).toBe("Question 1 answered");
  });
});
