"use client";

import { useEffect, useId, useRef, useState, type DragEvent } from "react";
import { Badge, Button, cn, Field, Input, Select, Textarea } from "@/components/ui";
import { LIMITS } from "@/server/templates/templates.schema";
import { emptyQuestion, moveItem, type DraftErrors, type QuestionDraft } from "./editor-state";

type Props = {
  questions: QuestionDraft[];
  errors: DraftErrors;
  readOnly: boolean;
  onChange: (questions: QuestionDraft[]) => void;
  onEdit: (key: string, patch: Partial<QuestionDraft>) => void;
};

const excerpt = (prompt: string) => (prompt.trim() ? `“${prompt.trim().slice(0, 40)}${prompt.trim().length > 40 ? "…" : ""}”` : "The question");

/**
 * The interview's questions in order. Reordering works by dragging a card by its grip (native HTML5
 * drag and drop) and, for keyboard and touch, with the move buttons; either way the new position is
 * announced in a live region.
 */
export function QuestionList({ questions, errors, readOnly, onChange, onEdit }: Props) {
  const base = useId();
  const [announcement, setAnnouncement] = useState("");
  const [armed, setArmed] = useState<string | null>(null);
  const [dragging, setDragging] = useState<string | null>(null);
  const [dropAt, setDropAt] = useState<number | null>(null);
  // The drop handler reads these rather than state: dragover updates are not rendered before a quick drop.
  const drag = useRef<{ key: string | null; at: number | null }>({ key: null, at: null });
  const [added, setAdded] = useState<string | null>(null);
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

  const ids = (key: string) => ({
    heading: `${base}-${key}-heading`,
    up: `${base}-${key}-up`,
    down: `${base}-${key}-down`,
  });

  function move(from: number, to: number, focus?: "up" | "down") {
    const item = questions[from];
    if (!item || to < 0 || to >= questions.length || from === to) return;
    onChange(moveItem(questions, from, to));
    setAnnouncement(`${excerpt(item.prompt)} moved to position ${to + 1} of ${questions.length}.`);
    if (focus) pendingFocus.current = { id: ids(item.key)[focus], fallback: ids(item.key)[focus === "up" ? "down" : "up"] };
  }

  function remove(index: number) {
    const item = questions[index]!;
    const neighbour = questions[index + 1] ?? questions[index - 1];
    onChange(questions.filter((q) => q.key !== item.key));
    setAnnouncement(`Question ${index + 1} removed. ${questions.length - 1} question${questions.length === 2 ? "" : "s"} left.`);
    pendingFocus.current = { id: neighbour ? ids(neighbour.key).heading : `${base}-add` };
  }

  function add() {
    const question = emptyQuestion();
    onChange([...questions, question]);
    setAdded(question.key);
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
    const from = questions.findIndex((q) => q.key === key);
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
          {questions.map((q, index) => {
            const id = ids(q.key);
            const error = (field: string) => errors[`questions.${q.key}.${field}`];
            const number = index + 1;
            return (
              <li
                key={q.key}
                draggable={!readOnly && armed === q.key}
                onDragStart={(e) => {
                  e.dataTransfer.effectAllowed = "move";
                  e.dataTransfer.setData("text/plain", q.key);
                  drag.current = { key: q.key, at: null };
                  setDragging(q.key);
                }}
                onDragOver={(e) => onDragOver(e, index)}
                onDragEnd={endDrag}
                className={cn(
                  "relative rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-5",
                  dragging === q.key && "opacity-50",
                  dropAt === index && dragging && "before:absolute before:-top-2.5 before:left-0 before:right-0 before:h-1 before:rounded before:bg-brand-500",
                  dropAt === index + 1 && index === questions.length - 1 && dragging && "after:absolute after:-bottom-2.5 after:left-0 after:right-0 after:h-1 after:rounded after:bg-brand-500",
                )}
              >
                <div className="flex flex-wrap items-center gap-2">
                  {readOnly ? null : (
                    <span
                      aria-hidden="true"
                      title="Drag to reorder"
                      onPointerDown={() => setArmed(q.key)}
                      className="cursor-grab select-none rounded px-1 text-lg leading-none text-slate-400 hover:bg-slate-100 hover:text-slate-700 active:cursor-grabbing"
                    >
                      ⠿
                    </span>
                  )}
                  <h3 id={id.heading} tabIndex={-1} className="font-semibold text-slate-900 focus:outline-none">
                    Question {number}
                  </h3>
                  <Badge tone={q.type === "VIDEO" ? "info" : "neutral"}>{q.type === "VIDEO" ? "Video" : "Text"}</Badge>
                  {readOnly ? null : (
                    <div className="ml-auto flex gap-1">
                      <Button id={id.up} size="sm" variant="ghost" aria-label={`Move question ${number} up`} disabled={index === 0} onClick={() => move(index, index - 1, "up")}>
                        <span aria-hidden="true">↑</span>
                      </Button>
                      <Button
                        id={id.down}
                        size="sm"
                        variant="ghost"
                        aria-label={`Move question ${number} down`}
                        disabled={index === questions.length - 1}
                        onClick={() => move(index, index + 1, "down")}
                      >
                        <span aria-hidden="true">↓</span>
                      </Button>
                      <Button size="sm" variant="ghost" className="text-red-700" aria-label={`Remove question ${number}`} onClick={() => remove(index)}>
                        Remove
                      </Button>
                    </div>
                  )}
                </div>
                <fieldset disabled={readOnly} className="mt-3 space-y-4">
                  <legend className="sr-only">Question {number}</legend>
                  <Field label="Question" error={error("prompt")}>
                    {(p) => (
                      <Textarea
                        {...p}
                        autoFocus={added === q.key}
                        value={q.prompt}
                        maxLength={LIMITS.prompt}
                        onChange={(e) => onEdit(q.key, { prompt: e.target.value })}
                        className="min-h-20"
                      />
                    )}
                  </Field>
                  <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
                    <Field label="Answer" error={error("type")}>
                      {(p) => (
                        <Select {...p} value={q.type} onChange={(e) => onEdit(q.key, { type: e.target.value as QuestionDraft["type"] })}>
                          <option value="VIDEO">Video recording</option>
                          <option value="TEXT">Written text</option>
                        </Select>
                      )}
                    </Field>
                    {q.type === "VIDEO" ? (
                      <>
                        <NumberField
                          label="Time limit (seconds)"
                          description={`${LIMITS.timeLimitSec.min}–${LIMITS.timeLimitSec.max}`}
                          value={q.timeLimitSec}
                          range={LIMITS.timeLimitSec}
                          error={error("timeLimitSec")}
                          onChange={(v) => onEdit(q.key, { timeLimitSec: v })}
                        />
                        <NumberField
                          label="Think time (seconds)"
                          description={`${LIMITS.thinkTimeSec.min}–${LIMITS.thinkTimeSec.max}, before recording starts`}
                          value={q.thinkTimeSec}
                          range={LIMITS.thinkTimeSec}
                          error={error("thinkTimeSec")}
                          onChange={(v) => onEdit(q.key, { thinkTimeSec: v })}
                        />
                        <NumberField
                          label="Retakes allowed"
                          description={`${LIMITS.retakes.min}–${LIMITS.retakes.max}`}
                          value={q.retakes}
                          range={LIMITS.retakes}
                          error={error("retakes")}
                          onChange={(v) => onEdit(q.key, { retakes: v })}
                        />
                      </>
                    ) : (
                      <NumberField
                        label="Maximum characters"
                        description={`${LIMITS.maxChars.min}–${LIMITS.maxChars.max.toLocaleString("en")}; no time limit for text`}
                        value={q.maxChars}
                        range={LIMITS.maxChars}
                        error={error("maxChars")}
                        onChange={(v) => onEdit(q.key, { maxChars: v })}
                      />
                    )}
                  </div>
                  <Field label="What a good answer covers" description="Reviewers and the AI assessment score the answer against this." error={error("criteria")}>
                    {(p) => <Textarea {...p} value={q.criteria} maxLength={LIMITS.criteria} onChange={(e) => onEdit(q.key, { criteria: e.target.value })} className="min-h-16" />}
                  </Field>
                </fieldset>
              </li>
            );
          })}
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

function NumberField({
  label,
  description,
  value,
  range,
  error,
  onChange,
}: {
  label: string;
  description: string;
  value: string;
  range: { min: number; max: number };
  error?: string;
  onChange: (value: string) => void;
}) {
  return (
    <Field label={label} description={description} error={error}>
      {(p) => <Input {...p} type="number" inputMode="numeric" min={range.min} max={range.max} step={1} value={value} onChange={(e) => onChange(e.target.value)} />}
    </Field>
  );
}
