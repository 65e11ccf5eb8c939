import { describe, expect, it } from "vitest";
import { reminderTime } from "@/server/invitations/email";
import { hashInvitationToken, issueInvitationLink, linkTokenFromNonce } from "@/server/invitations/token";

const SECRET = "unit-secret-unit-secret-unit-secret-0001";

describe("invitation links", () => {
  it("derives the same 43-character token from the stored nonce, and only under the same secret", () => {
    const { nonce, hash } = issueInvitationLink(SECRET);
    const token = linkTokenFromNonce(nonce, SECRET);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(hashInvitationToken(token)).toBe(hash);
    expect(linkTokenFromNonce(nonce, SECRET)).toBe(token);
    expect(hashInvitationToken(linkTokenFromNonce(nonce, `${SECRET}x`))).not.toBe(hash);
    expect(issueInvitationLink(SECRET).nonce).not.toBe(nonce);
  });
});

describe("reminderTime", () => {
  const now = new Date("2026-03-01T12:00:00Z");
  it("is 48 hours before the expiry", () => {
    expect(reminderTime(new Date("2026-03-08T12:00:00Z"), now)).toEqual(new Date("2026-03-06T12:00:00Z"));
  });
  it("is none when that moment has passed", () => {
    expect(reminderTime(new Date("2026-03-03T11:59:59Z"), now)).toBeNull();
    expect(reminderTime(new Date("2026-03-03T12:00:00Z"), now)).toBeNull();
  });
});
