"use client";

import { useEffect, useId, useRef, useState } from "react";
import { useFieldArray, useFormContext, useWatch } from "react-hook-form";
import { requiredNumber } from "@/components/forms/field-values";
import { Button, Field, Input, Textarea } from "@/components/ui";
import { LIMITS, weightShares } from "@/server/templates/templates.schema";
import { emptyCompetency, type TemplateFormValues } from "./template-form";

/** Competencies with free-form weights; each one's share of the total is shown next to it. */
export function RubricEditor({ readOnly }: { readOnly: boolean }) {
  const base = useId();
  const {
    control,
    register,
    getValues,
    formState: { errors },
  } = useFormContext<TemplateFormValues>();
  const { fields, append, remove } = useFieldArray({ control, name: "rubric" });
  const weights = useWatch({ control, name: "rubric" }).map((c) => Number(c?.weight));
  const [announcement, setAnnouncement] = useState("");
  const shares = weightShares(weights);
  const full = fields.length >= LIMITS.competencies;
  // After a removal the add button may only just have become enabled, so focus waits for the render.
  const focusAdd = useRef(false);
  useEffect(() => {
    if (!focusAdd.current) return;
    focusAdd.current = false;
    document.getElementById(`${base}-add`)?.focus();
  }, [fields, base]);

  function removeAt(index: number) {
    const name = getValues(`rubric.${index}.competency`) ?? "";
    remove(index);
    setAnnouncement(`${name.trim() || `Competency ${index + 1}`} removed.`);
    focusAdd.current = true;
  }

  return (
    <div className="space-y-4">
      <p aria-live="polite" role="status" className="sr-only">
        {announcement}
      </p>
      {fields.length ? (
        <ul className="space-y-4">
          {fields.map((field, index) => {
            const error = errors.rubric?.[index];
            const number = index + 1;
            return (
              <li key={field.id} className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-5">
                <fieldset disabled={readOnly} className="space-y-4">
                  <legend className="font-semibold text-slate-900">Competency {number}</legend>
                  <div className="grid gap-4 sm:grid-cols-[minmax(0,1fr)_10rem]">
                    <Field label="Name" error={error?.competency?.message}>
                      {(p) => <Input {...p} maxLength={LIMITS.competency} {...register(`rubric.${index}.competency`)} />}
                    </Field>
                    <Field label="Weight" description={`${shares[index] ?? 0}% of the score`} error={error?.weight?.message}>
                      {(p) => (
                        <Input
                          {...p}
                          type="number"
                          inputMode="decimal"
                          min={0}
                          max={LIMITS.weight}
                          step="any"
                          {...register(`rubric.${index}.weight`, { setValueAs: requiredNumber })}
                        />
                      )}
                    </Field>
                  </div>
                  <Field label="What it looks for" error={error?.looksFor?.message}>
                    {(p) => <Textarea {...p} maxLength={LIMITS.looksFor} className="min-h-16" {...register(`rubric.${index}.looksFor`)} />}
                  </Field>
                  {readOnly ? null : (
                    <div className="flex justify-end">
                      <Button size="sm" variant="ghost" className="text-red-700" aria-label={`Remove competency ${number}`} onClick={() => removeAt(index)}>
                        Remove
                      </Button>
                    </div>
                  )}
                </fieldset>
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="rounded-xl border border-dashed border-slate-300 bg-white px-4 py-6 text-center text-sm text-slate-600">No competencies yet.</p>
      )}
      {readOnly ? null : (
        <div className="flex flex-wrap items-center gap-3">
          <Button
            id={`${base}-add`}
            variant="outline"
            disabled={full}
            onClick={() => {
              append(emptyCompetency(), { shouldFocus: false });
              setAnnouncement(`Competency ${fields.length + 1} added.`);
            }}
          >
            Add competency
          </Button>
          <span className="text-sm text-slate-600">
            {fields.length} of {LIMITS.competencies} competencies
          </span>
        </div>
      )}
    </div>
  );
}
