"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useId, useMemo, useRef, useState, type FormEvent, type ReactNode } from "react";
import { FormProvider, useForm, type FieldPath } from "react-hook-form";
import { Alert, Button, ButtonLink, Field, Input, Textarea, useToast } from "@/components/ui";
import { errorMessage, fieldErrors, useTRPC } from "@/components/trpc/client";
import type { TemplateDetail } from "@/server/templates/queries";
import { LIMITS, type TemplateInput } from "@/server/templates/templates.schema";
import { QuestionList } from "./question-list";
import { RubricEditor } from "./rubric-editor";
import { formValues, listError, templateResolver, type TemplateFormValues } from "./template-form";

const FIX_FIELDS = "Please correct the highlighted fields.";

/**
 * The whole template in one form: job, rubric and questions, saved together by one mutation and
 * checked before sending with the schema the mutation itself applies, so its messages appear next
 * to the fields. Without `template` it creates one; with it, it edits it (read-only once archived).
 */
export function TemplateEditor({
  template,
  onSaved,
  onDirtyChange,
}: {
  template: TemplateDetail | null;
  onSaved?: (template: TemplateDetail) => void;
  onDirtyChange?: (dirty: boolean) => void;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const { toast } = useToast();
  const base = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const published = template?.status === "PUBLISHED";
  const resolver = useMemo(() => templateResolver(published), [published]);
  const form = useForm<TemplateFormValues, unknown, TemplateInput>({
    defaultValues: formValues(template),
    resolver,
    mode: "onSubmit",
    reValidateMode: "onChange",
    // The effect below focuses instead: it also covers list-wide errors, which have no field.
    shouldFocusError: false,
  });
  const {
    register,
    handleSubmit,
    reset,
    setError,
    formState: { errors, isDirty: dirty },
  } = form;
  const [formError, setFormError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  const readOnly = template?.status === "ARCHIVED";

  useEffect(() => onDirtyChange?.(dirty), [dirty, onDirtyChange]);

  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  // After a failed save, focus goes to the first field in error, or to the summary for list-wide errors.
  useEffect(() => {
    if (!attempt) return;
    const invalid = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    (invalid ?? document.getElementById(`${base}-summary`))?.focus();
  }, [attempt, base]);

  function failed(message: string) {
    setFormError(message);
    setAttempt((n) => n + 1);
  }

  function onServerError(error: unknown) {
    // The server names fields by the same paths as the form ("questions.2.prompt").
    for (const [path, message] of Object.entries(fieldErrors(error))) setError(path as FieldPath<TemplateFormValues>, { type: "server", message });
    failed(errorMessage(error));
  }

  const create = useMutation(
    trpc.templates.create.mutationOptions({
      onSuccess: (created) => {
        toast({ title: "Template created", description: "It is a draft until you publish it.", tone: "success" });
        router.push(`/templates/${created.id}`);
      },
      onError: onServerError,
    }),
  );
  const update = useMutation(
    trpc.templates.update.mutationOptions({
      onSuccess: (saved) => {
        reset(formValues(saved));
        setFormError(null);
        onSaved?.(saved);
        toast({ title: "Changes saved", tone: "success" });
      },
      onError: onServerError,
    }),
  );

  const send = handleSubmit((input) => {
    setFormError(null);
    if (template) update.mutate({ ...input, id: template.id });
    else create.mutate(input);
  });

  // Checked once handleSubmit has published its errors (its onInvalid runs before it does), so the
  // render that moves focus already marks the fields in error.
  async function save(event: FormEvent<HTMLFormElement>) {
    await send(event);
    if (Object.keys(form.formState.errors).length) failed(FIX_FIELDS);
  }

  function discard(next: TemplateDetail) {
    reset(formValues(next));
    setFormError(null);
  }

  const pending = create.isPending || update.isPending;

  return (
    <FormProvider {...form}>
      <form ref={formRef} onSubmit={(e) => void save(e)} noValidate className="space-y-10" aria-describedby={formError ? `${base}-summary` : undefined}>
        {formError ? (
          <Alert id={`${base}-summary`} tabIndex={-1} tone="danger" className="focus:outline-none focus-visible:ring-2 focus-visible:ring-red-500">
            {formError}
          </Alert>
        ) : null}

        <Section id={`${base}-job`} title="Job" description="Candidates see the title and description before they start.">
          <fieldset disabled={readOnly} className="space-y-4">
            <legend className="sr-only">Job</legend>
            <Field label="Job title" error={errors.title?.message}>
              {(p) => <Input {...p} maxLength={LIMITS.title} {...register("title")} />}
            </Field>
            <Field label="Job description" error={errors.description?.message}>
              {(p) => <Textarea {...p} maxLength={LIMITS.description} className="min-h-32" {...register("description")} />}
            </Field>
          </fieldset>
        </Section>

        <Section
          id={`${base}-rubric`}
          title="Evaluation rubric"
          description={`Up to ${LIMITS.competencies} competencies the answers are scored on; publishing needs at least one. Weights can use any scale: each counts for its share of the total.`}
          error={listError(errors.rubric)}
        >
          <RubricEditor readOnly={readOnly} />
        </Section>

        <Section
          id={`${base}-questions`}
          title="Questions"
          description={`Up to ${LIMITS.questions}, asked in this order; publishing needs at least one. Drag a card by its grip, or use its arrow buttons, to reorder.`}
          error={listError(errors.questions)}
        >
          <QuestionList readOnly={readOnly} />
        </Section>

        {readOnly ? null : (
          <div className="sticky bottom-0 z-10 -mx-4 flex flex-wrap items-center gap-3 border-t border-slate-200 bg-white/95 px-4 py-3 backdrop-blur">
            <Button type="submit" loading={pending}>
              {template ? "Save changes" : "Create template"}
            </Button>
            {template ? (
              dirty ? (
                <Button variant="ghost" disabled={pending} onClick={() => discard(template)}>
                  Discard changes
                </Button>
              ) : null
            ) : (
              <ButtonLink href="/templates" variant="ghost">
                Cancel
              </ButtonLink>
            )}
            {template ? (
              <span className="text-sm text-slate-600" aria-live="polite">
                {dirty ? "Unsaved changes" : "All changes saved"}
              </span>
            ) : null}
          </div>
        )}
      </form>
    </FormProvider>
  );
}

function Section({ id, title, description, error, children }: { id: string; title: string; description: string; error?: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="space-y-4">
      <div className="space-y-1">
        <h2 id={id} className="text-lg font-semibold text-slate-900">
          {title}
        </h2>
        <p className="text-sm text-slate-600">{description}</p>
        {error ? (
          <p role="alert" className="text-sm font-medium text-red-600">
            {error}
          </p>
        ) : null}
      </div>
      {children}
    </section>
  );
}
