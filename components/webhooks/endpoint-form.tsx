"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId } from "react";
import { useForm, type FieldPath } from "react-hook-form";
import { Alert, Button, Field, Input } from "@/components/ui";
import { errorMessage, fieldErrors, useTRPC } from "@/components/trpc/client";
import { WEBHOOK_EVENT_LABELS, WEBHOOK_EVENT_TYPES } from "@/server/webhooks/catalog";
import { createEndpointInput, type CreateEndpointValues } from "@/server/webhooks/webhooks.schema";

const resolver = zodResolver(createEndpointInput);
const blank: CreateEndpointValues = { url: "", description: "", events: [] };

type Existing = { id: string; url: string; description: string; events: string[] };
type Props =
  | { endpoint?: undefined; onCreated: (secret: string, url: string) => void; onSaved?: undefined }
  | { endpoint: Existing; onSaved: () => void; onCreated?: undefined };

/**
 * Registers an endpoint (the parent shows the signing secret the answer carries, once) or edits
 * one: the same fields and schema, the endpoint's id added on save; its secret does not change.
 */
export function EndpointForm({ endpoint, onCreated, onSaved }: Props) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const eventsErrorId = useId();
  const initial: CreateEndpointValues = endpoint
    ? { url: endpoint.url, description: endpoint.description, events: endpoint.events as CreateEndpointValues["events"] }
    : blank;
  const {
    register,
    handleSubmit,
    reset,
    setError,
    formState: { errors },
  } = useForm({ defaultValues: initial, resolver });
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.webhooks.list.queryKey() });
  const onError = (e: Parameters<typeof fieldErrors>[0]) => {
    for (const [path, message] of Object.entries(fieldErrors(e))) setError(path as FieldPath<CreateEndpointValues>, { type: "server", message });
  };
  const create = useMutation(
    trpc.webhooks.create.mutationOptions({
      onSuccess: async (r) => {
        reset(blank);
        onCreated?.(r.secret, r.endpoint.url);
        await refresh();
      },
      onError,
    }),
  );
  const update = useMutation(
    trpc.webhooks.update.mutationOptions({
      onSuccess: async () => {
        onSaved?.();
        await refresh();
      },
      onError,
    }),
  );
  const mutation = endpoint ? update : create;
  const serverError = mutation.error && Object.keys(fieldErrors(mutation.error)).length === 0 ? errorMessage(mutation.error) : null;
  const onSubmit = handleSubmit((input) => (endpoint ? update.mutate({ ...input, endpointId: endpoint.id }) : create.mutate(input)));

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate className="space-y-4">
      <Field label="URL" description="HTTPS, on a public address. Each event is POSTed here as JSON." error={errors.url?.message} required>
        {(props) => <Input {...props} type="url" inputMode="url" placeholder="https://hooks.example.com/interviews" {...register("url")} />}
      </Field>
      <Field label="Description" description="What receives these events, for your team." error={errors.description?.message}>
        {(props) => <Input {...props} maxLength={250} {...register("description")} />}
      </Field>
      <fieldset className="space-y-2" aria-describedby={errors.events ? eventsErrorId : undefined}>
        <legend className="text-sm font-medium text-slate-900">Events</legend>
        <div className="grid gap-2 sm:grid-cols-2">
          {WEBHOOK_EVENT_TYPES.map((type) => (
            <label key={type} className="flex items-start gap-2 text-sm">
              <input type="checkbox" value={type} className="mt-0.5 size-4 accent-indigo-600" {...register("events")} />
              <span>
                {WEBHOOK_EVENT_LABELS[type]} <code className="text-xs text-slate-500">{type}</code>
              </span>
            </label>
          ))}
        </div>
        {errors.events ? (
          <p id={eventsErrorId} role="alert" className="text-sm text-red-600">
            {errors.events.message ?? errors.events.root?.message}
          </p>
        ) : null}
      </fieldset>
      {serverError ? <Alert tone="danger">{serverError}</Alert> : null}
      <Button type="submit" loading={mutation.isPending}>
        {endpoint ? "Save endpoint" : "Add endpoint"}
      </Button>
    </form>
  );
}
