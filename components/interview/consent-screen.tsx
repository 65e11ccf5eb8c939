"use client";

import { useId, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ConsentText } from "@/server/interview/consent-text";
import { hasAccommodations, type Accommodations } from "@/server/interview/interview-rules";

type Props = {
  consent: ConsentText;
  accommodations: Accommodations;
  pending: boolean;
  error: string | null;
  onAccept: () => void;
};

/**
 * What will happen to the candidate's answers, agreed to before the camera is even asked for. The
 * words come from the server (server/interview/consent-text.ts), which records their version with
 * the consent, so what is shown is exactly what is agreed to.
 */
/** The accommodations HR granted, in words: "50 % more time to think", … */
export function accommodationLines(a: Accommodations): string[] {
  const lines: string[] = [];
  if (a.extraThinkPct > 0) lines.push(`${a.extraThinkPct} % more time to think before each recorded answer`);
  if (a.extraAnswerPct > 0) lines.push(`${a.extraAnswerPct} % more time for each answer`);
  if (a.extraRetakes > 0) lines.push(`${a.extraRetakes} extra ${a.extraRetakes === 1 ? "retake" : "retakes"} on each recorded question`);
  return lines;
}

export function ConsentScreen({ consent, accommodations, pending, error, onAccept }: Props) {
  const id = useId();
  const [agreed, setAgreed] = useState(false);
  return (
    <section aria-labelledby={`${id}-title`} className="space-y-5">
      <h2 id={`${id}-title`} className="text-xl font-semibold">
        Before you start
      </h2>
      <div className="space-y-4 text-slate-700">
        {consent.sections.map((section) => (
          <div key={section.heading}>
            <h3 className="font-medium text-slate-900">{section.heading}</h3>
            <p>{section.body}</p>
          </div>
        ))}
      </div>
      {hasAccommodations(accommodations) ? (
        <div className="rounded-lg border border-sky-200 bg-sky-50 p-3 text-sky-900" data-testid="accommodations">
          <h3 className="font-medium">Your accommodations</h3>
          <p>The hiring team has given you:</p>
          <ul className="list-disc pl-5">
            {accommodationLines(accommodations).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          <p>The times and retakes shown with each question already include them.</p>
        </div>
      ) : null}
      <label className="flex cursor-pointer items-start gap-3 rounded-lg border border-slate-200 bg-white p-3">
        <input type="checkbox" checked={agreed} onChange={(e) => setAgreed(e.target.checked)} className="mt-1 h-4 w-4" />
        <span>{consent.agreement}</span>
      </label>
      {error ? <Alert tone="danger">{error}</Alert> : null}
      <Button className="w-full sm:w-auto" disabled={!agreed} loading={pending} onClick={onAccept}>
        Agree and continue
      </Button>
    </section>
  );
}
