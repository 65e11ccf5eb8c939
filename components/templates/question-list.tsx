"use client";

import { useEffect, useId, useRef, useState, type DragEvent, type ReactNode } from "react";
import { useFieldArray, useFormContext, useWatch, type FieldPath } from "react-hook-form";
import { Badge, Button, cn, Field, Input, Select, Textarea } from "@/components/ui";
import { LIMITS } from "@/server/templates/templates.schema";
import { emptyQuestion, optionalNumber, type TemplateFormValues } from "./template-form";

const excerpt = (prompt: string) => (prompt.trim() ? `“${prompt.trim().slice(0, 40)}${prompt.trim().length > 40 ? "…" : ""}”` : "The question");

/**
 * The interview's questions in order. Reordering works by dragging a card by its grip (native HTML5
 * drag and drop) and, for keyboard and touch, with the move buttons; either way the new position is
 * announced in a live region.
 */
export function QuestionList({ readOnly }: { readOnly: boolean }) {
  const base = useId();
  const { control, getValues } = useFormContext<TemplateFormValues>();
  const { fields: questions, append, move: moveField, remove: removeField } = useFieldArray({ control, name: "questions" });
  const [announcement, setAnnouncement] = useState("");
  const [armed, setArmed] = useState<string | null>(null);
  const [dragging, setDragging] = useState<string | null>(null);
  const [dropAt, setDropAt] = useState<number | null>(null);
  // The drop handler reads these rather than state: dragover updates are not rendered before a quick drop.
  const drag = useRef<{ key: string | null; at: number | null }>({ key: null, at: null });
  // Where focus goes once React has rendered the new order: a moved question's button, or after a removal.
  const pendingFocus = useRef<{ id: string; fallback?: string } | null>(null);

  useEffect(() => {
    const target = pendingFocus.current;
    if (!target) return;
    pendingFocus.current = null;
    const el = document.getElementById(target.id) as HTMLButtonElement | null;
    if (el && !el.disabled) el.focus();
    else if (target.fallback) document.getElementById(target.fallback)?.focus();
  }, [questions]);

  // A press on the grip makes its card draggable until the pointer is released anywhere, so text in
  // the card's fields stays selectable the rest of the time.
  useEffect(() => {
    if (!armed) return;
    const disarm = () => setArmed(null);
    window.addEventListener("pointerup", disarm);
    return () => window.removeEventListener("pointerup", disarm);
  }, [armed]);

  // By position rather than by the field array's keys, which the server and the browser generate differently.
  const ids = (index: number) => ({
    heading: `${base}-${index}-heading`,
    up: `${base}-${index}-up`,
    down: `${base}-${index}-down`,
  });

  function move(from: number, to: number, focus?: "up" | "down") {
    const item = questions[from];
    if (!item || to < 0 || to >= questions.length || from === to) return;
    moveField(from, to);
    setAnnouncement(`${excerpt(getValues(`questions.${from}.prompt`))} moved to position ${to + 1} of ${questions.length}.`);
    if (focus) pendingFocus.current = { id: ids(to)[focus], fallback: ids(to)[focus === "up" ? "down" : "up"] };
  }

  function remove(index: number) {
    // The next question moves up into this position; without one, the previous question gets focus.
    const neighbour = index + 1 < questions.length ? index : index - 1;
    removeField(index);
    setAnnouncement(`Question ${index + 1} removed. ${questions.length - 1} question${questions.length === 2 ? "" : "s"} left.`);
    pendingFocus.current = { id: neighbour >= 0 ? ids(neighbour).heading : `${base}-add` };
  }

  function add() {
    append(emptyQuestion(), { focusName: `questions.${questions.length}.prompt` });
    setAnnouncement(`Question ${questions.length + 1} added.`);
  }

  function onDragOver(e: DragEvent<HTMLLIElement>, index: number) {
    if (!drag.current.key) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = "move";
    const box = e.currentTarget.getBoundingClientRect();
    const at = e.clientY < box.top + box.height / 2 ? index : index + 1;
    drag.current.at = at;
    setDropAt(at);
  }

  function onDrop(e: DragEvent) {
    e.preventDefault();
    const { key, at } = drag.current;
    const from = questions.findIndex((q) => q.id === key);
    if (from >= 0 && at !== null) move(from, at > from ? at - 1 : at);
    endDrag();
  }

  function endDrag() {
    drag.current = { key: null, at: null };
    setArmed(null);
    setDragging(null);
    setDropAt(null);
  }

  const full = questions.length >= LIMITS.questions;

  return (
    <div className="space-y-4">
      <p aria-live="polite" role="status" className="sr-only">
        {announcement}
      </p>
      {questions.length ? (
        <ol className="space-y-4" onDragOver={(e) => drag.current.key && e.preventDefault()} onDrop={onDrop}>
          {questions.map((q, index) => (
            <li
              key={q.id}
              draggable={!readOnly && armed === q.id}
              onDragStart={(e) => {
                e.dataTransfer.effectAllowed = "move";
                e.dataTransfer.setData("text/plain", q.id);
                drag.current = { key: q.id, at: null };
                setDragging(q.id);
              }}
              onDragOver={(e) => onDragOver(e, index)}
              onDragEnd={endDrag}
              className={cn(
                "relative rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-5",
                dragging === q.id && "opacity-50",
                dropAt === index && dragging && "before:absolute before:-top-2.5 before:left-0 before:right-0 before:h-1 before:rounded before:bg-brand-500",
                dropAt === index + 1 && index === questions.length - 1 && dragging && "after:absolute after:-bottom-2.5 after:left-0 after:right-0 after:h-1 after:rounded after:bg-brand-500",
              )}
            >
              <QuestionCard
                index={index}
                count={questions.length}
                ids={ids(index)}
                readOnly={readOnly}
                grip={
                  <span
                    aria-hidden="true"
                    title="Drag to reorder"
                    onPointerDown={() => setArmed(q.id)}
                    className="cursor-grab select-none rounded px-1 text-lg leading-none text-slate-400 hover:bg-slate-100 hover:text-slate-700 active:cursor-grabbing"
                  >
                    ⠿
                  </span>
                }
                onMove={(to, focus) => move(index, to, focus)}
                onRemove={() => remove(index)}
              />
            </li>
          ))}
        </ol>
      ) : (
        <p className="rounded-xl border border-dashed border-slate-300 bg-white px-4 py-6 text-center text-sm text-slate-600">No questions yet.</p>
      )}
      {readOnly ? null : (
        <div className="flex flex-wrap items-center gap-3">
          <Button id={`${base}-add`} variant="outline" onClick={add} disabled={full}>
            Add question
          </Button>
          <span className="text-sm text-slate-600">
            {questions.length} of {LIMITS.questions} questions
          </span>
        </div>
      )}
    </div>
  );
}

type CardIds = { heading: string; up: string; down: string };

function QuestionCard({
  index,
  count,
  ids,
  readOnly,
  grip,
  onMove,
  onRemove,
}: {
  index: number;
  count: number;
  ids: CardIds;
  readOnly: boolean;
  grip: ReactNode;
  onMove: (to: number, focus: "up" | "down") => void;
  onRemove: () => void;
}) {
  const {
    control,
    register,
    formState: { errors },
  } = useFormContext<TemplateFormValues>();
  const type = useWatch({ control, name: `questions.${index}.type` });
  const error = errors.questions?.[index];
  const number = index + 1;
  const name = (field: keyof TemplateFormValues["questions"][number]) => `questions.${index}.${field}` as const;
  return (
    <>
      <div className="flex flex-wrap items-center gap-2">
        {readOnly ? null : grip}
        <h3 id={ids.heading} tabIndex={-1} className="font-semibold text-slate-900 focus:outline-none">
          Question {number}
        </h3>
        <Badge tone={type === "VIDEO" ? "info" : "neutral"}>{type === "VIDEO" ? "Video" : "Text"}</Badge>
        {readOnly ? null : (
          <div className="ml-auto flex gap-1">
            <Button id={ids.up} size="sm" variant="ghost" aria-label={`Move question ${number} up`} disabled={index === 0} onClick={() => onMove(index - 1, "up")}>
              <span aria-hidden="true">↑</span>
            </Button>
            <Button id={ids.down} size="sm" variant="ghost" aria-label={`Move question ${number} down`} disabled={index === count - 1} onClick={() => onMove(index + 1, "down")}>
              <span aria-hidden="true">↓</span>
            </Button>
            <Button size="sm" variant="ghost" className="text-red-700" aria-label={`Remove question ${number}`} onClick={onRemove}>
              Remove
            </Button>
          </div>
        )}
      </div>
      <fieldset disabled={readOnly} className="mt-3 space-y-4">
        <legend className="sr-only">Question {number}</legend>
        <Field label="Question" error={error?.prompt?.message}>
          {(p) => <Textarea {...p} maxLength={LIMITS.prompt} className="min-h-20" {...register(name("prompt"))} />}
        </Field>
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <Field label="Answer" error={error?.type?.message}>
            {(p) => (
              <Select {...p} {...register(name("type"))}>
                <option value="VIDEO">Video recording</option>
                <option value="TEXT">Written text</option>
              </Select>
            )}
          </Field>
          {type === "VIDEO" ? (
            <>
              <NumberField
                label="Time limit (seconds)"
                description={`${LIMITS.timeLimitSec.min}–${LIMITS.timeLimitSec.max}`}
                name={name("timeLimitSec")}
                range={LIMITS.timeLimitSec}
                error={error?.timeLimitSec?.message}
              />
              <NumberField
                label="Think time (seconds)"
                description={`${LIMITS.thinkTimeSec.min}–${LIMITS.thinkTimeSec.max}, before recording starts`}
                name={name("thinkTimeSec")}
                range={LIMITS.thinkTimeSec}
                error={error?.thinkTimeSec?.message}
              />
              <NumberField label="Retakes allowed" description={`${LIMITS.retakes.min}–${LIMITS.retakes.max}`} name={name("retakes")} range={LIMITS.retakes} error={error?.retakes?.message} />
            </>
          ) : (
            <NumberField
              label="Maximum characters"
              description={`${LIMITS.maxChars.min}–${LIMITS.maxChars.max.toLocaleString("en")}; no time limit for text`}
              name={name("maxChars")}
              range={LIMITS.maxChars}
              error={error?.maxChars?.message}
            />
          )}
        </div>
        <Field label="What a good answer covers" description="Reviewers and the AI assessment score the answer against this." error={error?.criteria?.message}>
          {(p) => <Textarea {...p} maxLength={LIMITS.criteria} className="min-h-16" {...register(name("criteria"))} />}
        </Field>
      </fieldset>
    </>
  );
}

function NumberField({
  label,
  description,
  name,
  range,
  error,
}: {
  label: string;
  description: string;
  name: FieldPath<TemplateFormValues>;
  range: { min: number; max: number };
  error?: string;
}) {
  const { register } = useFormContext<TemplateFormValues>();
  return (
    <Field label={label} description={description} error={error}>
      {(p) => <Input {...p} type="number" inputMode="numeric" min={range.min} max={range.max} step={1} {...register(name, { setValueAs: optionalNumber })} />}
    </Field>
  );
}
