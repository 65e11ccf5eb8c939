import type { Metadata } from "next";
import { AdminPlanSelect } from "@/components/billing/admin-plan-select";
import { PageHeader, Table, TableContainer, TBody, TD, TH, THead, TR } from "@/components/ui";
import { requireRole } from "@/server/auth/guards";
import { serverCaller } from "@/server/trpc/server-caller";

export const metadata: Metadata = { title: "Plans" };

export default async function AdminPlansPage() {
  await requireRole("ADMIN");
  const orgs = await (await serverCaller()).billing.organizations();
  return (
    <div className="space-y-6">
      <PageHeader
        title="Plans"
        description="Set any organization's plan. With Stripe on, the organization's next subscription event from Stripe replaces it."
      />
      <TableContainer>
        <Table>
          <THead>
            <TR>
              <TH scope="col">Organization</TH>
              <TH scope="col">Members</TH>
              <TH scope="col">Status</TH>
              <TH scope="col">Plan</TH>
            </TR>
          </THead>
          <TBody>
            {orgs.map((o) => (
              <TR key={o.id}>
                <TD>{o.name}</TD>
                <TD>{o.members}</TD>
                <TD>{o.status.replace("_", " ")}</TD>
                <TD>
                  <AdminPlanSelect organizationId={o.id} organizationName={o.name} plan={o.plan} />
                </TD>
              </TR>
            ))}
          </TBody>
        </Table>
      </TableContainer>
    </div>
  );
}
