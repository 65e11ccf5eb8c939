import type { Db } from "../db/client";
import { ensureTemplateVersion } from "../templates/versions";
import { fixtureQuestions, fixtureRubric, interviewFixture } from "./fixture";

export const DEMO_ORG = { name: "Acme Payments", slug: "acme" };
export const DEMO_USERS = {
  admin: { email: "admin@example.com", name: "Avery Admin", role: "ADMIN" as const },
  hr: { email: "hr@example.com", name: "Harper Recruiter", role: "HR" as const },
  candidate: { email: "candidate@example.com", name: "Casey Candidate", role: "CANDIDATE" as const },
};

/** Idempotent: creates what is missing and leaves existing rows alone, so it runs on every start. */
export async function seed(db: Db): Promise<string> {
  const org = await db.organization.upsert({ where: { slug: DEMO_ORG.slug }, update: {}, create: DEMO_ORG });
  // On Plus, so trying the demo (and the browser tests that share it) is not stopped by Free's 3
  // interviews a month; a new organization starts on Free, and the demo's owner can switch plans at
  // /settings/billing.
  await db.subscription.upsert({ where: { organizationId: org.id }, update: {}, create: { organizationId: org.id, plan: "PLUS" } });

  const users: Record<keyof typeof DEMO_USERS, string> = { admin: "", hr: "", candidate: "" };
  for (const [key, u] of Object.entries(DEMO_USERS) as [keyof typeof DEMO_USERS, { email: string; name: string; role: "ADMIN" | "HR" | "CANDIDATE" }][]) {
    const user = await db.user.upsert({
      where: { email: u.email },
      update: {},
      create: { email: u.email, name: u.name, role: u.role, emailVerified: new Date() },
    });
    users[key] = user.id;
    if (u.role !== "CANDIDATE") {
      await db.membership.upsert({
        where: { userId_organizationId: { userId: user.id, organizationId: org.id } },
        update: {},
        // The demo HR runs the demo organization, billing included; the admin is a plain member there.
        create: { userId: user.id, organizationId: org.id, role: u.role, orgRole: u.role === "HR" ? "OWNER" : "MEMBER" },
      });
    }
  }

  const t = interviewFixture.templates[0]!;
  const existing = await db.template.findFirst({ where: { organizationId: org.id, title: t.title } });
  if (!existing) {
    const rubric = fixtureRubric(t);
    // One transaction: a seed interrupted halfway must not leave a template without its first version.
    await db.$transaction(async (tx) => {
      const template = await tx.template.create({
        data: {
          organizationId: org.id,
          createdById: users.hr,
          title: t.title,
          description: t.description,
          rubric,
          status: "PUBLISHED",
          questions: { create: fixtureQuestions(t).map(({ key: _key, ...q }) => q) },
        },
      });
      await ensureTemplateVersion(tx, template.id);
    });
  }
  return `seeded: organization "${org.name}", users ${Object.values(DEMO_USERS)
    .map((u) => u.email)
    .join(", ")}, template "${t.title}"`;
}
