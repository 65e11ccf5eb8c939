"use client";

import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { formatDateTime } from "@/components/format";
import { Alert, Button, cn, EmptyState, Skeleton } from "@/components/ui";
import { errorMessage, useTRPC } from "@/components/trpc/client";

export function NotificationsList() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useInfiniteQuery(trpc.notifications.list.infiniteQueryOptions({}, { getNextPageParam: (last) => last.nextCursor ?? undefined }));
  const markRead = useMutation(
    trpc.notifications.markRead.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.notifications.pathKey() }),
    }),
  );
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const anyUnread = items.some((n) => !n.readAt);

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-slate-600" aria-live="polite">
          {list.isLoading ? "\u00a0" : anyUnread ? `${items.filter((n) => !n.readAt).length} unread` : "All caught up"}
        </p>
        <Button
          variant="outline"
          size="sm"
          disabled={!anyUnread}
          loading={markRead.isPending && markRead.variables && "all" in markRead.variables}
          onClick={() => markRead.mutate({ all: true })}
        >
          Mark all as read
        </Button>
      </div>
      {list.error ? <Alert tone="danger">{errorMessage(list.error)}</Alert> : null}
      {markRead.error ? <Alert tone="danger">{errorMessage(markRead.error)}</Alert> : null}
      {list.isLoading ? (
        <Skeleton className="h-40" />
      ) : items.length === 0 ? (
        <EmptyState title="No notifications" description="You are told here when an interview's AI analysis is ready, and about other things that need you." />
      ) : (
        <ul className="divide-y divide-slate-100 overflow-hidden rounded-lg border border-slate-200 bg-white">
          {items.map((n) => {
            const unread = !n.readAt;
            return (
              <li key={n.id} className={cn("flex flex-col gap-2 p-4 sm:flex-row sm:items-start sm:justify-between", unread && "bg-brand-50/40")}>
                <div className="min-w-0 space-y-1">
                  <p className="flex items-center gap-2 font-medium text-slate-900">
                    {unread ? <span aria-hidden="true" className="size-2 shrink-0 rounded-full bg-brand-600" /> : null}
                    {unread ? <span className="sr-only">Unread: </span> : null}
                    {n.link ? (
                      <Link
                        href={n.link}
                        className="text-brand-700 underline-offset-2 hover:underline focus-visible:underline"
                        onClick={() => unread && markRead.mutate({ ids: [n.id] })}
                      >
                        {n.title}
                      </Link>
                    ) : (
                      n.title
                    )}
                  </p>
                  <p className="whitespace-pre-line break-words text-sm text-slate-700">{n.body}</p>
                  <p className="text-xs text-slate-500">{formatDateTime(n.createdAt)}</p>
                </div>
                {unread ? (
                  <Button variant="ghost" size="sm" onClick={() => markRead.mutate({ ids: [n.id] })}>
                    {/* The visible words start the accessible name, so voice control users can say what they see. */}
                    Mark as read<span className="sr-only">: “{n.title}”</span>
                  </Button>
                ) : null}
              </li>
            );
          })}
        </ul>
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
