import { AlertTriangle, CheckCircle2, Clock, FileWarning, Flag, Plus } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { formatCount, formatDate, formatDaysLeft } from "@/components/format";
import { Badge, ButtonLink, Card, CardContent, CardDescription, CardHeader, CardTitle, EmptyState, PageHeader } from "@/components/ui";
import { DashboardPlanMeter } from "@/components/billing/dashboard-plan-meter";
import { PastDueBanner } from "@/components/billing/past-due-banner";
import { requireRole } from "@/server/auth/guards";
import { hrMembership } from "@/server/auth/session-user";
import type { AttentionGroup, AttentionKind } from "@/server/organizations/attention";
import { serverCaller } from "@/server/trpc/server-caller";

export const metadata: Metadata = { title: "Dashboard" };

const ICONS: Record<AttentionKind, ReactNode> = {
  unreviewed: <CheckCircle2 className="size-4 text-sky-700" />,
  flagged: <Flag className="size-4 text-red-700" />,
  expiring: <Clock className="size-4 text-amber-700" />,
  failed: <FileWarning className="size-4 text-red-700" />,
};

// Where each group's full list lives, when there are more than the dashboard shows.
const MORE: Partial<Record<AttentionKind, string>> = { unreviewed: "/invitations?status=COMPLETED", expiring: "/invitations" };

function when(group: AttentionGroup, at: Date): string {
  return group.kind === "expiring" ? `expires ${formatDaysLeft(at)}` : formatDate(at);
}

function AttentionList({ groups }: { groups: AttentionGroup[] }) {
  if (groups.length === 0) {
    return (
      <EmptyState
        icon={<CheckCircle2 className="size-5" />}
        title="Nothing needs attention"
        description="New completed interviews, flagged analyses, invitations about to expire and failed processing show up here."
      />
    );
  }
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      {groups.map((g) => {
        const headingId = `attention-${g.kind}`;
        const more = MORE[g.kind];
        return (
          <section key={g.kind} aria-labelledby={headingId} className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
            <div className="flex items-start justify-between gap-3">
              <h3 id={headingId} className="flex items-center gap-2 font-semibold text-slate-900">
                <span aria-hidden="true">{ICONS[g.kind]}</span>
                {g.title}
              </h3>
              <Badge tone={g.kind === "unreviewed" ? "info" : g.kind === "expiring" ? "warning" : "danger"}>{formatCount(g.count)}</Badge>
            </div>
            <p className="mt-1 text-sm text-slate-600">{g.description}</p>
            <ul className="mt-3 divide-y divide-slate-100">
              {g.items.map((item) => (
                <li key={item.id} className="py-2">
                  <Link
                    href={item.href}
                    className="group flex min-w-0 items-baseline justify-between gap-3 rounded focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-500"
                  >
                    <span className="min-w-0">
                      <span className="block truncate font-medium text-brand-700 group-hover:underline">{item.label}</span>
                      <span className="block truncate text-sm text-slate-600">{item.detail}</span>
                    </span>
                    <span className="shrink-0 text-xs text-slate-500">{when(g, item.at)}</span>
                  </Link>
                </li>
              ))}
            </ul>
            {more && g.count > g.items.length ? (
              <Link href={more} className="mt-2 inline-block text-sm font-medium text-brand-700 hover:underline">
                See all {formatCount(g.count)}
              </Link>
            ) : null}
          </section>
        );
      })}
    </div>
  );
}

export default async function DashboardPage() {
  const user = await requireRole("HR", "ADMIN");
  const caller = await serverCaller();
  const [overview, billing] = await Promise.all([caller.organizations.overview(), caller.billing.overview()]);
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
          <section aria-labelledby="attention-heading" className="space-y-3">
            <h2 id="attention-heading" className="text-lg font-semibold">
              Needs attention
            </h2>
            <AttentionList groups={overview.attention} />
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
