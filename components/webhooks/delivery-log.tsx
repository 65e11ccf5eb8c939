"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Badge, Button, EmptyState, Spinner, useToast } from "@/components/ui";
import { formatDateTime } from "@/components/format";
import { errorMessage, useTRPC } from "@/components/trpc/client";

const STATUS_TONE = { PENDING: "warning", DELIVERED: "success", FAILED: "danger" } as const;
const STATUS_LABEL = { PENDING: "retrying", DELIVERED: "delivered", FAILED: "failed" } as const;

/** An endpoint's deliveries, newest first, each with every attempt and a resend button. Refreshes while any is pending. */
export function DeliveryLog({ endpointId, active }: { endpointId: string; active: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { toast } = useToast();
  const query = useQuery({
    ...trpc.webhooks.deliveries.queryOptions({ endpointId }),
    // Polls while an attempt is due within the minute (a new, resent or soon retried delivery), not through hours-long waits.
    refetchInterval: (q) =>
      q.state.data?.deliveries.some((d) => d.status === "PENDING" && (!d.nextAttemptAt || new Date(d.nextAttemptAt).getTime() < Date.now() + 60_000))
        ? 1000
        : false,
  });
  const resend = useMutation(
    trpc.webhooks.resend.mutationOptions({
      onSuccess: async () => {
        toast({ title: "Sent again", description: "The same message, with the same webhook-id." });
        await queryClient.invalidateQueries({ queryKey: trpc.webhooks.deliveries.queryKey({ endpointId }) });
      },
      onError: (e) => toast({ title: "Not resent", description: errorMessage(e), tone: "danger" }),
    }),
  );

  if (query.isPending) return <Spinner label="Loading deliveries" />;
  if (query.error) return <p className="text-sm text-red-600">{errorMessage(query.error)}</p>;
  const { deliveries } = query.data;
  if (!deliveries.length) return <EmptyState title="No deliveries yet" description="Events you chose, and test events, are listed here with every attempt." />;

  return (
    <ol className="space-y-3" aria-label="Deliveries">
      {deliveries.map((d) => (
        <li key={d.id} className="rounded-md border border-slate-200 p-3">
          <div className="flex flex-wrap items-center gap-2">
            <code className="text-sm font-medium">{d.eventType}</code>
            <Badge tone={STATUS_TONE[d.status]}>{STATUS_LABEL[d.status]}</Badge>
            <span className="text-xs text-slate-500">
              {formatDateTime(new Date(d.createdAt))} · webhook-id <code>{d.id}</code>
            </span>
            <Button
              className="ml-auto"
              size="sm"
              variant="outline"
              disabled={!active}
              loading={resend.isPending && resend.variables?.deliveryId === d.id}
              onClick={() => resend.mutate({ deliveryId: d.id })}
              aria-label={`Resend ${d.eventType} of ${formatDateTime(new Date(d.createdAt))}`}
            >
              Resend
            </Button>
          </div>
          {d.status === "PENDING" && d.nextAttemptAt ? (
            <p className="mt-1 text-xs text-slate-600">Next attempt {formatDateTime(new Date(d.nextAttemptAt))}.</p>
          ) : null}
          {d.attempts.length ? (
            <ul className="mt-2 space-y-2" aria-label={`Attempts of ${d.eventType}`}>
              {d.attempts.map((a) => (
                <li key={a.id} className="text-sm">
                  <span className="font-medium">Attempt {a.number}</span> · {formatDateTime(new Date(a.startedAt))} ·{" "}
                  <span className={a.ok ? "text-emerald-700" : "text-red-700"}>{a.responseStatus ?? "no response"}</span> · {a.durationMs} ms
                  {a.error ? <span className="block text-xs text-red-700">{a.error}</span> : null}
                  {a.responseBody ? (
                    <pre className="mt-1 max-h-32 overflow-auto rounded bg-slate-50 p-2 text-xs break-all whitespace-pre-wrap text-slate-700">
                      {a.responseBody}
                    </pre>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : (
            <p className="mt-1 text-xs text-slate-600">Not attempted yet.</p>
          )}
        </li>
      ))}
    </ol>
  );
}
