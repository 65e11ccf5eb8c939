"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { Button, useToast } from "@/components/ui";
import { errorMessage, useTRPC } from "@/components/trpc/client";

export function JoinCode({ code: initial }: { code: string }) {
  const trpc = useTRPC();
  const { toast } = useToast();
  const [code, setCode] = useState(initial);
  const rotate = useMutation(
    trpc.organizations.rotateJoinCode.mutationOptions({
      onSuccess: (r) => {
        setCode(r.joinCode);
        toast({ title: "New join code created; the old one no longer works" });
      },
      onError: (e) => toast({ title: "Could not change the code", description: errorMessage(e), tone: "danger" }),
    }),
  );
  return (
    <div className="flex flex-wrap items-center gap-3">
      <code className="rounded bg-slate-100 px-3 py-2 font-mono text-sm" data-testid="join-code">
        {code}
      </code>
      <Button variant="outline" size="sm" onClick={() => void navigator.clipboard.writeText(code).then(() => toast({ title: "Copied" }))}>
        Copy
      </Button>
      <Button variant="ghost" size="sm" loading={rotate.isPending} onClick={() => rotate.mutate()}>
        Replace code
      </Button>
    </div>
  );
}
