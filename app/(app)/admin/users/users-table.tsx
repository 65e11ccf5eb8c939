"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import {
  Alert,
  Badge,
  Button,
  Input,
  Select,
  SelectMenu,
  Skeleton,
  type SelectMenuOption,
  Table,
  TableContainer,
  TBody,
  TD,
  TH,
  THead,
  TR,
  useToast,
} from "@/components/ui";
import { errorMessage, useTRPC } from "@/components/trpc/client";

type Status = "ACTIVE" | "SUSPENDED" | "";
type Role = "ADMIN" | "HR" | "CANDIDATE";

// What each role can do, shown under it in the picker: a role change is easy to get wrong.
const ROLE_OPTIONS: SelectMenuOption<Role>[] = [
  { value: "ADMIN", label: "admin", description: "Manages users and the platform" },
  { value: "HR", label: "hr", description: "Builds interviews and reviews candidates" },
  { value: "CANDIDATE", label: "candidate", description: "Takes the interviews they are invited to" },
];

export function UsersTable({ currentUserId }: { currentUserId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { toast } = useToast();
  const [query, setQuery] = useState("");
  const [status, setStatus] = useState<Status>("");
  const list = useQuery(trpc.users.list.queryOptions({ query: query || undefined, status: status || undefined, take: 50 }));
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.users.list.queryKey() });
  const onError = (error: unknown) => toast({ title: "That did not work", description: errorMessage(error), tone: "danger" });
  const suspend = useMutation(
    trpc.users.suspend.mutationOptions({
      onSuccess: (r) => {
        toast({ title: `Suspended; ${r.sessionsEnded} session(s) ended` });
        void refresh();
      },
      onError,
    }),
  );
  const activate = useMutation(
    trpc.users.activate.mutationOptions({
      onSuccess: () => {
        toast({ title: "Re-activated" });
        void refresh();
      },
      onError,
    }),
  );
  const setRole = useMutation(
    trpc.users.setRole.mutationOptions({
      onSuccess: () => {
        toast({ title: "Role changed" });
        void refresh();
      },
      onError,
    }),
  );

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap gap-3">
        <label className="sr-only" htmlFor="user-search">
          Search users
        </label>
        <Input
          id="user-search"
          type="search"
          placeholder="Search by name or email"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          className="max-w-xs"
        />
        <label className="sr-only" htmlFor="user-status">
          Status
        </label>
        <Select id="user-status" value={status} onChange={(e) => setStatus(e.target.value as Status)} className="w-40">
          <option value="">All statuses</option>
          <option value="ACTIVE">Active</option>
          <option value="SUSPENDED">Suspended</option>
        </Select>
      </div>
      {list.error ? <Alert tone="danger">{errorMessage(list.error)}</Alert> : null}
      {list.isLoading ? (
        <Skeleton className="h-40" />
      ) : (
        <TableContainer>
          <Table>
            <THead>
              <TR>
                <TH>User</TH>
                <TH>Role</TH>
                <TH>Organizations</TH>
                <TH>Status</TH>
                <TH>
                  <span className="sr-only">Actions</span>
                </TH>
              </TR>
            </THead>
            <TBody>
              {list.data?.items.map((u) => (
                <TR key={u.id} data-testid={`user-row-${u.email}`}>
                  <TD>
                    <span className="font-medium">{u.name ?? "—"}</span>
                    <span className="block text-sm text-slate-500">{u.email}</span>
                  </TD>
                  <TD>
                    {u.id === currentUserId ? (
                      <span className="text-sm">{u.role?.toLowerCase() ?? "not chosen"}</span>
                    ) : (
                      <SelectMenu<Role>
                        aria-label={`Role of ${u.email}`}
                        value={u.role ?? ""}
                        placeholder="not chosen"
                        onValueChange={(role) => setRole.mutate({ userId: u.id, role })}
                        options={ROLE_OPTIONS}
                        className="w-36"
                      />
                    )}
                  </TD>
                  <TD className="text-sm">{u.memberships.map((m) => m.organization.name).join(", ") || "—"}</TD>
                  <TD>
                    <Badge tone={u.status === "ACTIVE" ? "success" : "danger"}>{u.status.toLowerCase()}</Badge>
                  </TD>
                  <TD className="text-right">
                    {u.id === currentUserId ? null : u.status === "ACTIVE" ? (
                      <Button
                        size="sm"
                        variant="destructive"
                        loading={suspend.isPending && suspend.variables?.userId === u.id}
                        onClick={() => suspend.mutate({ userId: u.id })}
                      >
                        Suspend
                      </Button>
                    ) : (
                      <Button
                        size="sm"
                        variant="secondary"
                        loading={activate.isPending && activate.variables?.userId === u.id}
                        onClick={() => activate.mutate({ userId: u.id })}
                      >
                        Activate
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
