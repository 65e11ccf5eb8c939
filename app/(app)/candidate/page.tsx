import type { Metadata } from "next";
import { formatDate } from "@/components/format";
import { CandidateRights } from "@/components/privacy/candidate-rights";
import { Badge, Button, Card, CardContent, EmptyState, PageHeader } from "@/components/ui";
import { requireRole } from "@/server/auth/guards";
import { serverCaller } from "@/server/trpc/server-caller";

export const metadata: Metadata = { title: "My interviews" };

export default async function CandidateHome() {
  await requireRole("CANDIDATE");
  const invitations = await (await serverCaller()).candidate.invitations();
  return (
    <div className="space-y-6">
      <PageHeader title="My interviews" description="Every interview you were invited to, with its deadline, and what you can do with your data." />
      {invitations.length ? (
        <>
          <Card>
            <CardContent>
              <ul className="divide-y divide-slate-100">
                {invitations.map((i) => (
                  <li key={i.id} className="space-y-3 py-4">
                    <div className="flex flex-wrap items-center justify-between gap-3">
                      <span>
                        <span className="font-medium">{i.template.title}</span>
                        <span className="block text-sm text-slate-500">
                          {i.organization.name} · answer by {formatDate(i.expiresAt)}
                        </span>
                      </span>
                      <Badge tone={i.status === "COMPLETED" ? "success" : i.status === "EXPIRED" || i.status === "CANCELLED" ? "danger" : "info"}>
                        {i.status.replace("_", " ").toLowerCase()}
                      </Badge>
                    </div>
                    <CandidateRights
                      target={{ invitationId: i.id }}
                      organizationName={i.organization.name}
                      deletionDueAt={i.deletionRequest?.dueAt ?? null}
                      humanReviewRequestedAt={i.humanReviewRequestedAt}
                    />
                  </li>
                ))}
              </ul>
            </CardContent>
          </Card>
          <form method="post" action="/api/privacy/export">
            <Button type="submit" variant="outline">
              Download everything held about me
            </Button>
          </form>
        </>
      ) : (
        <EmptyState title="No interviews yet" description="When a company invites you, the interview shows up here and in your email." />
      )}
    </div>
  );
}
