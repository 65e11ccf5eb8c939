"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { Button, useToast } from "@/components/ui";
import { errorMessage, useTRPC } from "@/components/trpc/client";
import { memberInput } from "@/server/organizations/organizations.schema";

/** What an owner's action on this page says when it ends: a toast, and the page read again after a success. */
export function useOwnerActionFeedback() {
  const router = useRouter();
  const { toast } = useToast();
  const done = (title: string) => () => {
    toast({ title });
    router.refresh();
  };
  const failed = (e: unknown) => toast({ title: errorMessage(e), tone: "danger" });
  return { done, failed };
}

/** An owner's buttons on a member's row: share ownership, or remove them from the organization. */
export function MemberActions({ userId, name, isOwner }: { userId: string; name: string; isOwner: boolean }) {
  const trpc = useTRPC();
  const { done, failed } = useOwnerActionFeedback();
  const makeOwner = useMutation(trpc.organizations.makeOwner.mutationOptions({ onSuccess: done(`${name} is now an owner`), onError: failed }));
  const remove = useMutation(trpc.organizations.removeMember.mutationOptions({ onSuccess: done(`${name} was removed`), onError: failed }));
  const input = memberInput.parse({ userId });
  return (
    <div className="flex gap-2">
      {!isOwner && (
        <Button variant="outline" size="sm" loading={makeOwner.isPending} onClick={() => makeOwner.mutate(input)}>
          Make owner
        </Button>
      )}
      <Button
        variant="ghost"
        size="sm"
        loading={remove.isPending}
        onClick={() => {
          if (window.confirm(`Remove ${name} from the organization?`)) remove.mutate(input);
        }}
      >
        Remove
      </Button>
    </div>
  );
}
