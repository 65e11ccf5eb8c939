import type { Metadata } from "next";
import { Badge, Card, CardContent, CardDescription, CardHeader, CardTitle, PageHeader, Table, TableContainer, TBody, TD, TH, THead, TR } from "@/components/ui";
import { requireRole } from "@/server/auth/guards";
import { serverCaller } from "@/server/trpc/server-caller";
import { formatDateTime } from "@/components/format";
import { JoinCode } from "./join-code";
import { JoinRequestActions } from "./join-request-actions";
import { MemberActions } from "./member-actions";

export const metadata: Metadata = { title: "Organization" };

export default async function OrganizationPage() {
  const user = await requireRole("HR", "ADMIN");
  const caller = await serverCaller();
  const org = await caller.organizations.current();
  const isOwner = org.memberships.some((m) => m.user.id === user.id && m.orgRole === "OWNER");
  const requests = isOwner ? await caller.organizations.joinRequests() : [];
  return (
    <div className="space-y-6">
      <PageHeader title={org.name} description="Plan, usage and billing: see Billing." />
      <Card>
        <CardHeader>
          <CardTitle>Invite a colleague</CardTitle>
          <CardDescription>
            A colleague who signs in and chooses “join my team’s organization” enters this code. They become a member once an owner approves their request.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <JoinCode code={org.joinCode} />
        </CardContent>
      </Card>
      {isOwner && (
        <Card>
          <CardHeader>
            <CardTitle>Requests to join</CardTitle>
            <CardDescription>People who entered the join code. Approving gives them HR access to every template and interview.</CardDescription>
          </CardHeader>
          <CardContent>
            {requests.length === 0 ? (
              <p className="text-sm text-slate-600">No one is waiting.</p>
            ) : (
              <TableContainer>
                <Table>
                  <THead>
                    <TR>
                      <TH>Name</TH>
                      <TH>Email</TH>
                      <TH>Asked</TH>
                      <TH>Actions</TH>
                    </TR>
                  </THead>
                  <TBody>
                    {requests.map((r) => (
                      <TR key={r.userId}>
                        <TD>{r.name ?? "—"}</TD>
                        <TD>{r.email}</TD>
                        <TD>{formatDateTime(r.requestedAt)}</TD>
                        <TD>
                          <JoinRequestActions userId={r.userId} name={r.name ?? r.email} />
                        </TD>
                      </TR>
                    ))}
                  </TBody>
                </Table>
              </TableContainer>
            )}
          </CardContent>
        </Card>
      )}
      <Card>
        <CardHeader>
          <CardTitle>Members</CardTitle>
        </CardHeader>
        <CardContent>
          <TableContainer>
            <Table>
              <THead>
                <TR>
                  <TH>Name</TH>
                  <TH>Email</TH>
                  <TH>Role</TH>
                  {isOwner && <TH>Actions</TH>}
                </TR>
              </THead>
              <TBody>
                {org.memberships.map((m) => (
                  <TR key={m.user.id}>
                    <TD>{m.user.name ?? "—"}</TD>
                    <TD>{m.user.email}</TD>
                    <TD>
                      <Badge tone={m.user.status === "ACTIVE" ? "neutral" : "danger"}>
                        {m.role.toLowerCase()}
                        {m.orgRole === "OWNER" ? " · owner" : ""}
                        {m.user.status === "SUSPENDED" ? " · suspended" : ""}
                      </Badge>
                    </TD>
                    {isOwner && (
                      <TD>
                        <MemberActions userId={m.user.id} name={m.user.name ?? m.user.email} isOwner={m.orgRole === "OWNER"} />
                      </TD>
                    )}
                  </TR>
                ))}
              </TBody>
            </Table>
          </TableContainer>
        </CardContent>
      </Card>
    </div>
  );
}
