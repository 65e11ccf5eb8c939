import type { Flag, Recommendation } from "@/server/analysis/analysis.schema";
import type { Tone } from "@/components/ui";

export const RECOMMENDATION_TONES: Record<Recommendation, Tone> = { strong_no: "danger", no: "warning", yes: "info", strong_yes: "success" };

export const FLAG_LABELS: Record<Flag["kind"], { label: string; tone: Tone }> = {
  manipulation: { label: "Manipulation attempt", tone: "danger" },
  unverified_quote: { label: "Unverified quote", tone: "warning" },
  no_answer: { label: "No answer", tone: "neutral" },
  low_transcript_quality: { label: "Low transcript quality", tone: "warning" },
};
