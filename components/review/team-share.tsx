"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { formatDateTime } from "@/components/format";
import { Alert, Badge, Button, Card, CardContent, CardDescription, CardHeader, CardTitle, Field, Input } from "@/components/ui";
import { errorMessage, useTRPC } from "@/components/trpc/client";
import { requiredNumber } from "@/components/forms/field-values";
import { createShareInput, SHARE_DAYS_DEFAULT, SHARE_DAYS_MAX, SHARE_DAYS_MIN, type CreateShareForm } from "@/server/share/share.schema";

const resolver = zodResolver(createShareInput);
const STATE_LABEL = { active: "Active", expired: "Expired", revoked: "Revoked" } as const;

/**
 * Read-only links to this interview for a hiring manager outside the organization: no sign-in,
 * only this interview, until the chosen expiry or a revocation. The link is shown once.
 */
export function TeamShare({ invitationId, completed }: { invitationId: string; completed: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [created, setCreated] = useState<{ url: string; expiresAt: Date } | null>(null);
  const links = useQuery({ ...trpc.share.list.queryOptions({ invitationId }), enabled: completed });
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.share.list.queryKey({ invitationId }) });
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<CreateShareForm>({ defaultValues: { invitationId, days: SHARE_DAYS_DEFAULT }, resolver });
  const create = useMutation(
    trpc.share.create.mutationOptions({
      onSuccess: (link) => {
        setCreated({ url: new URL(link.path, window.location.origin).toString(), expiresAt: link.expiresAt });
        void refresh();
      },
    }),
  );
  const revoke = useMutation(trpc.share.revoke.mutationOptions({ onSuccess: () => void refresh() }));

  return (
    <Card>
      <section aria-labelledby="share-heading">
        <CardHeader>
          <CardTitle id="share-heading">Share with a hiring manager</CardTitle>
          <CardDescription>
            {completed
              ? "A read-only link to this interview only: answers, transcripts and the AI analysis, without your team's ratings, comments or decision. No sign-in needed."
              : "An interview can be shared once the candidate has completed it."}
          </CardDescription>
        </CardHeader>
        {completed ? (
          <CardContent className="space-y-4">
            <form className="flex flex-wrap items-end gap-2" noValidate onSubmit={(e) => void handleSubmit((input) => create.mutate(input))(e)}>
              <Field label={`Expires after (days, ${SHARE_DAYS_MIN}-${SHARE_DAYS_MAX})`} error={errors.days?.message} className="w-40">
                {(props) => <Input {...props} type="number" min={SHARE_DAYS_MIN} max={SHARE_DAYS_MAX} {...register("days", { setValueAs: requiredNumber })} />}
              </Field>
              <Button type="submit" size="md" variant="outline" loading={create.isPending}>
                Create link
              </Button>
            </form>
            {create.error ? <Alert tone="danger">{errorMessage(create.error)}</Alert> : null}
            {created ? (
              <Alert tone="success" title="Link created">
                <span className="block">Copy it now: it is not shown again. It works until {formatDateTime(created.expiresAt)}.</span>
                <Input aria-label="Share link" readOnly value={created.url} className="mt-2" onFocus={(e) => e.currentTarget.select()} />
              </Alert>
            ) : null}
            {links.data && links.data.length > 0 ? (
              <ul aria-label="Share links" className="space-y-2">
                {links.data.map((l) => (
                  <li key={l.id} className="flex flex-wrap items-center justify-between gap-2 text-sm">
                    <span className="min-w-0">
                      <Badge tone={l.state === "active" ? "success" : "neutral"}>{STATE_LABEL[l.state]}</Badge>{" "}
                      <span className="text-slate-700">
                        {l.createdBy ?? "A former member"}, {formatDateTime(l.createdAt)} · until {formatDateTime(l.expiresAt)} · {l.viewCount}{" "}
                        {l.viewCount === 1 ? "view" : "views"}
                      </span>
                    </span>
                    {l.state === "active" ? (
                      <Button
                        size="sm"
                        variant="outline"
                        loading={revoke.isPending && revoke.variables?.shareLinkId === l.id}
                        onClick={() => revoke.mutate({ shareLinkId: l.id })}
                      >
                        Revoke
                      </Button>
                    ) : null}
                  </li>
                ))}
              </ul>
            ) : null}
            {revoke.error ? <Alert tone="danger">{errorMessage(revoke.error)}</Alert> : null}
          </CardContent>
        ) : null}
      </section>
    </Card>
  );
}
