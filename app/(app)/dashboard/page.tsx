import type { Metadata } from "next";
import { Badge, Card, CardContent, CardDescription, CardHeader, CardTitle, EmptyState, PageHeader } from "@/components/ui";
import { DashboardPlanMeter } from "@/components/billing/dashboard-plan-meter";
import { PastDueBanner } from "@/components/billing/past-due-banner";
import { requireRole } from "@/server/auth/guards";
import { serverCaller } from "@/server/trpc/server-caller";

export const metadata: Metadata = { title: "Dashboard" };

const INVITATION_STATUSES = ["SENT", "OPENED", "IN_PROGRESS", "COMPLETED", "EXPIRED", "CANCELLED"] as const;

export default async function DashboardPage() {
  const user = await requireRole("HR", "ADMIN");
  const caller = await serverCaller();
  const [overview, billing] = await Promise.all([caller.organizations.overview(), caller.billing.overview()]);
  const org = user.memberships[0]?.organization;
  return (
    <div className="space-y-8">
      <PageHeader title="Dashboard" description={org ? `Interviews at ${org.name}` : undefined} />
      {billing.pastDue && <PastDueBanner planName={billing.plan.name} graceEndsAt={billing.graceEndsAt} canManage={billing.canManage} stripe={billing.mode === "stripe"} />}
      <DashboardPlanMeter planName={billing.plan.name} meter={billing.meters.completedInterviewsPerMonth} periodEnd={billing.period.end} />
      <section aria-labelledby="invitations-heading" className="space-y-3">
        <h2 id="invitations-heading" className="text-lg font-semibold">
          Invitations
        </h2>
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
          {INVITATION_STATUSES.map((s) => (
            <div key={s} className="rounded-lg border border-slate-200 bg-white p-4">
              <dt className="text-xs uppercase tracking-wide text-slate-500">{s.replace("_", " ").toLowerCase()}</dt>
              <dd className="mt-1 text-2xl font-semibold">{overview.invitations[s] ?? 0}</dd>
            </div>
          ))}
        </dl>
      </section>
      <Card>
        <CardHeader>
          <CardTitle>Interview templates</CardTitle>
          <CardDescription>
            {overview.templates.PUBLISHED ?? 0} published · {overview.templates.DRAFT ?? 0} drafts · {overview.templates.ARCHIVED ?? 0} archived
          </CardDescription>
        </CardHeader>
        <CardContent>
          {overview.recentTemplates.length ? (
            <ul className="divide-y divide-slate-100">
              {overview.recentTemplates.map((t) => (
                <li key={t.id} className="flex items-center justify-between gap-4 py-3">
                  <span>
                    <span className="font-medium">{t.title}</span>
                    <span className="block text-sm text-slate-500">
                      {t._count.questions} questions · {t._count.invitations} invitations
                    </span>
                  </span>
                  <Badge tone={t.status === "PUBLISHED" ? "success" : "neutral"}>{t.status.toLowerCase()}</Badge>
                </li>
              ))}
            </ul>
          ) : (
            <EmptyState title="No interview templates yet" description="Templates hold the job, the rubric and the questions you ask." />
          )}
        </CardContent>
      </Card>
    </div>
  );
}
