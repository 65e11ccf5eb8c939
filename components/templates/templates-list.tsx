"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useState } from "react";
import { formatDate } from "@/components/format";
import { Alert, Button, ButtonLink, EmptyState, Input, Select, Skeleton, Table, TableContainer, TBody, TD, TH, THead, TR } from "@/components/ui";
import { errorMessage, useTRPC } from "@/components/trpc/client";
import type { ListTemplatesInput } from "@/server/templates/templates.schema";
import { TemplateStatusBadge } from "./status-badge";

type Filter = ListTemplatesInput["status"];

const FILTERS: { value: Filter; label: string }[] = [
  { value: "ACTIVE", label: "Drafts and published" },
  { value: "DRAFT", label: "Drafts" },
  { value: "PUBLISHED", label: "Published" },
  { value: "ARCHIVED", label: "Archived" },
  { value: "ALL", label: "All templates" },
];

const PAGE_SIZE = 25;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return debounced;
}

export function TemplatesList() {
  const trpc = useTRPC();
  const [search, setSearch] = useState("");
  const [status, setStatus] = useState<Filter>("ACTIVE");
  const query = useDebounced(search.trim(), 300);
  const list = useInfiniteQuery(
    trpc.templates.list.infiniteQueryOptions(
      { status, query: query || undefined, take: PAGE_SIZE },
      { getNextPageParam: (last) => last.nextCursor ?? undefined },
    ),
  );
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const total = list.data?.pages[0]?.total;
  const filtered = Boolean(query) || status !== "ACTIVE";

  return (
    <div className="space-y-4">
      <div role="search" aria-label="Find templates" className="grid gap-3 sm:grid-cols-[minmax(0,1fr)_14rem]">
        <div>
          <label className="sr-only" htmlFor="template-search">
            Search by job title
          </label>
          <Input id="template-search" type="search" placeholder="Search by job title" value={search} onChange={(e) => setSearch(e.target.value)} />
        </div>
        <div>
          <label className="sr-only" htmlFor="template-status">
            Status
          </label>
          <Select id="template-status" value={status} onChange={(e) => setStatus(e.target.value as Filter)}>
            {FILTERS.map((f) => (
              <option key={f.value} value={f.value}>
                {f.label}
              </option>
            ))}
          </Select>
        </div>
      </div>
      <p className="text-sm text-slate-600" aria-live="polite">
        {total === undefined ? "\u00a0" : `${plural(total, "template")}${filtered ? " match" : ""}`}
      </p>
      {list.error ? <Alert tone="danger">{errorMessage(list.error)}</Alert> : null}
      {list.isLoading ? (
        <Skeleton className="h-48" />
      ) : rows.length === 0 ? (
        filtered ? (
          <EmptyState title="No templates match" description="Try another status, or clear the search." />
        ) : (
          <EmptyState
            title="No interview templates yet"
            description="A template holds the job, the rubric answers are scored on, and the questions candidates answer."
            action={<ButtonLink href="/templates/new">New template</ButtonLink>}
          />
        )
      ) : (
        <TableContainer>
          <Table>
            <THead>
              <TR>
                <TH>Template</TH>
                <TH>Status</TH>
                <TH className="hidden sm:table-cell">Questions</TH>
                <TH className="hidden sm:table-cell">Invitations</TH>
                <TH className="hidden md:table-cell">Updated</TH>
              </TR>
            </THead>
            <TBody>
              {rows.map((t) => (
                <TR key={t.id} data-testid={`template-row-${t.id}`}>
                  <TD>
                    <Link href={`/templates/${t.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline focus-visible:underline">
                      {t.title}
                    </Link>
                    <span className="block text-sm text-slate-500 sm:hidden">
                      {plural(t.questionCount, "question")} · {plural(t.invitationCount, "invitation")}
                    </span>
                  </TD>
                  <TD>
                    <TemplateStatusBadge status={t.status} />
                  </TD>
                  <TD className="hidden text-sm sm:table-cell">{t.questionCount}</TD>
                  <TD className="hidden text-sm sm:table-cell">{t.invitationCount}</TD>
                  <TD className="hidden text-sm md:table-cell" suppressHydrationWarning>
                    {formatDate(t.updatedAt)}
                  </TD>
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
