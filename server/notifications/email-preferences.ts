import type { Db } from "../db/client";

/**
 * The non-essential emails, each with its own on/off switch and unsubscribe link. Essential mail
 * (the interview link itself, sign-in links, billing failures, a disabled webhook) is not listed:
 * it is what the person asked for or must know, so it has neither.
 */
export const EMAIL_KINDS = {
  "analysis-ready": { label: "An interview is ready for review", audience: "hr", defaultOn: true },
  "review-mention": { label: "A teammate mentions you in a review comment", audience: "hr", defaultOn: true },
  "daily-digest": { label: "A daily digest of your organization's interviews", audience: "hr", defaultOn: false },
  "interview-reminder": { label: "A reminder two days before an interview link expires", audience: "candidate", defaultOn: true },
  "interview-received": { label: "A confirmation that a finished interview was received", audience: "candidate", defaultOn: true },
} as const;

export type EmailKind = keyof typeof EMAIL_KINDS;
export const EMAIL_KIND_IDS = Object.keys(EMAIL_KINDS) as [EmailKind, ...EmailKind[]];

// Addresses are compared as sign-in stores them.
const normalize = (email: string) => email.trim().toLowerCase();

export async function emailEnabled(db: Db, email: string, kind: EmailKind): Promise<boolean> {
  const row = await db.emailPreference.findUnique({ where: { email_kind: { email: normalize(email), kind } }, select: { enabled: true } });
  return row ? row.enabled : EMAIL_KINDS[kind].defaultOn;
}

export async function setEmailPreference(db: Db, email: string, kind: EmailKind, enabled: boolean): Promise<{ kind: EmailKind; enabled: boolean }> {
  await db.emailPreference.upsert({
    where: { email_kind: { email: normalize(email), kind } },
    create: { email: normalize(email), kind, enabled },
    update: { enabled },
  });
  return { kind, enabled };
}

export type EmailPreferenceView = { kind: EmailKind; label: string; audience: "hr" | "candidate"; enabled: boolean };

/** Every kind with its current state for one address, in the order of EMAIL_KINDS. */
export async function listEmailPreferences(db: Db, email: string): Promise<EmailPreferenceView[]> {
  const rows = await db.emailPreference.findMany({ where: { email: normalize(email) }, select: { kind: true, enabled: true } });
  const chosen = new Map(rows.map((r) => [r.kind, r.enabled]));
  return EMAIL_KIND_IDS.map((kind) => {
    const { label, audience, defaultOn } = EMAIL_KINDS[kind];
    return { kind, label, audience, enabled: chosen.get(kind) ?? defaultOn };
  });
}
