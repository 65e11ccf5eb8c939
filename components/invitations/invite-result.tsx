"use client";

import { Button, ButtonLink, Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui";
import type { CreateInvitationsResult } from "@/server/invitations/create";
import { formatDate } from "@/components/format";

export type InviteOutcome = CreateInvitationsResult & { templateTitle: string };

function plural(n: number, one: string, many = `${one}s`) {
  return `${n} ${n === 1 ? one : many}`;
}

/** The batch's summary: who was invited (their emails leave in the background), and who was left out. */
export function InviteResult({ outcome, onInviteMore }: { outcome: InviteOutcome; onInviteMore: () => void }) {
  return (
    <div className="space-y-4">
      <p role="status" className="sr-only">
        {plural(outcome.created.length, "invitation")} created.
      </p>
      <Card>
        <CardHeader>
          <CardTitle>{outcome.created.length ? `${plural(outcome.created.length, "invitation")} created` : "No new invitations"}</CardTitle>
          <CardDescription>
            {outcome.templateTitle} (version {outcome.version}) · links valid until {formatDate(outcome.expiresAt)}
          </CardDescription>
        </CardHeader>
        <CardContent className="space-y-4">
          {outcome.created.length ? (
            <p>{outcome.created.length === 1 ? "The candidate is" : "Each candidate is"} being emailed a personal link; an email that fails is retried.</p>
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
