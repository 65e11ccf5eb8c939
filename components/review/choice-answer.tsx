import { Badge } from "@/components/ui";
import { scoreByKey, type ChoiceOption } from "@/server/interview/choices";

/** The key's points as reviewers read them: "2 of 3 correct, 1 wrong: 0.33 points". */
export function keySummary(options: readonly ChoiceOption[], chosen: readonly string[]): string {
  const r = scoreByKey(options, chosen);
  if (r.keyed === 1) return r.correct ? "Correct" : "Incorrect";
  const wrong = r.wrong ? `, ${r.wrong} wrong` : "";
  return `${r.hits} of ${r.keyed} correct${wrong}: ${r.score.toFixed(2)} points`;
}

/** A multiple-choice answer for reviewers: every option in the question's order, which were chosen and which the key marks correct. */
export function ChoiceAnswer({ options, chosen, scored }: { options: readonly ChoiceOption[]; chosen: readonly string[]; scored: boolean }) {
  const picked = new Set(chosen);
  return (
    <div className="space-y-2">
      <ul className="space-y-1.5" aria-label="Options">
        {options.map((o) => (
          <li
            key={o.id}
            className={`flex flex-wrap items-center gap-2 rounded-md border p-2 text-sm ${picked.has(o.id) ? "border-brand-500 bg-brand-50 text-slate-900" : "border-slate-200 text-slate-700"}`}
          >
            <span className="min-w-0 flex-1 break-words">{o.text}</span>
            {picked.has(o.id) ? <Badge tone="info">Chosen</Badge> : null}
            {o.correct ? <Badge tone="success">In the key</Badge> : null}
          </li>
        ))}
      </ul>
      {chosen.length && scored ? <p className="text-sm font-medium text-slate-900">By the key: {keySummary(options, chosen)}</p> : null}
      {chosen.length && !scored ? <p className="text-sm text-slate-600">Not scored: this question shows the candidate&apos;s choice only.</p> : null}
    </div>
  );
}
