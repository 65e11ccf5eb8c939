"use client";

import { closestCenter, DndContext, type Announcements, type DragEndEvent, type UniqueIdentifier } from "@dnd-kit/core";
import { SortableContext, useSortable, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { useFieldArray, useFormContext, useWatch, type FieldPath } from "react-hook-form";
import { optionalNumber } from "@/components/forms/field-values";
import { Badge, Button, cn, Field, Input, Select, Textarea } from "@/components/ui";
import { LIMITS, QUESTION_TYPE_LABELS } from "@/server/templates/templates.schema";
import { ChoiceOptionsEditor } from "./choice-options-editor";
import { useReorderSensors } from "./reorder-sensors";
import { emptyQuestion, type TemplateFormValues } from "./template-form";

const excerpt = (prompt: string) => (prompt.trim() ? `“${prompt.trim().slice(0, 40)}${prompt.trim().length > 40 ? "…" : ""}”` : "The question");

const SCREEN_READER_INSTRUCTIONS =
  "To move a question, press space or enter on its grip, use the up and down arrow keys to choose its new position, then press space or enter again to drop it, or escape to cancel.";

/**
 * The interview's questions in order. Reordering works by dragging a card by its grip (mouse, pen,
 * or touch after a short hold), from the keyboard on the grip (space, arrows, space), and with the
 * move buttons; each change of position is announced in a live region.
 */
export function QuestionList({ readOnly }: { readOnly: boolean }) {
  const base = useId();
  const { control, getValues } = useFormContext<TemplateFormValues>();
  const { fields: questions, append, move: moveField, remove: removeField } = useFieldArray({ control, name: "questions" });
  const sensors = useReorderSensors();
  const [announcement, setAnnouncement] = useState("");
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

  // By position rather than by the field array's keys, which the server and the browser generate differently.
  const ids = (index: number) => ({
    heading: `${base}-${index}-heading`,
    up: `${base}-${index}-up`,
    down: `${base}-${index}-down`,
  });

  const indexOf = (id: UniqueIdentifier) => questions.findIndex((q) => q.id === id);
  const describe = (id: UniqueIdentifier) => excerpt(getValues(`questions.${indexOf(id)}.prompt`) ?? "");
  const position = (id: UniqueIdentifier) => `position ${indexOf(id) + 1} of ${questions.length}`;

  // Spoken by the drag-and-drop live region while the grip is dragged or moved with the keys.
  const announcements: Announcements = {
    onDragStart: ({ active }) => `Picked up ${describe(active.id)}, in ${position(active.id)}.`,
    onDragOver: ({ active, over }) => (over ? `${describe(active.id)} is over ${position(over.id)}.` : `${describe(active.id)} is no longer over a position.`),
    onDragEnd: ({ active, over }) => (over ? `${describe(active.id)} dropped at ${position(over.id)}.` : `${describe(active.id)} dropped where it was.`),
    onDragCancel: ({ active }) => `Moving cancelled. ${describe(active.id)} stays in ${position(active.id)}.`,
  };

  function move(from: number, to: number, focus: "up" | "down") {
    if (!questions[from] || to < 0 || to >= questions.length || from === to) return;
    moveField(from, to);
    setAnnouncement(`${excerpt(getValues(`questions.${from}.prompt`))} moved to position ${to + 1} of ${questions.length}.`);
    pendingFocus.current = { id: ids(to)[focus], fallback: ids(to)[focus === "up" ? "down" : "up"] };
  }

  function onDragEnd({ active, over }: DragEndEvent) {
    if (!over || active.id === over.id) return;
    const from = indexOf(active.id);
    const to = indexOf(over.id);
    if (from >= 0 && to >= 0) moveField(from, to);
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

  const full = questions.length >= LIMITS.questions;

  return (
    <div className="space-y-4">
      <p aria-live="polite" role="status" className="sr-only">
        {announcement}
      </p>
      {questions.length ? (
        <DndContext
          id={base}
          sensors={sensors}
          collisionDetection={closestCenter}
          onDragEnd={onDragEnd}
          accessibility={{ announcements, screenReaderInstructions: { draggable: SCREEN_READER_INSTRUCTIONS } }}
        >
          <SortableContext items={questions.map((q) => q.id)} strategy={verticalListSortingStrategy} disabled={readOnly}>
            <ol className="space-y-4">
              {questions.map((q, index) => (
                <SortableQuestion
                  key={q.id}
                  id={q.id}
                  index={index}
                  count={questions.length}
                  ids={ids(index)}
                  readOnly={readOnly}
                  onMove={(to, focus) => move(index, to, focus)}
                  onRemove={() => remove(index)}
                />
              ))}
            </ol>
          </SortableContext>
        </DndContext>
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

type CardProps = {
  index: number;
  count: number;
  ids: CardIds;
  readOnly: boolean;
  onMove: (to: number, focus: "up" | "down") => void;
  onRemove: () => void;
};

/** A question's card as an item of the sortable list: it moves with the drag, and only its grip starts one. */
function SortableQuestion({ id, ...card }: CardProps & { id: string }) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id });
  const number = card.index + 1;
  return (
    <li
      ref={setNodeRef}
      style={{ transform: CSS.Translate.toString(transform), transition }}
      className={cn("relative rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-5", isDragging && "z-10 border-brand-500 shadow-lg")}
    >
      <QuestionCard
        {...card}
        grip={
          <button
            ref={setActivatorNodeRef}
            type="button"
            {...attributes}
            {...listeners}
            aria-label={`Drag question ${number} to reorder`}
            title="Drag to reorder"
            className="cursor-grab touch-manipulation select-none rounded px-1 text-lg leading-none text-slate-400 hover:bg-slate-100 hover:text-slate-700 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-500 active:cursor-grabbing"
          >
            <span aria-hidden="true">⠿</span>
          </button>
        }
      />
    </li>
  );
}

type CardIds = { heading: string; up: string; down: string };

function QuestionCard({ index, count, ids, readOnly, grip, onMove, onRemove }: CardProps & { grip: ReactNode }) {
  const {
    control,
    register,
    formState: { errors },
  } = useFormContext<TemplateFormValues>();
  const type = useWatch({ control, name: `questions.${index}.type` });
  const required = useWatch({ control, name: `questions.${index}.required` });
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
        <Badge tone={type === "VIDEO" ? "info" : "neutral"}>{QUESTION_TYPE_LABELS[type]}</Badge>
        {required === false ? <Badge tone="neutral">Optional</Badge> : null}
        {readOnly ? null : (
          <div className="ml-auto flex gap-1">
            <Button
              id={ids.up}
              size="sm"
              variant="ghost"
              aria-label={`Move question ${number} up`}
              disabled={index === 0}
              onClick={() => onMove(index - 1, "up")}
            >
              <span aria-hidden="true">↑</span>
            </Button>
            <Button
              id={ids.down}
              size="sm"
              variant="ghost"
              aria-label={`Move question ${number} down`}
              disabled={index === count - 1}
              onClick={() => onMove(index + 1, "down")}
            >
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
                <option value="MULTIPLE_CHOICE">Multiple choice</option>
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
              <NumberField
                label="Retakes allowed"
                description={`${LIMITS.retakes.min}–${LIMITS.retakes.max}`}
                name={name("retakes")}
                range={LIMITS.retakes}
                error={error?.retakes?.message}
              />
            </>
          ) : type === "MULTIPLE_CHOICE" ? null : (
            <NumberField
              label="Maximum characters"
              description={`${LIMITS.maxChars.min}–${LIMITS.maxChars.max.toLocaleString("en")}; no time limit for text`}
              name={name("maxChars")}
              range={LIMITS.maxChars}
              error={error?.maxChars?.message}
            />
          )}
        </div>
        {type === "MULTIPLE_CHOICE" ? <ChoiceOptionsEditor index={index} number={number} /> : null}
        <label className="flex items-center gap-1.5 text-sm text-slate-700">
          <input type="checkbox" className="size-4 accent-brand-600" {...register(name("required"))} />
          Required: the candidate must answer this question to complete the interview
        </label>
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
