"use client";

import { createContext, useContext, type ReactNode } from "react";
import { seekTo } from "@/components/review/seek";
import type { Evidence } from "@/server/analysis/analysis.schema";
import type { QuestionTypeValue } from "@/server/templates/templates.schema";
import { formatClock } from "@/components/format";

/** Where each answer sits on the page: its question number and whether it was recorded or written. */
export type AnswerPlaces = Record<string, { number: number; type: QuestionTypeValue }>;

const PlacesContext = createContext<AnswerPlaces>({});

export function AnswerPlacesProvider({ places, children }: { places: AnswerPlaces; children: ReactNode }) {
  return <PlacesContext.Provider value={places}>{children}</PlacesContext.Provider>;
}

function scrollToQuestion(number: number) {
  const heading = document.getElementById(`question-${number}`);
  if (!heading) return;
  heading.scrollIntoView({ behavior: window.matchMedia("(prefers-reduced-motion: reduce)").matches ? "auto" : "smooth", block: "start" });
  heading.setAttribute("tabindex", "-1");
  heading.focus({ preventScroll: true });
}

/**
 * A quote the analysis rests on, as a button: a spoken quote plays its answer from that moment,
 * a written one brings its answer into view, so HR can check the claim against what was said.
 */
export function EvidenceQuote({ evidence }: { evidence: Evidence }) {
  const place = useContext(PlacesContext)[evidence.responseId];
  const spoken = place?.type === "VIDEO" && evidence.startMs !== null;
  const where = place ? `Question ${place.number}${spoken ? ` at ${formatClock(evidence.startMs!)}` : ""}` : null;
  return (
    <button
      type="button"
      onClick={() => (spoken ? seekTo(evidence.responseId, evidence.startMs!) : place && scrollToQuestion(place.number))}
      disabled={!place}
      className="group block w-full rounded-md border-l-4 border-brand-300 bg-slate-50 px-3 py-2 text-left text-sm hover:bg-brand-50 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-500 disabled:cursor-default"
    >
      <q className="text-slate-900">{evidence.quote}</q>
      {where ? (
        <span className="mt-1 block text-xs font-medium text-brand-700 group-hover:underline">
          {spoken ? "Play" : "Show"} · {where}
        </span>
      ) : null}
    </button>
  );
}

export function EvidenceList({ evidence, className }: { evidence: Evidence[]; className?: string }) {
  if (evidence.length === 0) return null;
  return (
    <ul className={className ?? "space-y-1.5"} aria-label="Evidence">
      {evidence.map((e, i) => (
        <li key={`${e.responseId}-${e.startMs ?? "t"}-${i}`}>
          <EvidenceQuote evidence={e} />
        </li>
      ))}
    </ul>
  );
}
