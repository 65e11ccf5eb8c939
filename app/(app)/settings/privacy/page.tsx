import type { Metadata } from "next";
import { HIRING_DECISION_LABELS, type HiringDecision } from "@/server/fairness/decision.schema";
import { formatDate } from "@/components/format";
import { DeleteInterviewButton } from "@/components/privacy/delete-interview-button";
import { OrganizationDeletion } from "@/components/privacy/organization-deletion";
import { RetentionForm } from "@/components/privacy/retention-form";
import {
  Card,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
  EmptyState,
  PageHeader,
  Table,
  TableContainer,
  TBody,
  TD,
  TH,
  THead,
  TR,
} from "@/components/ui";
import { RECOMMENDATION_LABELS, recommendationSchema } from "@/server/analysis/analysis.schema";
import { requireRole } from "@/server/auth/guards";
import { serverCaller } from "@/server/trpc/server-caller";

export const metadata: Metadata = { title: "Privacy" };

const REASONS: Record<string, string> = {
  retention: "Retention period ended",
  "candidate-request": "Candidate's request",
  hr: "Deleted by HR",
  "organization-deleted": "Organization deleted",
};

function decision(value: string | null): string {
  if (value && value in HIRING_DECISION_LABELS) return HIRING_DECISION_LABELS[value as HiringDecision];
  const parsed = recommendationSchema.safeParse(value);
  return parsed.success ? `${RECOMMENDATION_LABELS[parsed.data]} (recommendation)` : "—";
}

export default async function PrivacyPage() {
  await requireRole("HR", "ADMIN");
  const overview = await (await serverCaller()).privacy.overview();
  const { retention } = overview;
  return (
    <div className="space-y-6">
      <PageHeader title="Privacy" description="How long interviews are kept, candidates' deletion requests, and what was deleted." />
      <Card>
        <CardHeader>
          <CardTitle>Retention</CardTitle>
          <CardDescription>
            Interviews are kept for {retention.effectiveDays} days after they end (completed, cancelled or expired), then the hourly sweep deletes them.
            Candidates read this number on the consent screen.
            {retention.configuredDays > retention.planMaxDays
              ? ` ${retention.configuredDays} days are set, but the ${retention.planName} plan keeps at most ${retention.planMaxDays}.`
              : ""}
          </CardDescription>
        </CardHeader>
        {overview.isOwner ? (
          <CardContent>
            <RetentionForm configuredDays={retention.configuredDays} planMaxDays={retention.planMaxDays} planName={retention.planName} />
          </CardContent>
        ) : (
          <CardContent className="text-sm text-slate-600">Only an owner of the organization changes it.</CardContent>
        )}
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>Deletion requests</CardTitle>
          <CardDescription>Candidates&apos; requests are carried out automatically on their due date, or now by you.</CardDescription>
        </CardHeader>
        <CardContent>
          {overview.requests.length ? (
            <TableContainer>
              <Table>
                <THead>
                  <TR>
                    <TH>Candidate</TH>
                    <TH>Interview</TH>
                    <TH>Asked on</TH>
                    <TH>Deleted by</TH>
                    <TH>Action</TH>
                  </TR>
                </THead>
                <TBody>
                  {overview.requests.map((r) => (
                    <TR key={r.id}>
                      <TD>
                        {r.invitation.candidateName}
                        <span className="block text-xs text-slate-500">{r.invitation.candidateEmail}</span>
                      </TD>
                      <TD>{r.invitation.template.title}</TD>
                      <TD>{formatDate(r.requestedAt)}</TD>
                      <TD>{formatDate(r.dueAt)}</TD>
                      <TD>
                        <DeleteInterviewButton invitationId={r.invitation.id} candidateName={r.invitation.candidateName} label="Delete now" />
                      </TD>
                    </TR>
                  ))}
                </TBody>
              </Table>
            </TableContainer>
          ) : (
            <EmptyState title="No pending requests" description="When a candidate asks for their data to be deleted, the request shows here." />
          )}
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>Deleted interviews</CardTitle>
          <CardDescription>What remains of a deleted interview: no name, email or answer.</CardDescription>
        </CardHeader>
        <CardContent>
          {overview.tombstones.length ? (
            <TableContainer>
              <Table>
                <THead>
                  <TR>
                    <TH>Interview</TH>
                    <TH>Sent</TH>
                    <TH>Completed</TH>
                    <TH>Final decision</TH>
                    <TH>Why</TH>
                    <TH>Deleted</TH>
                  </TR>
                </THead>
                <TBody>
                  {overview.tombstones.map((t) => (
                    <TR key={t.invitationId}>
                      <TD>{t.templateTitle}</TD>
                      <TD>{formatDate(t.sentAt)}</TD>
                      <TD>{t.completedAt ? formatDate(t.completedAt) : t.finalStatus.toLowerCase()}</TD>
                      <TD>{decision(t.finalDecision)}</TD>
                      <TD>{REASONS[t.reason] ?? t.reason}</TD>
                      <TD>{formatDate(t.deletedAt)}</TD>
                    </TR>
                  ))}
                </TBody>
              </Table>
            </TableContainer>
          ) : (
            <EmptyState title="Nothing deleted yet" description="Interviews deleted by retention, by request or by HR are listed here." />
          )}
        </CardContent>
      </Card>

      {overview.isOwner ? (
        <Card>
          <CardHeader>
            <CardTitle>Delete the organization</CardTitle>
            <CardDescription>For owners: everything in {overview.organization.name} is deleted after a grace period.</CardDescription>
          </CardHeader>
          <CardContent>
            <OrganizationDeletion name={overview.organization.name} deletionDueAt={overview.organization.deletionDueAt} />
          </CardContent>
        </Card>
      ) : null}
    </div>
  );
}
