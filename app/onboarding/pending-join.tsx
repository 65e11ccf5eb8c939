"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { Alert, Button } from "@/components/ui";
import { errorMessage, useTRPC } from "@/components/trpc/client";

/** A newcomer's request to join, while an owner has not yet answered it. */
export function PendingJoin({ organizationName }: { organizationName: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const withdraw = useMutation(trpc.users.cancelJoinRequest.mutationOptions({ onSuccess: () => router.refresh() }));
  return (
    <div className="space-y-3">
      <Alert tone="info" title={`Waiting for ${organizationName}`}>
        You asked to join {organizationName}. An owner of the organization approves requests; once they have, this page takes you in.
      </Alert>
      {withdraw.error ? <Alert tone="danger">{errorMessage(withdraw.error)}</Alert> : null}
      <div className="flex flex-wrap gap-2">
        <Button onClick={() => router.refresh()}>Check again</Button>
        <Button variant="outline" loading={withdraw.isPending} onClick={() => withdraw.mutate()}>
          Withdraw my request
        </Button>
      </div>
    </div>
  );
}
