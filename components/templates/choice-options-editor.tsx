"use client";

import { useFieldArray, useFormContext } from "react-hook-form";
import { Button, Input } from "@/components/ui";
import { LIMITS } from "@/server/templates/templates.schema";
import type { TemplateFormValues } from "./template-form";

/**
 * A multiple-choice question's options: their words, which are correct (one makes a one-answer
 * question, several let the candidate choose several), and whether the answer is scored by this key.
 */
export function ChoiceOptionsEditor({ index, number }: { index: number; number: number }) {
  const {
    control,
    register,
    formState: { errors },
  } = useFormContext<TemplateFormValues>();
  const { fields, append, remove } = useFieldArray({ control, name: `questions.${index}.options` as const });
  const error = errors.questions?.[index]?.options;
  const listMessage = error?.message ?? error?.root?.message;
  const { min, max } = LIMITS.options;
  return (
    <fieldset className="space-y-2" aria-describedby={`question-${index}-options-help`}>
      <legend className="text-sm font-medium text-slate-700">Options</legend>
      <p id={`question-${index}-options-help`} className="text-xs text-slate-500">
        {min}–{max} options, shown to each candidate in their own order. Tick the correct ones: with several, the candidate may choose several.
      </p>
      <ul className="space-y-2">
        {fields.map((field, i) => {
          const optionError = error?.[i]?.text?.message;
          return (
            <li key={field.id} className="space-y-1">
              <div className="flex items-center gap-2">
                <label className="flex shrink-0 items-center gap-1.5 text-sm text-slate-700">
                  <input type="checkbox" className="size-4 accent-brand-600" {...register(`questions.${index}.options.${i}.correct` as const)} />
                  Correct
                </label>
                <Input
                  aria-label={`Question ${number}, option ${i + 1}`}
                  aria-invalid={optionError ? true : undefined}
                  maxLength={LIMITS.option}
                  className="min-w-0 flex-1"
                  {...register(`questions.${index}.options.${i}.text` as const)}
                />
                <Button
                  size="sm"
                  variant="ghost"
                  className="text-red-700"
                  aria-label={`Remove option ${i + 1} of question ${number}`}
                  onClick={() => remove(i)}
                >
                  Remove
                </Button>
              </div>
              {optionError ? (
                <p role="alert" className="text-sm text-red-600">
                  {optionError}
                </p>
              ) : null}
            </li>
          );
        })}
      </ul>
      {listMessage ? (
        <p role="alert" className="text-sm text-red-600">
          {listMessage}
        </p>
      ) : null}
      <div className="flex flex-wrap items-center gap-4">
        <Button size="sm" variant="secondary" disabled={fields.length >= max} onClick={() => append({ text: "", correct: false }, { shouldFocus: true })}>
          Add option
        </Button>
        <label className="flex items-center gap-1.5 text-sm text-slate-700">
          <input type="checkbox" className="size-4 accent-brand-600" {...register(`questions.${index}.scoreByKey` as const)} />
          Score the answer by this key
        </label>
      </div>
    </fieldset>
  );
}
