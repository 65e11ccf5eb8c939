import { Badge, Table, TableContainer, TBody, TD, TH, THead, TR } from "@/components/ui";
import type { PlanCapabilities } from "@/server/billing/plans";
import { formatLimit } from "@/components/format";

const yesNo = (value: boolean) => (value ? "Yes" : "No");

// Only what the product enforces today: every row below is backed by code and a test.
const ROWS: [string, (p: PlanCapabilities) => string][] = [
  ["Completed interviews a billing month", (p) => formatLimit(p.completedInterviewsPerMonth)],
  ["Templates (not archived)", (p) => formatLimit(p.activeTemplates)],
  ["HR seats", (p) => formatLimit(p.hrSeats)],
  ["Interviews kept after they end, at most", (p) => `${p.recordingRetentionMaxDays} days`],
  ["AI analysis by Groq (when configured)", (p) => yesNo(p.groqAnalysis)],
  ["REST API keys", (p) => yesNo(p.apiKeys)],
  ["Outgoing webhooks", (p) => yesNo(p.outgoingWebhooks)],
];

export function PlansTable({ plans, current }: { plans: PlanCapabilities[]; current: PlanCapabilities["plan"] }) {
  return (
    <TableContainer>
      <Table>
        <THead>
          <TR>
            <TH scope="col">Plan</TH>
            {plans.map((p) => (
              <TH key={p.plan} scope="col">
                {p.name} {p.plan === current && <Badge tone="success">current</Badge>}
              </TH>
            ))}
          </TR>
        </THead>
        <TBody>
          {ROWS.map(([label, value]) => (
            <TR key={label}>
              <TH scope="row">{label}</TH>
              {plans.map((p) => (
                <TD key={p.plan}>{value(p)}</TD>
              ))}
            </TR>
          ))}
        </TBody>
      </Table>
    </TableContainer>
  );
}
