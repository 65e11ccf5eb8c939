import type { Metadata } from "next";
import { Badge, Card, CardContent, CardDescription, CardHeader, CardTitle, PageHeader, Table, TableContainer, TBody, TD, TH, THead, TR } from "@/components/ui";
import { requireRole } from "@/server/auth/guards";
import { serverCaller } from "@/server/trpc/server-caller";
import { JoinCode } from "./join-code";
import { MemberActions } from "./member-actions";

export const metadata: Metadata = { title: "Organization" };

export default async function OrganizationPage() {
  const user = await requireRole("HR", "ADMIN");
  const org = await (await serverCaller()).organizations.current();
  const isOwner = org.memberships.some((m) => m.user.id === user.id && m.orgRole === "OWNER");
  return (
    <div className="space-y-6">
      <PageHeader title={org.name} description="Plan, usage and billing: see Billing." />
      <Card>
        <CardHeader>
          <CardTitle>Invite a colleague</CardTitle>
          <CardDescription>A colleague who signs in and chooses “join my team’s organization” enters this code.</CardDescription>
        </CardHeader>
        <CardContent>
          <JoinCode code={org.joinCode} />
        </CardContent>
      </Card>
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
