"use client";

import { useEffect, useId, useRef, useState } from "react";
import { Button, Field, Input, Textarea } from "@/components/ui";
import { LIMITS, weightShares } from "@/server/templates/templates.schema";
import { emptyCompetency, type CompetencyDraft, type DraftErrors } from "./editor-state";

type Props = {
  rubric: CompetencyDraft[];
  errors: DraftErrors;
  readOnly: boolean;
  onChange: (rubric: CompetencyDraft[]) => void;
  onEdit: (key: string, patch: Partial<CompetencyDraft>) => void;
};

/** Competencies with free-form weights; each one's share of the total is shown next to it. */
export function RubricEditor({ rubric, errors, readOnly, onChange, onEdit }: Props) {
  const base = useId();
  const [announcement, setAnnouncement] = useState("");
  const shares = weightShares(rubric.map((c) => Number(c.weight)));
  const full = rubric.length >= LIMITS.competencies;
  // After a removal the add button may only just have become enabled, so focus waits for the render.
  const focusAdd = useRef(false);
  useEffect(() => {
    if (!focusAdd.current) return;
    focusAdd.current = false;
    focusAdd.current = true;
  }, [rubric, base]);

  function remove(index: number) {
    const item = rubric[index]!;
    onChange(rubric.filter((c) => c.key !== item.key));
    setAnnouncement(`${item.competency.trim() || `Competency ${index + 1}`} removed.`);
    focusAdd.current = true;
  }

  return (
    <div className="space-y-4">
      <p aria-live="polite" role="status" className="sr-only">
        {announcement}
      </p>
      {rubric.length ? (
        <ul className="space-y-4">
          {rubric.map((c, index) => {
            const error = (field: string) => errors[`rubric.${c.key}.${field}`];
            const number = index + 1;
            return (
              <li key={c.key} className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-5">
                <fieldset disabled={readOnly} className="space-y-4">
                  <legend className="font-semibold text-slate-900">Competency {number}</legend>
                  <div className="grid gap-4 sm:grid-cols-[minmax(0,1fr)_10rem]">
                    <Field label="Name" error={error("competency")}>
                      {(p) => <Input {...p} value={c.competency} maxLength={LIMITS.competency} onChange={(e) => onEdit(c.key, { competency: e.target.value })} />}
                    </Field>
                    <Field label="Weight" description={`${shares[index]}% of the score`} error={error("weight")}>
                      {(p) => <Input {...p} type="number" inputMode="decimal" min={0} max={LIMITS.weight} step="any" value={c.weight} onChange={(e) => onEdit(c.key, { weight: e.target.value })} />}
                    </Field>
                  </div>
                  <Field label="What it looks for" error={error("looksFor")}>
                    {(p) => <Textarea {...p} value={c.looksFor} maxLength={LIMITS.looksFor} onChange={(e) => onEdit(c.key, { looksFor: e.target.value })} className="min-h-16" />}
                  </Field>
                  {readOnly ? null : (
                    <div className="flex justify-end">
                      <Button size="sm" variant="ghost" className="text-red-700" aria-label={`Remove competency ${number}`} onClick={() => remove(index)}>
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
              onChange([...rubric, emptyCompetency()]);
              setAnnouncement(`Competency ${rubric.length + 1} added.`);
            }}
          >
            Add competency
          </Button>
          <span className="text-sm text-slate-600">
            {rubric.length} of {LIMITS.competencies} competencies
          </span>
        </div>
      )}
    </div>
  );
}
