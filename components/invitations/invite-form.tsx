"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useMemo, useState, type FormEvent } from "react";
import { Alert, Button, ButtonLink, Card, CardContent, Field, Input, Select, Tabs, Textarea } from "@/components/ui";
import { errorMessage, fieldErrors, useTRPC } from "@/components/trpc/client";
import {
  createInvitationsInput,
  DEFAULT_EXPIRY_DAYS,
  MAX_EXPIRY_DAYS,
  MAX_MESSAGE_CHARS,
  MIN_EXPIRY_DAYS,
  type CreateInvitationsForm,
} from "@/server/invitations/invitations.schema";
import { MAX_BATCH, parseCandidateList } from "@/server/invitations/parse";
import { formatDate } from "@/components/format";
import { InviteResult, type InviteOutcome } from "./invite-result";

export type TemplateOption = { id: string; title: string; questionCount: number };

type Mode = "one" | "list";
type Errors = Record<string, string[]>;

const DAY_MS = 24 * 60 * 60 * 1000;
const LIST_PLACEHOLDER = "Ada Lovelace, ada@example.com\nGrace Hopper, grace@example.com";

function collect(issues: { path: PropertyKey[]; message: string }[]): Errors {
  const out: Errors = {};
  for (const issue of issues) (out[issue.path.map(String).join(".")] ??= []).push(issue.message);
  return out;
}

export function InviteForm({ templates, initialTemplateId }: { templates: TemplateOption[]; initialTemplateId?: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [templateId, setTemplateId] = useState(
    templates.some((t) => t.id === initialTemplateId) ? initialTemplateId! : templates.length === 1 ? templates[0]!.id : "",
  );
  const [mode, setMode] = useState<Mode>("one");
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [text, setText] = useState("");
  const [days, setDays] = useState(String(DEFAULT_EXPIRY_DAYS));
  const [message, setMessage] = useState("");
  const [errors, setErrors] = useState<Errors>({});
  const [outcome, setOutcome] = useState<InviteOutcome | null>(null);

  // Parsed as the person types, so the count and the bad lines show before anything is sent.
  const preview = useMemo(() => (mode === "list" && text.trim() ? parseCandidateList(text) : null), [mode, text]);
  // When the form opened: "valid until" previews count from here, close enough to the send and stable across renders.
  const [openedAt] = useState(() => Date.now());
  const dayCount = Number(days);
  const expiryPreview =
    Number.isInteger(dayCount) && dayCount >= MIN_EXPIRY_DAYS && dayCount <= MAX_EXPIRY_DAYS ? formatDate(new Date(openedAt + dayCount * DAY_MS)) : null;

  const create = useMutation(
    trpc.invitations.create.mutationOptions({
      onSuccess: (result) => {
        setOutcome({ ...result, templateTitle: templates.find((t) => t.id === templateId)?.title ?? "" });
        void queryClient.invalidateQueries({ queryKey: trpc.invitations.list.infiniteQueryKey() });
      },
      onError: (e) => setErrors(Object.fromEntries(Object.entries(fieldErrors(e)).map(([k, v]) => [k, [v]]))),
    }),
  );

  function input(): CreateInvitationsForm {
    return {
      templateId,
      candidates: mode === "one" ? { mode, name, email } : { mode, text },
      expiresInDays: days.trim() === "" ? Number.NaN : Number(days),
      message,
    };
  }

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    const values = input();
    // The schema the server applies, so the messages match and nothing is sent while a line is wrong.
    const parsed = createInvitationsInput.safeParse(values);
    if (!parsed.success) return setErrors(collect(parsed.error.issues));
    setErrors({});
    create.mutate(values);
  }

  function reset() {
    setOutcome(null);
    setName("");
    setEmail("");
    setText("");
    setErrors({});
    create.reset();
  }

  if (outcome) return <InviteResult outcome={outcome} onInviteMore={reset} />;

  const first = (key: string) => errors[key]?.[0];
  const lineErrors = errors["candidates.text"] ?? [];

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6">
      <Card>
        <CardContent className="space-y-6 pt-5">
          <Field label="Interview template" error={first("templateId")}>
            {(props) => (
              <Select {...props} value={templateId} onChange={(e) => setTemplateId(e.target.value)}>
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
              onValueChange={setMode}
            >
              {mode === "one" ? (
                <div className="grid gap-4 sm:grid-cols-2">
                  <Field label="Name" error={first("candidates.name")}>
                    {(props) => <Input {...props} value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" />}
                  </Field>
                  <Field label="Email" error={first("candidates.email")}>
                    {(props) => <Input {...props} type="email" inputMode="email" value={email} onChange={(e) => setEmail(e.target.value)} autoComplete="off" />}
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
                      <Textarea
                        {...props}
                        rows={8}
                        value={text}
                        onChange={(e) => setText(e.target.value)}
                        placeholder={LIST_PLACEHOLDER}
                        spellCheck={false}
                        className="font-mono"
                      />
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
            error={first("expiresInDays")}
          >
            {(props) => (
              <div className="w-28">
                <Input
                  {...props}
                  type="number"
                  inputMode="numeric"
                  min={MIN_EXPIRY_DAYS}
                  max={MAX_EXPIRY_DAYS}
                  value={days}
                  onChange={(e) => setDays(e.target.value)}
                />
              </div>
            )}
          </Field>

          <Field
            label="Personal message (optional)"
            description={`${message.trim().length} of ${MAX_MESSAGE_CHARS} characters; shown in the email above the link`}
            error={first("message")}
          >
            {(props) => <Textarea {...props} rows={4} value={message} onChange={(e) => setMessage(e.target.value)} />}
          </Field>
        </CardContent>
      </Card>

      {create.error && !Object.keys(errors).length ? <Alert tone="danger">{errorMessage(create.error)}</Alert> : null}
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
