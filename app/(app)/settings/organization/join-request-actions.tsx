"use client";

import { useMutation } from "@tanstack/react-query";
import { Button } from "@/components/ui";
import { useTRPC } from "@/components/trpc/client";
import { memberInput } from "@/server/organizations/organizations.schema";
import { useOwnerActionFeedback } from "./member-actions";

/** An owner's answer to someone who entered the join code. */
export function JoinRequestActions({ userId, name }: { userId: string; name: string }) {
  const trpc = useTRPC();
  const { done, failed } = useOwnerActionFeedback();
  const approve = useMutation(trpc.organizations.approveJoin.mutationOptions({ onSuccess: done(`${name} is now a member`), onError: failed }));
  const decline = useMutation(trpc.organizations.declineJoin.mutationOptions({ onSuccess: done(`${name}'s request was declined`), onError: failed }));
  const input = memberInput.parse({ userId });
  return (
    <div className="flex gap-2">
      <Button size="sm" loading={approve.isPending} onClick={() => approve.mutate(input)}>
        Approve
      </Button>
      <Button variant="ghost" size="sm" loading={decline.isPending} onClick={() => decline.mutate(input)}>
        Decline
      </Button>
    </div>
  );
}
