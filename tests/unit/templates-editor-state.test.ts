import { describe, expect, it } from "vitest";
import { draftFromTemplate, keyErrors, moveItem, toInput, validateDraft } from "@/components/templates/editor-state";
import type { TemplateDetail } from "@/server/templates/queries";
import { templateInput } from "@/server/templates/templates.schema";

const stored = {
  id: "t1",
  title: "Backend Engineer",
  description: "Payments",
  status: "DRAFT",
  rubric: [{ id: "c1", competency: "Depth", weight: 0.4, looksFor: "Trade-offs" }],
  questions: [
    {
      id: "q1",
      position: 0,
      prompt: "Design a queue",
      type: "VIDEO",
      timeLimitSec: 90,
      thinkTimeSec: 10,
      retakes: 2,
      maxChars: null,
      criteria: "Back-pressure",
    },
    { id: "q2", position: 1, prompt: "Explain retries", type: "TEXT", timeLimitSec: 0, thinkTimeSec: 0, retakes: 0, maxChars: 800, criteria: "" },
  ],
} as unknown as TemplateDetail;

describe("the editor's draft", () => {
  it("round-trips a stored template into the same input", () => {
    const input = templateInput.parse(toInput(draftFromTemplate(stored)));
    expect(input.rubric).toEqual(stored.rubric);
    expect(input.questions).toEqual(stored.questions.map(({ position: _, ...q }) => q));
  });

  it("starts a new template with one empty competency and one video question", () => {
    const draft = draftFromTemplate(null);
    expect(draft.rubric).toHaveLength(1);
    expect(draft.questions).toMatchObject([{ type: "VIDEO", timeLimitSec: "120", thinkTimeSec: "30", retakes: "1", maxChars: "2000" }]);
  });

  it("sends empty number fields as missing, so the schema names the field", () => {
    const draft = draftFromTemplate(stored);
    draft.questions[0]!.timeLimitSec = "";
    draft.rubric[0]!.weight = "";
    expect(validateDraft(draft)).toEqual({ "questions.q1.timeLimitSec": "Set a time limit from 15 to 600 seconds", "rubric.c1.weight": "Enter a weight" });
  });

  it("keys errors by item so they follow it after a move, and keeps list-wide ones", () => {
    const draft = draftFromTemplate(stored);
    const errors = keyErrors(
      { "questions.1.prompt": "Write the question", "rubric.0.looksFor": "Describe", questions: "Too many", title: "Enter the job title" },
      draft,
    );
    expect(errors).toEqual({
      "questions.q2.prompt": "Write the question",
      "rubric.c1.looksFor": "Describe",
      questions: "Too many",
      title: "Enter the job title",
    });
  });
});

describe("moveItem", () => {
  it("moves one item and leaves the input alone", () => {
    const list = ["a", "b", "c", "d"];
    expect(moveItem(list, 3, 0)).toEqual(["d", "a", "b", "c"]);
    expect(moveItem(list, 0, 2)).toEqual(["b", "c", "a", "d"]);
    expect(moveItem(list, 1, 9)).toEqual(["a", "c", "d", "b"]);
    expect(list).toEqual(["a", "b", "c", "d"]);
  });
});
