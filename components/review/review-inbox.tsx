import { CheckCircle2, Clock, FileWarning, Flag, Hourglass, PlayCircle } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { formatCount, formatDate, formatDaysLeft, formatScore } from "@/components/format";
import { Badge, ButtonLink, EmptyState } from "@/components/ui";
import type { InboxRow, InboxSection, InboxSectionKind } from "@/server/review/inbox";
import type { InboxFilter } from "@/server/review/team.schema";

const SECTIONS: Record<InboxSectionKind, { title: string; description: string; icon: ReactNode; empty: string }> = {
  ready: {
    title: "Ready for review",
    description: "Completed and analysed: the AI's score and flags, and whether you have reviewed it.",
    icon: <PlayCircle className="size-4 text-sky-700" />,
    empty: "No interview is waiting for a review.",
  },
  "in-progress": {
    title: "In progress",
    description: "The candidate is recording, or the answers are being processed.",
    icon: <Hourglass className="size-4 text-slate-600" />,
    empty: "Nothing is in progress.",
  },
  awaiting: {
    title: "Awaiting the candidate",
    description: "Sent and not started yet, the soonest to expire first.",
    icon: <Clock className="size-4 text-amber-700" />,
    empty: "No invitation is waiting for a candidate.",
  },
  failed: {
    title: "Failed processing",
    description: "An answer or the analysis could not be processed: process it again from the review page.",
    icon: <FileWarning className="size-4 text-red-700" />,
    empty: "Nothing failed.",
  },
};

function when(kind: InboxSectionKind, row: InboxRow): string {
  if (kind === "awaiting") return `expires ${formatDaysLeft(row.expiresAt)}`;
  if (kind === "ready") return `completed ${formatDate(row.at)}`;
  return formatDate(row.at);
}

function Row({ kind, row }: { kind: InboxSectionKind; row: InboxRow }) {
  return (
    <li className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center sm:justify-between" data-invitation={row.invitationId}>
      <div className="min-w-0">
        <Link href={`/interviews/${row.invitationId}`} className="block truncate font-medium text-brand-700 hover:underline">
          {row.candidateName}
        </Link>
        <p className="truncate text-sm text-slate-600">
          {row.jobTitle} · {when(kind, row)}
        </p>
        {row.detail ? <p className="truncate text-sm text-slate-600">{row.detail}</p> : null}
        {kind === "ready" ? (
          <div className="mt-1 flex flex-wrap items-center gap-2">
            <Badge tone="info">AI score {formatScore(row.score)}</Badge>
            {row.recommendation ? <Badge tone="neutral">{row.recommendation}</Badge> : null}
            {row.flags > 0 ? (
              <Badge tone="danger">
                <Flag className="size-3" aria-hidden="true" />
                {row.flags === 1 ? "1 flag" : `${formatCount(row.flags)} flags`}
              </Badge>
            ) : null}
            {row.reviewedByMe ? (
              <Badge tone="success">
                <CheckCircle2 className="size-3" aria-hidden="true" />
                Reviewed by you
              </Badge>
            ) : (
              <Badge tone="warning">Not reviewed by you</Badge>
            )}
            {row.reviewedBy > 0 ? <span className="text-xs text-slate-600">{`${formatCount(row.reviewedBy)} reviewed`}</span> : null}
          </div>
        ) : null}
      </div>
      <ButtonLink href={row.action.href} size="sm" variant={kind === "ready" && !row.reviewedByMe ? "primary" : "outline"} className="shrink-0">
        {row.action.label}
        <span className="sr-only">{`: ${row.candidateName}`}</span>
      </ButtonLink>
    </li>
  );
}

/** The dashboard's review inbox: four sections, each row with its action; "not reviewed by me" filters the ready ones. */
export function ReviewInbox({ sections, filter }: { sections: InboxSection[]; filter: InboxFilter }) {
  if (filter === "all" && sections.every((s) => s.count === 0)) {
    return (
      <EmptyState
        icon={<CheckCircle2 className="size-5" />}
        title="Your inbox is empty"
        description="Interviews ready for review, in progress, awaiting the candidate and failed processing show up here once you invite candidates."
      />
    );
  }
  return (
    <div className="space-y-4">
      <nav aria-label="Inbox filter" className="flex flex-wrap gap-2 text-sm">
        <ButtonLink href="/dashboard" size="sm" variant={filter === "all" ? "primary" : "outline"} aria-current={filter === "all" ? "page" : undefined}>
          All
        </ButtonLink>
        <ButtonLink
          href="/dashboard?inbox=not-reviewed-by-me"
          size="sm"
          variant={filter === "not-reviewed-by-me" ? "primary" : "outline"}
          aria-current={filter === "not-reviewed-by-me" ? "page" : undefined}
        >
          Not yet reviewed by me
        </ButtonLink>
      </nav>
      <div className="grid gap-4 xl:grid-cols-2">
        {sections.map((s) => {
          const meta = SECTIONS[s.kind];
          const headingId = `inbox-${s.kind}`;
          return (
            <section key={s.kind} aria-labelledby={headingId} className="min-w-0 rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
              <div className="flex items-start justify-between gap-3">
                <h3 id={headingId} className="flex items-center gap-2 font-semibold text-slate-900">
                  <span aria-hidden="true">{meta.icon}</span>
                  {meta.title}
                </h3>
                <Badge tone={s.kind === "failed" ? "danger" : s.kind === "ready" ? "info" : "neutral"}>{formatCount(s.count)}</Badge>
              </div>
              <p className="mt-1 text-sm text-slate-600">{meta.description}</p>
              {s.rows.length === 0 ? (
                <p className="mt-3 text-sm text-slate-600">{meta.empty}</p>
              ) : (
                <ul className="mt-2 divide-y divide-slate-100">
                  {s.rows.map((row) => (
                    <Row key={row.invitationId} kind={s.kind} row={row} />
                  ))}
                </ul>
              )}
              {s.count > s.rows.length ? (
                <p className="mt-2 text-sm text-slate-600">{`Showing ${formatCount(s.rows.length)} of ${formatCount(s.count)}.`}</p>
              ) : null}
            </section>
          );
        })}
      </div>
    </div>
  );
}
