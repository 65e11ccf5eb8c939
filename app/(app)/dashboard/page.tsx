import { AlertTriangle, Plus } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { Badge, ButtonLink, Card, CardContent, CardDescription, CardHeader, CardTitle, EmptyState, PageHeader } from "@/components/ui";
import { DashboardPlanMeter } from "@/components/billing/dashboard-plan-meter";
import { PastDueBanner } from "@/components/billing/past-due-banner";
import { ReviewInbox } from "@/components/review/review-inbox";
import { requireRole } from "@/server/auth/guards";
import { hrMembership } from "@/server/auth/session-user";
import { inboxInput } from "@/server/review/team.schema";
import { serverCaller } from "@/server/trpc/server-caller";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage({ searchParams }: { searchParams: Promise<{ inbox?: string | string[] }> }) {
  const user = await requireRole("HR", "ADMIN");
  const caller = await serverCaller();
  // An unknown filter in the address shows everything rather than an error.
  const parsed = inboxInput.safeParse({ filter: (await searchParams).inbox });
  const filter = parsed.success ? parsed.data.filter : "all";
  const [overview, billing, inbox] = await Promise.all([caller.organizations.overview(), caller.billing.overview(), caller.review.inbox({ filter })]);
  const org = hrMembership(user)?.organization;
  const templateCount = (overview.templates.PUBLISHED ?? 0) + (overview.templates.DRAFT ?? 0) + (overview.templates.ARCHIVED ?? 0);
  return (
    <div className="space-y-8">
      <PageHeader
        title="Dashboard"
        description={org ? `Interviews at ${org.name}` : undefined}
        actions={
          templateCount > 0 ? (
            <ButtonLink href="/invitations/new" variant="outline">
              Invite candidates
            </ButtonLink>
          ) : null
        }
      />
      {billing.pastDue && (
        <PastDueBanner planName={billing.plan.name} graceEndsAt={billing.graceEndsAt} canManage={billing.canManage} stripe={billing.mode === "stripe"} />
      )}
      <DashboardPlanMeter planName={billing.plan.name} meter={billing.meters.completedInterviewsPerMonth} periodEnd={billing.period.end} />
      {templateCount === 0 ? (
        <EmptyState
          icon={<AlertTriangle className="size-5" />}
          title="Start with an interview template"
          description="A template holds the job, the rubric and the questions you ask. Once it is published you can invite candidates."
          action={
            <ButtonLink href="/templates/new">
              <Plus className="size-4" aria-hidden="true" />
              Create a template
            </ButtonLink>
          }
        />
      ) : (
        <>
          <section aria-labelledby="inbox-heading" className="space-y-3">
            <h2 id="inbox-heading" className="text-lg font-semibold">
              Review inbox
            </h2>
            <ReviewInbox sections={inbox.sections} filter={inbox.filter} />
          </section>
          <Card>
            <CardHeader>
              <CardTitle>Interview templates</CardTitle>
              <CardDescription>
                {overview.templates.PUBLISHED ?? 0} published · {overview.templates.DRAFT ?? 0} drafts · {overview.templates.ARCHIVED ?? 0} archived
              </CardDescription>
            </CardHeader>
            <CardContent>
              <ul className="divide-y divide-slate-100">
                {overview.recentTemplates.map((t) => (
                  <li key={t.id} className="flex items-center justify-between gap-4 py-3">
                    <span className="min-w-0">
                      <Link href={`/templates/${t.id}`} className="font-medium text-brand-700 hover:underline">
                        {t.title}
                      </Link>
                      <span className="block text-sm text-slate-500">
                        {t._count.questions} questions · {t._count.invitations} invitations
                      </span>
                    </span>
                    <Badge tone={t.status === "PUBLISHED" ? "success" : "neutral"}>{t.status.toLowerCase()}</Badge>
                  </li>
                ))}
              </ul>
            </CardContent>
          </Card>
        </>
      )}
    </div>
  );
}
