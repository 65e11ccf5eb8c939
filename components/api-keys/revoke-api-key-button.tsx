"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { errorMessage, useTRPC } from "@/components/trpc/client";
import { Alert, Button, Dialog, useToast } from "@/components/ui";

export function RevokeApiKeyButton({ id, name }: { id: string; name: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const { toast } = useToast();
  const [open, setOpen] = useState(false);
  const revoke = useMutation(
    trpc.apiKeys.revoke.mutationOptions({
      onSuccess: () => {
        setOpen(false);
        toast({ title: `"${name}" revoked`, description: "Requests with it are refused from now on." });
        router.refresh();
      },
    }),
  );
  return (
    <>
      <Button variant="outline" size="sm" onClick={() => setOpen(true)} aria-label={`Revoke ${name}`}>
        Revoke
      </Button>
      <Dialog
        open={open}
        onOpenChange={setOpen}
        title={`Revoke "${name}"?`}
        description="Its next request is refused. This cannot be undone: create a new key instead."
      >
        <div className="space-y-4">
          {revoke.error ? <Alert tone="danger">{errorMessage(revoke.error)}</Alert> : null}
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <Button variant="ghost" onClick={() => setOpen(false)}>
              Back
            </Button>
            <Button variant="destructive" loading={revoke.isPending} onClick={() => revoke.mutate({ id })}>
              Revoke key
            </Button>
          </div>
        </div>
      </Dialog>
    </>
  );
}
