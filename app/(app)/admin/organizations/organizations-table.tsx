"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Alert, Badge, Button, Input, Skeleton, Table, TableContainer, TBody, TD, TH, THead, TR, useToast } from "@/components/ui";
import { formatBytes, formatCount, formatDate } from "@/components/format";
import { errorMessage, useTRPC } from "@/components/trpc/client";

export function OrganizationsTable() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { toast } = useToast();
  const [query, setQuery] = useState("");
  const list = useQuery(trpc.organizations.adminList.queryOptions({ query: query || undefined }));
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.organizations.adminList.queryKey() });
  const onError = (error: unknown) => toast({ title: "That did not work", description: errorMessage(error), tone: "danger" });
  const suspend = useMutation(
    trpc.organizations.suspend.mutationOptions({
      onSuccess: (r) => {
        toast({ title: `Suspended; ${r.sessionsEnded} session(s) ended` });
        void refresh();
      },
      onError,
    }),
  );
  const reactivate = useMutation(
    trpc.organizations.reactivate.mutationOptions({
      onSuccess: () => {
        toast({ title: "Re-activated" });
        void refresh();
      },
      onError,
    }),
  );

  return (
    <div className="space-y-4">
      <label className="sr-only" htmlFor="organization-search">
        Search organizations
      </label>
      <Input
        id="organization-search"
        type="search"
        placeholder="Search by name"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        className="max-w-xs"
      />
      {list.error ? <Alert tone="danger">{errorMessage(list.error)}</Alert> : null}
      {list.isLoading ? (
        <Skeleton className="h-40" />
      ) : (
        <TableContainer>
          <Table>
            <THead>
              <TR>
                <TH>Organization</TH>
                <TH>Plan</TH>
                <TH className="text-right">Members</TH>
                <TH className="text-right">Completed this month</TH>
                <TH className="text-right">Open invitations</TH>
                <TH className="text-right">Storage used</TH>
                <TH>Status</TH>
                <TH>
                  <span className="sr-only">Actions</span>
                </TH>
              </TR>
            </THead>
            <TBody>
              {list.data?.map((o) => (
                <TR key={o.id}>
                  <TD>
                    <span className="font-medium">{o.name}</span>
                    <span className="block text-sm text-slate-500">since {formatDate(o.createdAt)}</span>
                  </TD>
                  <TD className="text-sm">{o.plan.toLowerCase()}</TD>
                  <TD className="text-right tabular-nums">{formatCount(o.members)}</TD>
                  <TD className="text-right tabular-nums">{formatCount(o.completedThisMonth)}</TD>
                  <TD className="text-right tabular-nums">{formatCount(o.openInvitations)}</TD>
                  <TD className="text-right tabular-nums">{formatBytes(o.storageBytes)}</TD>
                  <TD>
                    <Badge tone={o.suspendedAt ? "danger" : "success"}>{o.suspendedAt ? "suspended" : "active"}</Badge>
                  </TD>
                  <TD className="text-right">
                    {o.suspendedAt ? (
                      <Button
                        size="sm"
                        variant="secondary"
                        aria-label={`Re-activate ${o.name}`}
                        loading={reactivate.isPending && reactivate.variables?.organizationId === o.id}
                        onClick={() => reactivate.mutate({ organizationId: o.id })}
                      >
                        Re-activate
                      </Button>
                    ) : (
                      <Button
                        size="sm"
                        variant="destructive"
                        aria-label={`Suspend ${o.name}`}
                        loading={suspend.isPending && suspend.variables?.organizationId === o.id}
                        onClick={() => suspend.mutate({ organizationId: o.id })}
                      >
                        Suspend
                      </Button>
                    )}
                  </TD>
                </TR>
              ))}
            </TBody>
          </Table>
        </TableContainer>
      )}
    </div>
  );
}
