import type { ResolverOptions } from "react-hook-form";
import { describe, expect, it } from "vitest";
import { optionalNumber, requiredNumber } from "@/components/forms/field-values";
import { emptyCompetency, emptyQuestion, formValues, listError, templateResolver, type TemplateFormValues } from "@/components/templates/template-form";
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
      options: null,
      scoreByKey: false,
      required: true,
    },
    {
      id: "q2",
      position: 1,
      prompt: "Explain retries",
      type: "TEXT",
      timeLimitSec: 0,
      thinkTimeSec: 0,
      retakes: 0,
      maxChars: 800,
      criteria: "",
      options: null,
      scoreByKey: false,
      required: true,
    },
    {
      id: "q3",
      position: 2,
      prompt: "Which are idempotent?",
      type: "MULTIPLE_CHOICE",
      timeLimitSec: 0,
      thinkTimeSec: 0,
      retakes: 0,
      maxChars: null,
      criteria: "",
      options: [
        { id: "o1", text: "PUT", correct: true },
        { id: "o2", text: "POST", correct: false },
      ],
      scoreByKey: true,
      required: true,
    },
  ],
} as unknown as TemplateDetail;

const options: ResolverOptions<TemplateFormValues> = { fields: {}, shouldUseNativeValidation: false };

function resolve(values: TemplateFormValues, published = false) {
  return templateResolver(published)(values, undefined, options);
}

describe("the template form's values", () => {
  it("round-trip a stored template into the same input", () => {
    const input = templateInput.parse(formValues(stored));
    expect(input.rubric).toEqual(stored.rubric);
    expect(input.questions).toEqual(stored.questions.map(({ position: _, ...q }) => q));
  });

  it("start a new template with one empty competency and one video question at the defaults", () => {
    const values = formValues(null);
    expect(values.rubric).toEqual([emptyCompetency()]);
    expect(values.questions).toEqual([
      {
        prompt: "",
        type: "VIDEO",
        timeLimitSec: 120,
        thinkTimeSec: 30,
        retakes: 1,
        maxChars: 2000,
        criteria: "",
        // Two blank options, so switching to multiple choice starts at the minimum; ignored on other types.
        options: [
          { text: "", correct: true },
          { text: "", correct: false },
        ],
        scoreByKey: false,
        required: true,
      },
    ]);
    expect(emptyQuestion()).toEqual(values.questions[0]);
  });

  it("give a text question the video defaults, so switching it to video starts from them", () => {
    expect(formValues(stored).questions[1]).toMatchObject({ type: "TEXT", timeLimitSec: 120, thinkTimeSec: 30, retakes: 1, maxChars: 800 });
  });
});

describe("templateResolver", () => {
  it("hands the form the schema's output for a valid template", async () => {
    const values = formValues(stored);
    const result = await resolve(values);
    expect(result.errors).toEqual({});
    expect(result.values).toEqual(templateInput.parse(values));
  });

  it("puts the schema's own messages at each field's path", async () => {
    const values = formValues(stored);
    values.title = " ";
    values.questions[0]!.timeLimitSec = optionalNumber("");
    values.questions[1]!.prompt = "";
    values.rubric[0]!.weight = requiredNumber("");
    const { errors } = await resolve(values);
    expect(errors.title?.message).toBe("Enter the job title");
    expect(errors.questions?.[0]?.timeLimitSec?.message).toBe("Set a time limit from 15 to 600 seconds");
    expect(errors.questions?.[1]?.prompt?.message).toBe("Write the question");
    expect(errors.rubric?.[0]?.weight?.message).toBe("Enter a weight");
    expect(errors.questions?.[0]?.prompt).toBeUndefined();
  });

  it("checks only the settings of the question's type", async () => {
    const values = formValues(stored);
    values.questions[1]!.timeLimitSec = 9999;
    values.questions[1]!.maxChars = 10;
    const { errors } = await resolve(values);
    expect(Object.keys(errors.questions?.[1] ?? {})).toEqual(["maxChars"]);
    expect(errors.questions?.[1]?.maxChars?.message).toBe("Allow from 50 to 5,000 characters");
  });

  it("lets a draft be saved unfinished, but not a published template", async () => {
    const values = { ...formValues(stored), rubric: [], questions: [] };
    expect((await resolve(values)).errors).toEqual({});
    const { errors, values: out } = await resolve(values, true);
    expect(out).toEqual({});
    expect(listError(errors.questions)).toBe("Add at least one question before publishing");
    expect(listError(errors.rubric)).toBe("Add at least one competency to the rubric before publishing");
  });

  it("keeps field errors beside the publishing rule", async () => {
    const values = { ...formValues(stored), title: "", questions: [] };
    const { errors } = await resolve(values, true);
    expect(errors.title?.message).toBe("Enter the job title");
    expect(listError(errors.questions)).toBe("Add at least one question before publishing");
    expect(errors.rubric).toBeUndefined();
  });
});

describe("listError", () => {
  it("reads a list-wide message at the list or at its root", () => {
    expect(listError({ type: "custom", message: "Too many" })).toBe("Too many");
    expect(listError({ root: { type: "custom", message: "Too many" } })).toBe("Too many");
    expect(listError(undefined)).toBeUndefined();
  });
});
