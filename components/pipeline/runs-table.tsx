"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Fragment, useState } from "react";
import { Alert, Badge, Button, EmptyState, Select, Skeleton, Table, TableContainer, TBody, TD, TH, THead, type Tone, TR, useToast } from "@/components/ui";
import { formatDateTime } from "@/components/format";
import { errorMessage, useTRPC } from "@/components/trpc/client";
import type { ShownAttempt } from "@/server/pipeline/attempt-log";
import { JOB_STATUSES } from "@/server/pipeline/pipeline.schema";

type Status = (typeof JOB_STATUSES)[number];

const STATUS_TONES: Record<Status, Tone> = {
  QUEUED: "neutral",
  RUNNING: "info",
  SLEEPING: "neutral",
  COMPLETED: "success",
  FAILED: "danger",
  CANCELLED: "neutral",
};

const ATTEMPT_TONES: Record<ShownAttempt["outcome"], Tone> = {
  running: "info",
  completed: "success",
  slept: "neutral",
  errored: "warning",
  failed: "danger",
  "cut short": "warning",
};

function label(status: Status): string {
  return status.charAt(0) + status.slice(1).toLowerCase();
}

function shortFunction(id: string): string {
  return id.replace(/^ai-video-interview-/, "");
}

export function RunsTable() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { toast } = useToast();
  const [status, setStatus] = useState<Status | "">("");
  const [cursors, setCursors] = useState<string[]>([]);
  const [open, setOpen] = useState<string | null>(null);
  const cursor = cursors.at(-1);
  const list = useQuery({
    ...trpc.pipeline.runs.queryOptions({ status: status || undefined, cursor, limit: 25 }),
    // The page is watched while work runs; a few seconds is fresh enough and cheap.
    refetchInterval: 3000,
  });
  const rerun = useMutation(
    trpc.pipeline.rerun.mutationOptions({
      onSuccess: () => {
        toast({ title: "Run queued again" });
        void queryClient.invalidateQueries({ queryKey: trpc.pipeline.runs.queryKey() });
      },
      onError: (error) => toast({ title: "The run was not queued", description: errorMessage(error), tone: "danger" }),
    }),
  );
  const data = list.data;

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="run-status" className="block text-sm font-medium text-slate-700">
            Status
          </label>
          <Select
            id="run-status"
            value={status}
            onChange={(e) => {
              setStatus(e.target.value as Status | "");
              setCursors([]);
            }}
            className="w-44"
          >
            <option value="">All statuses</option>
            {JOB_STATUSES.map((s) => (
              <option key={s} value={s}>
                {label(s)} {data?.counts[s] ? `(${data.counts[s]})` : ""}
              </option>
            ))}
          </Select>
        </div>
        {data ? (
          <p className="text-sm text-slate-600" aria-live="polite">
            Outbox: {data.outbox.pending} event{data.outbox.pending === 1 ? "" : "s"} waiting to be relayed
          </p>
        ) : null}
      </div>
      {data?.outbox.failing.length ? (
        <Alert tone="warning" title="Events that could not be relayed">
          <ul className="list-disc pl-5">
            {data.outbox.failing.map((e) => (
              <li key={e.id}>
                {e.name} ({e.attempts} attempts): {e.lastError}
              </li>
            ))}
          </ul>
        </Alert>
      ) : null}
      {list.error ? <Alert tone="danger">{errorMessage(list.error)}</Alert> : null}
      {list.isLoading ? (
        <Skeleton className="h-40" />
      ) : !data?.runs.length ? (
        <EmptyState title="No runs" description="Runs appear here when answers are submitted." />
      ) : (
        <TableContainer>
          <Table>
            <THead>
              <TR>
                <TH>Function</TH>
                <TH>Status</TH>
                <TH>Step</TH>
                <TH>Started</TH>
                <TH>
                  <span className="sr-only">Actions</span>
                </TH>
              </TR>
            </THead>
            <TBody>
              {data.runs.map((run) => (
                <Fragment key={run.id}>
                  <TR data-testid={`run-${run.id}`}>
                    <TD>
                      <span className="font-medium">{shortFunction(run.functionId)}</span>
                      <span className="block text-xs text-slate-500">
                        {run.eventName} · {run.eventId}
                      </span>
                    </TD>
                    <TD>
                      <Badge tone={STATUS_TONES[run.status]}>{label(run.status)}</Badge>
                      {run.runCount > 1 ? <span className="ml-2 text-xs text-slate-500">run {run.runCount}</span> : null}
                      {run.resuming ? <span className="block text-xs text-amber-700">Resuming after a restart</span> : null}
                    </TD>
                    <TD className="max-w-xs">
                      {run.currentStep ? (
                        <span>
                          {run.currentStep}
                          {run.attempt > 0 ? ` (attempt ${run.attempt + 1})` : ""}
                        </span>
                      ) : (
                        <span className="text-slate-500">{run.steps.length} steps</span>
                      )}
                      {run.error ? <span className="block break-words text-sm text-red-700">{run.error}</span> : null}
                    </TD>
                    <TD className="whitespace-nowrap text-sm">{formatDateTime(run.startedAt ?? run.createdAt)}</TD>
                    <TD className="whitespace-nowrap text-right">
                      <Button size="sm" variant="ghost" aria-expanded={open === run.id} onClick={() => setOpen(open === run.id ? null : run.id)}>
                        Steps
                      </Button>
                      {run.status === "COMPLETED" || run.status === "FAILED" || run.status === "CANCELLED" ? (
                        <Button size="sm" variant="secondary" disabled={rerun.isPending} onClick={() => rerun.mutate({ runId: run.id })}>
                          Re-run
                        </Button>
                      ) : null}
                    </TD>
                  </TR>
                  {open === run.id ? (
                    <TR>
                      <TD colSpan={5} className="bg-slate-50">
                        <ol className="space-y-1 text-sm">
                          {run.steps.map((s) => (
                            <li key={s.id} className="flex flex-wrap gap-2">
                              <Badge tone={s.ok ? "success" : "danger"}>{s.ok ? "done" : "failed"}</Badge>
                              <span className="font-medium">{s.name}</span>
                              <span className="text-slate-500">
                                {s.attempts} attempt{s.attempts === 1 ? "" : "s"}
                                {s.at ? ` · ${formatDateTime(new Date(s.at))}` : ""}
                              </span>
                              {s.error ? <span className="basis-full text-red-700">{s.error}</span> : null}
                            </li>
                          ))}
                          {!run.steps.length ? <li className="text-slate-500">No step has finished yet.</li> : null}
                        </ol>
                        <h3 className="mt-3 text-sm font-medium">Attempts</h3>
                        <ol className="mt-1 space-y-1 text-sm" aria-label="Attempts">
                          {run.attempts.map((a, i) => (
                            <li key={`${a.owner}-${a.startedAt}-${i}`} className="flex flex-wrap gap-2">
                              <Badge tone={ATTEMPT_TONES[a.outcome]}>{a.outcome}</Badge>
                              <span className="font-medium">{a.step ?? "next step"}</span>
                              <span className="text-slate-500">
                                {formatDateTime(new Date(a.startedAt))}
                                {a.endedAt ? ` – ${formatDateTime(new Date(a.endedAt))}` : ""} · {a.owner}
                              </span>
                            </li>
                          ))}
                          {!run.attempts.length ? <li className="text-slate-500">No attempt recorded.</li> : null}
                        </ol>
                      </TD>
                    </TR>
                  ) : null}
                </Fragment>
              ))}
            </TBody>
          </Table>
        </TableContainer>
      )}
      <div className="flex gap-2">
        <Button variant="secondary" size="sm" disabled={!cursors.length} onClick={() => setCursors(cursors.slice(0, -1))}>
          Newer
        </Button>
        <Button variant="secondary" size="sm" disabled={!data?.nextCursor} onClick={() => data?.nextCursor && setCursors([...cursors, data.nextCursor])}>
          Older
        </Button>
      </div>
    </div>
  );
}
