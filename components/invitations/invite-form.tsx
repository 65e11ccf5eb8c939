"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMemo, useState } from "react";
import { useForm, useWatch, type FieldPath, type Resolver } from "react-hook-form";
import { allMessages, requiredNumber } from "@/components/forms/field-values";
import { Alert, Button, ButtonLink, Card, CardContent, Field, Input, Select, Tabs, Textarea } from "@/components/ui";
import { errorMessage, fieldErrors, useTRPC } from "@/components/trpc/client";
import { MAX_EXTRA_RETAKES, MAX_EXTRA_TIME_PCT, type AccommodationsFields } from "@/server/invitations/accommodations.schema";
import {
  createInvitationsInput,
  DEFAULT_EXPIRY_DAYS,
  MAX_EXPIRY_DAYS,
  MAX_MESSAGE_CHARS,
  MIN_EXPIRY_DAYS,
  NO_ACCOMMODATIONS,
} from "@/server/invitations/invitations.schema";
import { MAX_BATCH, parseCandidateList } from "@/server/invitations/parse";
import type { SettingsOverrideForm } from "@/server/templates/settings.schema";
import { formatDate } from "@/components/format";
import { InviteResult, type InviteOutcome } from "./invite-result";
import { SettingsOverrideFields } from "./settings-override-fields";

export type TemplateOption = { id: string; title: string; questionCount: number };

type Mode = "one" | "list";

/**
 * Both ways of adding candidates are kept while HR switches between them: the schema's
 * discriminated union reads the fields of the chosen mode and ignores the others.
 */
export type InviteFormValues = {
  templateId: string;
  candidates: { mode: Mode; name: string; email: string; text: string };
  expiresInDays: number;
  message: string;
  accommodations: AccommodationsFields;
  settings: SettingsOverrideForm;
};

const DAY_MS = 24 * 60 * 60 * 1000;
const LIST_PLACEHOLDER = "Ada Lovelace, ada@example.com\nGrace Hopper, grace@example.com";

// The procedure's own schema. `raw` hands the values to the mutation as typed, for the server to
// parse the same way; the cast widens the schema's input union to the form's both-modes values.
const resolver = zodResolver(createInvitationsInput, undefined, { raw: true }) as unknown as Resolver<InviteFormValues, unknown, InviteFormValues>;

export function InviteForm({ templates, initialTemplateId }: { templates: TemplateOption[]; initialTemplateId?: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const {
    control,
    register,
    handleSubmit,
    getValues,
    setValue,
    setError,
    reset: resetForm,
    formState: { errors },
  } = useForm<InviteFormValues, unknown, InviteFormValues>({
    defaultValues: {
      templateId: templates.some((t) => t.id === initialTemplateId) ? initialTemplateId! : templates.length === 1 ? templates[0]!.id : "",
      candidates: { mode: "one", name: "", email: "", text: "" },
      expiresInDays: DEFAULT_EXPIRY_DAYS,
      message: "",
      accommodations: NO_ACCOMMODATIONS,
      settings: {},
    },
    resolver,
    // Every bad line of a pasted list is listed, not only the first.
    criteriaMode: "all",
  });
  const [outcome, setOutcome] = useState<InviteOutcome | null>(null);
  const [mode, text, days, message] = useWatch({ control, name: ["candidates.mode", "candidates.text", "expiresInDays", "message"] });

  // Parsed as the person types, so the count and the bad lines show before anything is sent.
  const preview = useMemo(() => (mode === "list" && text.trim() ? parseCandidateList(text) : null), [mode, text]);
  // When the form opened: "valid until" previews count from here, close enough to the send and stable across renders.
  const [openedAt] = useState(() => Date.now());
  const expiryPreview = Number.isInteger(days) && days >= MIN_EXPIRY_DAYS && days <= MAX_EXPIRY_DAYS ? formatDate(new Date(openedAt + days * DAY_MS)) : null;

  const create = useMutation(
    trpc.invitations.create.mutationOptions({
      onSuccess: (result) => {
        setOutcome({ ...result, templateTitle: templates.find((t) => t.id === getValues("templateId"))?.title ?? "" });
        void queryClient.invalidateQueries({ queryKey: trpc.invitations.list.infiniteQueryKey() });
      },
      onError: (e) => {
        for (const [path, problem] of Object.entries(fieldErrors(e))) setError(path as FieldPath<InviteFormValues>, { type: "server", message: problem });
      },
    }),
  );

  // Nothing is sent while a line is wrong: the same schema as the server decides.
  const onSubmit = handleSubmit((values) => create.mutate(values));

  function reset() {
    setOutcome(null);
    resetForm({ ...getValues(), candidates: { mode: getValues("candidates.mode"), name: "", email: "", text: "" } });
    create.reset();
  }

  if (outcome) return <InviteResult outcome={outcome} onInviteMore={reset} />;

  const lineErrors = allMessages(errors.candidates?.text);
  const hasErrors = Object.keys(errors).length > 0;

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate className="space-y-6">
      <Card>
        <CardContent className="space-y-6 pt-5">
          <Field label="Interview template" error={errors.templateId?.message}>
            {(props) => (
              <Select {...props} {...register("templateId")}>
                <option value="">Choose a published template</option>
                {templates.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.title} ({t.questionCount} question{t.questionCount === 1 ? "" : "s"})
                  </option>
                ))}
              </Select>
            )}
          </Field>

          <div className="space-y-2">
            <p className="text-sm font-medium text-slate-900">Candidates</p>
            <Tabs
              label="How to add candidates"
              tabs={[
                { value: "one", label: "One candidate" },
                { value: "list", label: "Paste a list" },
              ]}
              value={mode}
              onValueChange={(next) => setValue("candidates.mode", next)}
            >
              {mode === "one" ? (
                <div className="grid gap-4 sm:grid-cols-2">
                  <Field label="Name" error={errors.candidates?.name?.message}>
                    {(props) => <Input {...props} autoComplete="off" {...register("candidates.name")} />}
                  </Field>
                  <Field label="Email" error={errors.candidates?.email?.message}>
                    {(props) => <Input {...props} type="email" inputMode="email" autoComplete="off" {...register("candidates.email")} />}
                  </Field>
                </div>
              ) : (
                <div className="space-y-3">
                  <Field
                    label={`One candidate per line: name, email (up to ${MAX_BATCH})`}
                    description={
                      preview
                        ? `${preview.candidates.length} candidate${preview.candidates.length === 1 ? "" : "s"} ready` +
                          (preview.duplicates.length
                            ? `; ${preview.duplicates.length} repeated email${preview.duplicates.length === 1 ? "" : "s"} will be invited once`
                            : "")
                        : "Paste from a spreadsheet or an email; commas, tabs and semicolons all work."
                    }
                    error={lineErrors.length ? `${lineErrors.length} line${lineErrors.length === 1 ? "" : "s"} to fix, listed below` : undefined}
                  >
                    {(props) => (
                      <Textarea {...props} rows={8} placeholder={LIST_PLACEHOLDER} spellCheck={false} className="font-mono" {...register("candidates.text")} />
                    )}
                  </Field>
                  {lineErrors.length ? (
                    <Alert tone="danger" title="Nothing was sent. Fix these lines:">
                      <ul className="mt-1 list-disc space-y-0.5 pl-5">
                        {lineErrors.map((m) => (
                          <li key={m}>{m}</li>
                        ))}
                      </ul>
                    </Alert>
                  ) : null}
                </div>
              )}
            </Tabs>
          </div>

          <Field
            label="Days the link stays valid"
            description={expiryPreview ? `Until ${expiryPreview}` : `${MIN_EXPIRY_DAYS} to ${MAX_EXPIRY_DAYS} days`}
            error={errors.expiresInDays?.message}
          >
            {(props) => (
              <div className="w-28">
                <Input
                  {...props}
                  type="number"
                  inputMode="numeric"
                  min={MIN_EXPIRY_DAYS}
                  max={MAX_EXPIRY_DAYS}
                  {...register("expiresInDays", { setValueAs: requiredNumber })}
                />
              </div>
            )}
          </Field>

          <Field
            label="Personal message (optional)"
            description={`${message.trim().length} of ${MAX_MESSAGE_CHARS} characters; shown in the email above the link`}
            error={errors.message?.message}
          >
            {(props) => <Textarea {...props} rows={4} {...register("message")} />}
          </Field>

          <details className="group rounded-md border border-slate-200 p-3" open={Boolean(errors.accommodations)}>
            <summary className="cursor-pointer text-sm font-medium text-slate-900">Accommodations (optional)</summary>
            <div className="mt-3 space-y-3">
              <p className="text-sm text-slate-600">
                Extra time and retakes on every question, for {mode === "list" ? "every candidate in this list" : "this candidate"}. They are stated on the
                candidate&apos;s consent screen and can be changed later on the interview&apos;s page.
              </p>
              <div className="grid gap-4 sm:grid-cols-3">
                {(
                  [
                    ["extraThinkPct", "Extra think time (%)", MAX_EXTRA_TIME_PCT],
                    ["extraAnswerPct", "Extra answer time (%)", MAX_EXTRA_TIME_PCT],
                    ["extraRetakes", "Extra retakes", MAX_EXTRA_RETAKES],
                  ] as const
                ).map(([name, label, max]) => (
                  <Field key={name} label={label} description={`0 to ${max}`} error={errors.accommodations?.[name]?.message}>
                    {(props) => (
                      <Input
                        {...props}
                        type="number"
                        inputMode="numeric"
                        min={0}
                        max={max}
                        {...register(`accommodations.${name}`, { setValueAs: requiredNumber })}
                      />
                    )}
                  </Field>
                ))}
              </div>
            </div>
          </details>
          <SettingsOverrideFields register={register} errors={errors.settings} scope={mode === "list" ? "every candidate in this list" : "this candidate"} />
        </CardContent>
      </Card>

      {create.error && !hasErrors ? <Alert tone="danger">{errorMessage(create.error)}</Alert> : null}
      <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
        <ButtonLink href="/invitations" variant="ghost">
          Back to invitations
        </ButtonLink>
        <Button type="submit" loading={create.isPending}>
          {mode === "list" && preview?.candidates.length
            ? `Send ${preview.candidates.length} invitation${preview.candidates.length === 1 ? "" : "s"}`
            : "Send invitation"}
        </Button>
      </div>
    </form>
  );
}
