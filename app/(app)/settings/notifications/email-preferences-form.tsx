"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useToast } from "@/components/ui";
import { errorMessage, useTRPC } from "@/components/trpc/client";
import type { EmailKind } from "@/server/notifications/email-preferences";

type Preference = { kind: EmailKind; label: string; enabled: boolean };

/** One switch per kind of email, saved as soon as it changes. */
export function EmailPreferencesForm({ preferences }: { preferences: Preference[] }) {
  const trpc = useTRPC();
  const { toast } = useToast();
  const [state, setState] = useState(() => Object.fromEntries(preferences.map((p) => [p.kind, p.enabled])) as Record<EmailKind, boolean>);
  const save = useMutation(
    trpc.notifications.setEmailPreference.mutationOptions({
      onSuccess: (r) => toast({ title: r.enabled ? "Email switched on" : "Email switched off" }),
      onError: (e, vars) => {
        setState((s) => ({ ...s, [vars.kind]: !vars.enabled }));
        toast({ title: "Not saved", description: errorMessage(e), tone: "danger" });
      },
    }),
  );
  return (
    <ul className="space-y-3">
      {preferences.map((p) => (
        <li key={p.kind}>
          <label className="flex items-start gap-3 text-sm">
            <input
              type="checkbox"
              className="mt-0.5 size-4 accent-indigo-600"
              checked={state[p.kind]}
              disabled={save.isPending && save.variables?.kind === p.kind}
              onChange={(e) => {
                setState((s) => ({ ...s, [p.kind]: e.target.checked }));
                save.mutate({ kind: p.kind, enabled: e.target.checked });
              }}
            />
            <span>{p.label}</span>
          </label>
        </li>
      ))}
    </ul>
  );
}
