"use client";

import { useState, type FormEvent } from "react";
import { Alert, Button, Card, CardContent, CardDescription, CardHeader, CardTitle, Field, Select } from "@/components/ui";
import { errorMessage, useTRPCClient } from "@/components/trpc/client";
import {
  PREFER_NOT_TO_SAY,
  RACE_ETHNICITY_CATEGORIES,
  RACE_ETHNICITY_LABELS,
  SEX_CATEGORIES,
  SEX_LABELS,
  type SelfIdentifyInput,
} from "@/server/fairness/self-identification.schema";

type Answer = Pick<SelfIdentifyInput, "sex" | "raceEthnicity">;

/**
 * The optional self-identification after the interview. What it says is what the code does: the
 * answers go to a table only the fairness report reads (tests/unit/self-identification-isolation).
 */
export function SelfIdentificationForm({ token, organizationName }: { token: string; organizationName: string }) {
  const client = useTRPCClient();
  const [answer, setAnswer] = useState<Partial<Answer>>({});
  const [state, setState] = useState<"idle" | "saving" | "saved" | "skipped">("idle");
  const [error, setError] = useState<string | null>(null);

  if (state === "saved") return <Alert tone="success">Thank you. Your answers are saved apart from your interview.</Alert>;
  if (state === "skipped") return null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    if (!answer.sex || !answer.raceEthnicity) {
      setError("Choose an answer to both questions, or “I prefer not to say”.");
      return;
    }
    setState("saving");
    try {
      await client.fairness.selfIdentify.mutate({ token, sex: answer.sex, raceEthnicity: answer.raceEthnicity });
      setState("saved");
    } catch (e) {
      setError(errorMessage(e));
      setState("idle");
    }
  };

  return (
    <Card>
      <CardHeader>
        <CardTitle as="h2">Optional: help us check our hiring is fair</CardTitle>
        <CardDescription>
          {organizationName} checks that candidates of every sex and race or ethnicity are treated alike. Answering is voluntary and changes nothing about your
          interview: your answers are stored apart from it, never shown to the people who review you, never given to the automated analysis or the search, and
          only ever counted in totals of at least five people.
        </CardDescription>
      </CardHeader>
      <CardContent>
        <form onSubmit={(e) => void submit(e)} className="space-y-4" noValidate>
          <Field label="Sex">
            {(props) => (
              <Select {...props} value={answer.sex ?? ""} onChange={(e) => setAnswer((a) => ({ ...a, sex: e.target.value as Answer["sex"] }))}>
                <option value="" disabled>
                  Choose…
                </option>
                {[...SEX_CATEGORIES, PREFER_NOT_TO_SAY].map((value) => (
                  <option key={value} value={value}>
                    {SEX_LABELS[value]}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field label="Race or ethnicity">
            {(props) => (
              <Select
                {...props}
                value={answer.raceEthnicity ?? ""}
                onChange={(e) => setAnswer((a) => ({ ...a, raceEthnicity: e.target.value as Answer["raceEthnicity"] }))}
              >
                <option value="" disabled>
                  Choose…
                </option>
                {[...RACE_ETHNICITY_CATEGORIES, PREFER_NOT_TO_SAY].map((value) => (
                  <option key={value} value={value}>
                    {RACE_ETHNICITY_LABELS[value]}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          {error ? <Alert tone="danger">{error}</Alert> : null}
          <div className="flex flex-wrap gap-3">
            <Button type="submit" disabled={state === "saving"}>
              {state === "saving" ? "Saving…" : "Save my answers"}
            </Button>
            <Button type="button" variant="secondary" onClick={() => setState("skipped")}>
              Skip
            </Button>
          </div>
        </form>
      </CardContent>
    </Card>
  );
}
