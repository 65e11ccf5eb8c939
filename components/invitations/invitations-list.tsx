"use client";

import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useState } from "react";
import { Alert, Button, ButtonLink, EmptyState, Input, Select, Skeleton, Table, TableContainer, TBody, TD, TH, THead, TR } from "@/components/ui";
import { errorMessage, useTRPC } from "@/components/trpc/client";
import { INVITATION_STATUSES, STATUS_LABELS, type InvitationStatusValue } from "@/server/invitations/status";
import { formatDate } from "@/components/format";
import { LastSeen } from "./last-seen";
import { InvitationStatusBadge } from "./status-badge";

const PAGE_SIZE = 25;

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return debounced;
}

export function InvitationsList({ initialStatus, initialTemplateId }: { initialStatus?: InvitationStatusValue; initialTemplateId?: string }) {
  const trpc = useTRPC();
  const [search, setSearch] = useState("");
  const [status, setStatus] = useState<InvitationStatusValue | "">(initialStatus ?? "");
  const [templateId, setTemplateId] = useState(initialTemplateId ?? "");
  const query = useDebounced(search.trim(), 300);
  const templates = useQuery(trpc.invitations.templates.queryOptions());
  const list = useInfiniteQuery(
    trpc.invitations.list.infiniteQueryOptions(
      { status: status || undefined, templateId: templateId || undefined, query: query || undefined, take: PAGE_SIZE },
      { getNextPageParam: (last) => last.nextCursor ?? undefined },
    ),
  );
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const total = list.data?.pages[0]?.total;
  const filtered = Boolean(query || status || templateId);

  return (
    <div className="space-y-4">
      <div className="grid gap-3 sm:grid-cols-[minmax(0,1fr)_12rem_16rem]" role="search" aria-label="Filter invitations">
        <div>
          <label className="sr-only" htmlFor="invitation-search">
            Search by name or email
          </label>
          <Input id="invitation-search" type="search" placeholder="Search by name or email" value={search} onChange={(e) => setSearch(e.target.value)} />
        </div>
        <div>
          <label className="sr-only" htmlFor="invitation-status">
            Status
          </label>
          <Select id="invitation-status" value={status} onChange={(e) => setStatus(e.target.value as InvitationStatusValue | "")}>
            <option value="">All statuses</option>
            {INVITATION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </Select>
        </div>
        <div>
          <label className="sr-only" htmlFor="invitation-template">
            Interview template
          </label>
          <Select id="invitation-template" value={templateId} onChange={(e) => setTemplateId(e.target.value)}>
            <option value="">All templates</option>
            {templates.data?.map((t) => (
              <option key={t.id} value={t.id}>
                {t.title}
                {t.status === "PUBLISHED" ? "" : ` (${t.status.toLowerCase()})`}
              </option>
            ))}
          </Select>
        </div>
      </div>

      <p className="text-sm text-slate-600" aria-live="polite">
        {total === undefined ? "\u00a0" : `${total} invitation${total === 1 ? "" : "s"}${filtered ? " match" : ""}`}
      </p>

      {list.error ? <Alert tone="danger">{errorMessage(list.error)}</Alert> : null}
      {list.isLoading ? (
        <Skeleton className="h-48" />
      ) : rows.length === 0 ? (
        filtered ? (
          <EmptyState title="No invitations match" description="Try another status or template, or clear the search." />
        ) : (
          <EmptyState
            title="No invitations yet"
            description="Invite candidates to a published interview template; their answers show up here."
            action={<ButtonLink href="/invitations/new">Invite candidates</ButtonLink>}
          />
        )
      ) : (
        <TableContainer>
          <Table>
            <THead>
              <TR>
                <TH>Candidate</TH>
                <TH className="hidden md:table-cell">Interview</TH>
                <TH>Status</TH>
                <TH className="hidden sm:table-cell">Answers</TH>
                <TH className="hidden lg:table-cell">Sent</TH>
                <TH className="hidden lg:table-cell">Expires</TH>
              </TR>
            </THead>
            <TBody>
              {rows.map((inv) => (
                <TR key={inv.id} data-testid={`invitation-row-${inv.candidateEmail}`}>
                  <TD>
                    <Link href={`/interviews/${inv.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline focus-visible:underline">
                      {inv.candidateName}
                    </Link>
                    <span className="block break-all text-sm text-slate-500">{inv.candidateEmail}</span>
                    <span className="block text-sm text-slate-500 md:hidden">{inv.template.title}</span>
                  </TD>
                  <TD className="hidden md:table-cell">
                    {inv.template.title}
                    <span className="block text-xs text-slate-500">version {inv.version}</span>
                  </TD>
                  <TD>
                    <InvitationStatusBadge status={inv.status} />
                    <LastSeen status={inv.status} lastSeenAt={inv.lastSeenAt} />
                  </TD>
                  <TD className="hidden text-sm sm:table-cell">
                    {inv.answered} of {inv.questions}
                  </TD>
                  <TD className="hidden text-sm lg:table-cell">{formatDate(inv.sentAt)}</TD>
                  <TD className="hidden text-sm lg:table-cell">{formatDate(inv.expiresAt)}</TD>
                </TR>
              ))}
            </TBody>
          </Table>
        </TableContainer>
      )}
      {list.hasNextPage ? (
        <div className="flex justify-center">
          <Button variant="outline" loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
            Show more
          </Button>
        </div>
      ) : null}
    </div>
  );
}
