import type { Claim, Flag } from "@/server/analysis/analysis.schema";
import { Alert, Badge } from "@/components/ui";
import { EvidenceList } from "./evidence";
import { FLAG_LABELS } from "./labels";

export function ClaimList({
  title,
  claims,
  empty,
  headingLevel: H = "h3",
}: {
  title: string;
  claims: Claim[];
  empty: string;
  headingLevel?: "h3" | "h4" | "h5";
}) {
  return (
    <div className="min-w-0 space-y-2">
      <H className="font-semibold text-slate-900">{title}</H>
      {claims.length === 0 ? (
        <p className="text-sm text-slate-600">{empty}</p>
      ) : (
        <ul className="space-y-3">
          {claims.map((c, i) => (
            <li key={i} className="space-y-1.5">
              <p className="text-sm text-slate-800">{c.text}</p>
              <EvidenceList evidence={c.evidence} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Flags first and loud: a manipulation attempt is something HR must see before any score. */
export function FlagList({ flags, answerNumber }: { flags: Flag[]; answerNumber?: (responseId: string) => number | undefined }) {
  if (flags.length === 0) return null;
  const manipulation = flags.some((f) => f.kind === "manipulation");
  return (
    <Alert
      tone={manipulation ? "danger" : "warning"}
      role={manipulation ? "alert" : "status"}
      title={manipulation ? "Manipulation attempt detected: check this interview yourself" : "Flags for the reviewer"}
    >
      <ul className="mt-2 space-y-3">
        {flags.map((f, i) => {
          const n = f.responseId ? answerNumber?.(f.responseId) : undefined;
          return (
            <li key={i} className="space-y-1.5">
              <div className="flex flex-wrap items-center gap-2">
                <Badge tone={FLAG_LABELS[f.kind].tone}>{FLAG_LABELS[f.kind].label}</Badge>
                {n ? <span className="text-xs">Question {n}</span> : null}
              </div>
              <p className="text-slate-900">{f.detail}</p>
              <EvidenceList evidence={f.evidence} />
            </li>
          );
        })}
      </ul>
    </Alert>
  );
}
