"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useId, useMemo, useRef, useState, type FormEvent, type ReactNode } from "react";
import { Alert, Button, ButtonLink, Field, Input, Textarea, useToast } from "@/components/ui";
import { errorMessage, fieldErrors, useTRPC } from "@/components/trpc/client";
import type { TemplateDetail } from "@/server/templates/queries";
import { LIMITS, publishBlockers } from "@/server/templates/templates.schema";
import { draftFromTemplate, keyErrors, toInput, validateDraft, type CompetencyDraft, type DraftErrors, type QuestionDraft, type TemplateDraft } from "./editor-state";
import { QuestionList } from "./question-list";
import { RubricEditor } from "./rubric-editor";

const FIX_FIELDS = "Please correct the highlighted fields.";

/**
 * The whole template in one form: job, rubric and questions, saved together by one mutation.
 * Without `template` it creates one; with it, it edits it (read-only once archived).
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
  const form = useRef<HTMLFormElement>(null);
  const [draft, setDraft] = useState<TemplateDraft>(() => draftFromTemplate(template));
  const [baseline, setBaseline] = useState(() => JSON.stringify(toInput(draft)));
  const [errors, setErrors] = useState<DraftErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const submitted = useRef<TemplateDraft>(draft);

  const readOnly = template?.status === "ARCHIVED";
  const dirty = useMemo(() => JSON.stringify(toInput(draft)) !== baseline, [draft, baseline]);

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
    const invalid = form.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    (invalid ?? document.getElementById(`${base}-summary`))?.focus();
  }, [attempt, base]);

  function reset(next: TemplateDetail) {
    const fresh = draftFromTemplate(next);
    setDraft(fresh);
    setBaseline(JSON.stringify(toInput(fresh)));
    setErrors({});
    setFormError(null);
  }

  function showErrors(next: DraftErrors, message: string) {
    setErrors(next);
    setFormError(message);
    setAttempt((n) => n + 1);
  }

  const onError = (error: unknown) => showErrors(keyErrors(fieldErrors(error), submitted.current), errorMessage(error));
  const create = useMutation(
    trpc.templates.create.mutationOptions({
      onSuccess: (created) => {
        toast({ title: "Template created", description: "It is a draft until you publish it.", tone: "success" });
        router.push(`/templates/${created.id}`);
      },
      onError,
    }),
  );
  const update = useMutation(
    trpc.templates.update.mutationOptions({
      onSuccess: (saved) => {
        reset(saved);
        onSaved?.(saved);
        toast({ title: "Changes saved", tone: "success" });
      },
      onError,
    }),
  );

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    const input = toInput(draft);
    const problems = { ...validateDraft(draft), ...(template?.status === "PUBLISHED" ? publishBlockers(input) : {}) };
    if (Object.keys(problems).length) return showErrors(problems, FIX_FIELDS);
    setErrors({});
    setFormError(null);
    submitted.current = draft;
    if (template) update.mutate({ ...input, id: template.id });
    else create.mutate(input);
  }

  function clear(...keys: string[]) {
    if (!keys.some((k) => k in errors)) return;
    setErrors((all) => Object.fromEntries(Object.entries(all).filter(([k]) => !keys.includes(k))));
  }

  function editQuestion(key: string, patch: Partial<QuestionDraft>) {
    setDraft((d) => ({ ...d, questions: d.questions.map((q) => (q.key === key ? { ...q, ...patch } : q)) }));
    clear(...Object.keys(patch).map((f) => `questions.${key}.${f}`), ...("type" in patch ? ["timeLimitSec", "thinkTimeSec", "retakes", "maxChars"].map((f) => `questions.${key}.${f}`) : []));
  }

  function editCompetency(key: string, patch: Partial<CompetencyDraft>) {
    setDraft((d) => ({ ...d, rubric: d.rubric.map((c) => (c.key === key ? { ...c, ...patch } : c)) }));
    clear(...Object.keys(patch).map((f) => `rubric.${key}.${f}`));
  }

  const pending = create.isPending || update.isPending;

  return (
    <form ref={form} onSubmit={onSubmit} noValidate className="space-y-10" aria-describedby={formError ? `${base}-summary` : undefined}>
      {formError ? (
        <Alert id={`${base}-summary`} tabIndex={-1} tone="danger" className="focus:outline-none focus-visible:ring-2 focus-visible:ring-red-500">
          {formError}
        </Alert>
      ) : null}

      <Section id={`${base}-job`} title="Job" description="Candidates see the title and description before they start.">
        <fieldset disabled={readOnly} className="space-y-4">
          <legend className="sr-only">Job</legend>
          <Field label="Job title" error={errors.title}>
            {(p) => (
              <Input
                {...p}
                value={draft.title}
                maxLength={LIMITS.title}
                onChange={(e) => {
                  setDraft((d) => ({ ...d, title: e.target.value }));
                  clear("title");
                }}
              />
            )}
          </Field>
          <Field label="Job description" error={errors.description}>
            {(p) => (
              <Textarea
                {...p}
                value={draft.description}
                maxLength={LIMITS.description}
                onChange={(e) => {
                  setDraft((d) => ({ ...d, description: e.target.value }));
                  clear("description");
                }}
                className="min-h-32"
              />
            )}
          </Field>
        </fieldset>
      </Section>

      <Section
        id={`${base}-rubric`}
        title="Evaluation rubric"
        description={`Up to ${LIMITS.competencies} competencies the answers are scored on; publishing needs at least one. Weights can use any scale: each counts for its share of the total.`}
        error={errors.rubric}
      >
        <RubricEditor
          rubric={draft.rubric}
          errors={errors}
          readOnly={readOnly}
          onChange={(rubric) => {
            setDraft((d) => ({ ...d, rubric }));
            clear("rubric");
          }}
          onEdit={editCompetency}
        />
      </Section>

      <Section
        id={`${base}-questions`}
        title="Questions"
        description={`Up to ${LIMITS.questions}, asked in this order; publishing needs at least one. Drag a card by its grip, or use its arrow buttons, to reorder.`}
        error={errors.questions}
      >
        <QuestionList
          questions={draft.questions}
          errors={errors}
          readOnly={readOnly}
          onChange={(questions) => {
            setDraft((d) => ({ ...d, questions }));
            clear("questions");
          }}
          onEdit={editQuestion}
        />
      </Section>

      {readOnly ? null : (
        <div className="sticky bottom-0 z-10 -mx-4 flex flex-wrap items-center gap-3 border-t border-slate-200 bg-white/95 px-4 py-3 backdrop-blur">
          <Button type="submit" loading={pending}>
            {template ? "Save changes" : "Create template"}
          </Button>
          {template ? (
            dirty ? (
              <Button variant="ghost" disabled={pending} onClick={() => reset(template)}>
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
