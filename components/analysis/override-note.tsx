import { formatDateTime } from "@/components/format";
import type { AppliedOverride } from "@/server/review/effective";

/** Who replaced the AI's value, when and why: shown wherever an overridden value is. */
export function OverrideNote({ override, aiText }: { override: AppliedOverride; aiText: string }) {
  const who = override.by ? (override.by.name ?? override.by.email) : "A former team member";
  return (
    <p className="text-xs text-slate-600">
      Overridden by {who} on {formatDateTime(override.at)} (AI: {aiText}). <span className="italic">“{override.reason}”</span>
    </p>
  );
}
