"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { Alert, Button, ButtonLink, Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui";
import { errorMessage, useTRPC } from "@/components/trpc/client";
import type { CreateInvitationsResult } from "@/server/invitations/create";
import { formatDate } from "@/components/format";

export type InviteOutcome = CreateInvitationsResult & { templateTitle: string };

function plural(n: number, one: string, many = `${one}s`) {
  return `${n} ${n === 1 ? one : many}`;
}

/** The batch's summary: who got an email, whose email failed (with a retry), and who was left out. */
export function InviteResult({ outcome, onInviteMore }: { outcome: InviteOutcome; onInviteMore: () => void }) {
  const trpc = useTRPC();
  const [retried, setRetried] = useState<Record<string, string | true>>({});
  const resend = useMutation(
    trpc.invitations.resend.mutationOptions({
      onSuccess: (r) => setRetried((s) => ({ ...s, [r.id]: r.emailed ? true : r.error })),
      onError: (e, vars) => setRetried((s) => ({ ...s, [vars.invitationId]: errorMessage(e) })),
    }),
  );
  const failed = outcome.created.filter((c): c is Extract<typeof c, { emailed: false }> => !c.emailed);
  const emailed = outcome.created.length - failed.length;

  return (
    <div className="space-y-4">
      <p role="status" className="sr-only">
        {plural(outcome.created.length, "invitation")} created, {plural(failed.length, "email")} failed.
      </p>
      <Card>
        <CardHeader>
          <CardTitle>{outcome.created.length ? `${plural(outcome.created.length, "invitation")} created` : "No new invitations"}</CardTitle>
          <CardDescription>
            {outcome.templateTitle} (version {outcome.version}) · links valid until {formatDate(outcome.expiresAt)}
          </CardDescription>
        </CardHeader>
        <CardContent className="space-y-4">
          {emailed ? <p>{plural(emailed, "email")} sent.</p> : null}

          {failed.length ? (
            <Alert tone="danger">
              <p className="font-medium">
                {plural(failed.length, "email")} could not be sent. The invitation{failed.length === 1 ? " exists" : "s exist"}: send the link again.
              </p>
              <ul className="mt-2 space-y-2">
                {failed.map((c) => {
                  const state = retried[c.id];
                  return (
                    <li key={c.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
                      <span className="min-w-0 flex-1">
                        <Link href={`/interviews/${c.id}`} className="font-medium underline">
                          {c.candidateName}
                        </Link>{" "}
                        <span className="break-all">&lt;{c.candidateEmail}&gt;</span>
                        <span className="block text-xs">{typeof state === "string" ? state : c.error}</span>
                      </span>
                      {state === true ? (
                        <span className="text-green-800">Sent</span>
                      ) : (
                        <Button
                          size="sm"
                          variant="outline"
                          loading={resend.isPending && resend.variables?.invitationId === c.id}
                          onClick={() => resend.mutate({ invitationId: c.id })}
                        >
                          Try again
                        </Button>
                      )}
                    </li>
                  );
                })}
              </ul>
            </Alert>
          ) : null}

          {outcome.alreadyInvited.length ? (
            <div>
              <p className="text-sm font-medium">
                {plural(outcome.alreadyInvited.length, "candidate")} already had an open invitation to this interview and got no new one:
              </p>
              <ul className="mt-1 list-disc pl-5 text-sm text-slate-700">
                {outcome.alreadyInvited.map((c) => (
                  <li key={c.email} className="break-all">
                    {c.name} &lt;{c.email}&gt;
                  </li>
                ))}
              </ul>
            </div>
          ) : null}

          {outcome.duplicates.length ? <p className="text-sm text-slate-700">Listed more than once, invited once: {outcome.duplicates.join(", ")}.</p> : null}
        </CardContent>
      </Card>
      <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
        <Button variant="outline" onClick={onInviteMore}>
          Invite more candidates
        </Button>
        <ButtonLink href="/invitations">See all invitations</ButtonLink>
      </div>
    </div>
  );
}
