"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { formatDateTime } from "@/components/format";
import { Alert, Button, EmptyState, Label, Select, Skeleton, Table, TableCaption, TableContainer, TBody, TD, TH, THead, TR } from "@/components/ui";
import { errorMessage, useTRPC } from "@/components/trpc/client";
import { RECOMMENDATION_LABELS, type Recommendation } from "@/server/analysis/analysis.schema";
import { AUDIT_PAGE_SIZE } from "@/server/review/analysis.schema";
import { RECOMMENDATION_FIELD } from "@/server/review/effective";

type Data = Record<string, unknown> | null;

const asText = (v: unknown) => (v === null || v === undefined ? "none" : typeof v === "string" ? v : JSON.stringify(v));

function overrideValue(field: unknown, v: unknown): string {
  if (field === RECOMMENDATION_FIELD && typeof v === "string" && v in RECOMMENDATION_LABELS) return RECOMMENDATION_LABELS[v as Recommendation];
  return asText(v);
}

function targetHref(targetType: string, targetId: string, data: Data): string | null {
  if (targetType === "invitation") return `/interviews/${targetId}`;
  if (targetType === "template") return `/templates/${targetId}`;
  if (targetType === "analysis" && typeof data?.invitationId === "string") return `/interviews/${data.invitationId}`;
  return null;
}

function Target({ targetType, targetId, data }: { targetType: string; targetId: string; data: Data }) {
  const href = targetHref(targetType, targetId, data);
  const name =
    typeof data?.candidateName === "string"
      ? `${data.candidateName}'s interview`
      : typeof data?.title === "string"
        ? data.title
        : `${targetType} ${targetId.slice(0, 8)}`;
  return href ? (
    <Link href={href} className="text-brand-700 underline-offset-2 hover:underline focus-visible:underline">
      {name}
    </Link>
  ) : (
    <span>{name}</span>
  );
}

function Details({ action, data }: { action: string; data: Data }) {
  if (!data) return null;
  if (action === "analysis.override") {
    return (
      <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-0.5 text-sm">
        <dt className="text-slate-500">Field</dt>
        <dd className="text-slate-900">{asText(data.label ?? data.field)}</dd>
        <dt className="text-slate-500">AI value</dt>
        <dd className="text-slate-900">{overrideValue(data.field, data.aiValue)}</dd>
        <dt className="text-slate-500">Change</dt>
        <dd className="text-slate-900">
          {overrideValue(data.field, data.from)} → {overrideValue(data.field, data.to)}
        </dd>
        <dt className="text-slate-500">Reason</dt>
        <dd className="break-words text-slate-900">“{asText(data.reason)}”</dd>
      </dl>
    );
  }
  const entries = Object.entries(data).filter(([k]) => k !== "invitationId");
  if (entries.length === 0) return null;
  return (
    <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-0.5 text-sm">
      {entries.map(([k, v]) => (
        <div key={k} className="contents">
          <dt className="text-slate-500">{k}</dt>
          <dd className="break-words text-slate-900">{asText(v)}</dd>
        </div>
      ))}
    </dl>
  );
}

export function AuditLog() {
  const trpc = useTRPC();
  const [action, setAction] = useState("");
  const list = useInfiniteQuery(
    trpc.analysis.auditLog.infiniteQueryOptions(
      { action: action || undefined, take: AUDIT_PAGE_SIZE },
      { getNextPageParam: (last) => last.nextCursor ?? undefined },
    ),
  );
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const actions = list.data?.pages[0]?.actions ?? [];

  return (
    <div className="space-y-4">
      <div role="search" aria-label="Filter the audit log" className="max-w-xs space-y-1.5">
        <Label htmlFor="audit-action">Action</Label>
        <Select id="audit-action" value={action} onChange={(e) => setAction(e.target.value)}>
          <option value="">All actions</option>
          {[...new Set([...actions, ...(action ? [action] : [])])].map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </Select>
      </div>
      {list.error ? <Alert tone="danger">{errorMessage(list.error)}</Alert> : null}
      {list.isLoading ? (
        <Skeleton className="h-48" />
      ) : items.length === 0 ? (
        <EmptyState
          title={action ? "Nothing logged for this action" : "Nothing logged yet"}
          description="Changes your team makes, such as overriding an AI score, are recorded here."
        />
      ) : (
        <TableContainer>
          <Table>
            <TableCaption className="sr-only">Audit log, newest first</TableCaption>
            <THead>
              <TR>
                <TH>When</TH>
                <TH>Who</TH>
                <TH>Action</TH>
                <TH>Target</TH>
                <TH className="min-w-[16rem]">Details</TH>
              </TR>
            </THead>
            <TBody>
              {items.map((e) => {
                const data = e.data && typeof e.data === "object" && !Array.isArray(e.data) ? (e.data as Record<string, unknown>) : null;
                return (
                  <TR key={e.id} className="align-top">
                    <TD className="whitespace-nowrap text-sm">{formatDateTime(e.createdAt)}</TD>
                    <TD className="text-sm">{e.actor ? (e.actor.name ?? e.actor.email) : "System"}</TD>
                    <TD>
                      <code className="rounded bg-slate-100 px-1.5 py-0.5 text-xs">{e.action}</code>
                    </TD>
                    <TD className="text-sm">
                      <Target targetType={e.targetType} targetId={e.targetId} data={data} />
                    </TD>
                    <TD>
                      <Details action={e.action} data={data} />
                    </TD>
                  </TR>
                );
              })}
            </TBody>
          </Table>
        </TableContainer>
      )}
      {list.hasNextPage ? (
        <div className="flex justify-center">
          <Button variant="outline" loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
            Show older entries
          </Button>
        </div>
      ) : null}
    </div>
  );
}
