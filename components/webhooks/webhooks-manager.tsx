"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Alert, Badge, Button, Card, CardContent, CardDescription, CardHeader, CardTitle, Dialog, EmptyState, Spinner, useToast } from "@/components/ui";
import { formatDateTime } from "@/components/format";
import { errorMessage, useTRPC } from "@/components/trpc/client";
import { EndpointForm } from "./endpoint-form";
import { DeliveryLog } from "./delivery-log";

type Secret = { url: string; secret: string; rotated: boolean };

/** The signing secret, shown once after it is made: it cannot be read again. */
function SecretNotice({ shown, onDone }: { shown: Secret; onDone: () => void }) {
  return (
    <Alert tone="success" title={shown.rotated ? "New signing secret" : "Endpoint added"}>
      <p>
        The signing secret of {shown.url} is shown this once: store it with your receiver now.
        {shown.rotated ? " The previous secret also signs for the next 24 hours." : ""}
      </p>
      <code data-testid="webhook-secret" className="mt-2 block rounded bg-white p-2 text-sm break-all">
        {shown.secret}
      </code>
      <Button className="mt-2" size="sm" variant="outline" onClick={onDone}>
        I have stored it
      </Button>
    </Alert>
  );
}

export function WebhooksManager() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { toast } = useToast();
  const endpoints = useQuery(trpc.webhooks.list.queryOptions());
  const [secret, setSecret] = useState<Secret | null>(null);
  const [openLog, setOpenLog] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<{ id: string; url: string } | null>(null);
  const [editing, setEditing] = useState<{ id: string; url: string; description: string; events: string[] } | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.webhooks.pathKey() });
  const failed = (title: string) => (e: Parameters<typeof errorMessage>[0]) => toast({ title, description: errorMessage(e), tone: "danger" });

  const sendTest = useMutation(
    trpc.webhooks.sendTest.mutationOptions({
      onSuccess: async (_r, vars) => {
        toast({ title: "Test event queued", description: "It appears in the delivery log with its attempts." });
        setOpenLog(vars.endpointId);
        await refresh();
      },
      onError: failed("Test event not sent"),
    }),
  );
  const rotate = useMutation(
    trpc.webhooks.rotateSecret.mutationOptions({
      onSuccess: async (r) => {
        setSecret({ url: r.endpoint.url, secret: r.secret, rotated: true });
        await refresh();
      },
      onError: failed("Secret not rotated"),
    }),
  );
  const enable = useMutation(
    trpc.webhooks.enable.mutationOptions({
      onSuccess: async () => {
        toast({ title: "Endpoint enabled" });
        await refresh();
      },
      onError: failed("Not enabled"),
    }),
  );
  const remove = useMutation(
    trpc.webhooks.delete.mutationOptions({
      onSuccess: async () => {
        setDeleting(null);
        toast({ title: "Endpoint deleted" });
        await refresh();
      },
      onError: failed("Not deleted"),
    }),
  );

  return (
    <div className="space-y-6">
      {secret ? <SecretNotice shown={secret} onDone={() => setSecret(null)} /> : null}
      <Card>
        <CardHeader>
          <CardTitle>Add an endpoint</CardTitle>
          <CardDescription>Every message is signed the Standard Webhooks way; README&apos;s Webhooks section shows how to verify it.</CardDescription>
        </CardHeader>
        <CardContent>
          <EndpointForm onCreated={(s, url) => setSecret({ secret: s, url, rotated: false })} />
        </CardContent>
      </Card>

      <section aria-labelledby="endpoints-heading" className="space-y-3">
        <h2 id="endpoints-heading" className="text-lg font-semibold">
          Endpoints
        </h2>
        {endpoints.isPending ? <Spinner label="Loading endpoints" /> : null}
        {endpoints.error ? <Alert tone="danger">{errorMessage(endpoints.error)}</Alert> : null}
        {endpoints.data?.length === 0 ? <EmptyState title="No endpoints yet" description="Add one above to receive events." /> : null}
        {endpoints.data?.map((e) => (
          <Card key={e.id}>
            <CardHeader>
              <CardTitle className="flex flex-wrap items-center gap-2 text-base break-all">
                {e.url}
                {e.active ? <Badge tone="success">active</Badge> : <Badge tone="danger">disabled</Badge>}
                {e.active && e.failingSince ? <Badge tone="warning">failing since {formatDateTime(new Date(e.failingSince))}</Badge> : null}
              </CardTitle>
              <CardDescription>{e.description || "No description."}</CardDescription>
            </CardHeader>
            <CardContent className="space-y-3">
              <p className="flex flex-wrap gap-1" aria-label="Events">
                {e.events.map((type) => (
                  <Badge key={type}>{type}</Badge>
                ))}
              </p>
              {!e.active && e.disabledReason ? <Alert tone="warning">Disabled: {e.disabledReason}</Alert> : null}
              {e.previousSecretExpiresAt && new Date(e.previousSecretExpiresAt) > new Date() ? (
                <p className="text-xs text-slate-600">The previous secret also signs until {formatDateTime(new Date(e.previousSecretExpiresAt))}.</p>
              ) : null}
              <div className="flex flex-wrap gap-2">
                <Button size="sm" variant="outline" aria-expanded={openLog === e.id} onClick={() => setOpenLog(openLog === e.id ? null : e.id)}>
                  {openLog === e.id ? "Hide delivery log" : "Delivery log"}
                </Button>
                <Button
                  size="sm"
                  variant="outline"
                  disabled={!e.active}
                  loading={sendTest.isPending && sendTest.variables?.endpointId === e.id}
                  onClick={() => sendTest.mutate({ endpointId: e.id })}
                >
                  Send test event
                </Button>
                <Button
                  size="sm"
                  variant="outline"
                  loading={rotate.isPending && rotate.variables?.endpointId === e.id}
                  onClick={() => rotate.mutate({ endpointId: e.id })}
                >
                  Rotate secret
                </Button>
                {!e.active ? (
                  <Button size="sm" loading={enable.isPending && enable.variables?.endpointId === e.id} onClick={() => enable.mutate({ endpointId: e.id })}>
                    Enable
                  </Button>
                ) : null}
                <Button size="sm" variant="outline" onClick={() => setEditing(e)}>
                  Edit
                </Button>
                <Button size="sm" variant="ghost" onClick={() => setDeleting({ id: e.id, url: e.url })}>
                  Delete
                </Button>
              </div>
              {openLog === e.id ? <DeliveryLog endpointId={e.id} active={e.active} /> : null}
            </CardContent>
          </Card>
        ))}
      </section>

      <Dialog
        open={editing !== null}
        onOpenChange={(next) => !next && setEditing(null)}
        title="Edit endpoint"
        description="The signing secret stays the same; deliveries still being retried go to the new URL."
      >
        {editing ? (
          <EndpointForm
            key={editing.id}
            endpoint={editing}
            onSaved={() => {
              setEditing(null);
              toast({ title: "Endpoint saved" });
            }}
          />
        ) : null}
      </Dialog>

      <Dialog
        open={deleting !== null}
        onOpenChange={(next) => !remove.isPending && !next && setDeleting(null)}
        role="alertdialog"
        title="Delete this endpoint?"
        description={deleting ? `${deleting.url} stops receiving events, and its delivery log is deleted.` : undefined}
      >
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <Button variant="ghost" onClick={() => setDeleting(null)} disabled={remove.isPending}>
            Cancel
          </Button>
          <Button variant="destructive" loading={remove.isPending} onClick={() => deleting && remove.mutate({ endpointId: deleting.id })}>
            Delete endpoint
          </Button>
        </div>
      </Dialog>
    </div>
  );
}
