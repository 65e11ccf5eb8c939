import { Badge, Progress } from "@/components/ui";
import { coverageSummary, describeCoverage } from "@/server/analysis/coverage";
import type { AnswerAnalysisView } from "@/server/review/analysis";
import type { QuestionTypeValue } from "@/server/templates/templates.schema";
import { ClaimList, FlagList } from "./claims";
import { EvidenceList } from "./evidence";
import { formatScore, formatSeconds } from "@/components/format";

export type AnalysedQuestion = { number: number; prompt: string; type: QuestionTypeValue; responseId: string | null };

const percent = (x: number) => `${Math.round(x * 100)}%`;

function Metrics({ metrics }: { metrics: NonNullable<AnswerAnalysisView["metrics"]> }) {
  const items = [
    ["Words", String(metrics.wordCount)],
    ["Speaking time", `${Math.round(metrics.durationSec)} s`],
    ["Pace", `${Math.round(metrics.wordsPerMinute)} words/min`],
    ["Pauses", `${metrics.pauseCount} (longest ${formatSeconds(metrics.longestPauseSec)})`],
    ["Filler words", `${metrics.fillerWords} (${percent(metrics.fillerRate)} of words)`],
  ];
  return (
    <dl className="grid grid-cols-2 gap-2 text-sm sm:grid-cols-3 lg:grid-cols-5">
      {items.map(([k, v]) => (
        <div key={k} className="rounded-md bg-slate-50 px-3 py-2">
          <dt className="text-xs text-slate-500">{k}</dt>
          <dd className="font-medium text-slate-900">{v}</dd>
        </div>
      ))}
    </dl>
  );
}

function OneAnswer({ q, a, answerNumber }: { q: AnalysedQuestion; a: AnswerAnalysisView | undefined; answerNumber: (id: string) => number | undefined }) {
  const headingId = `answer-analysis-${q.number}`;
  return (
    <li className="space-y-3 border-t border-slate-100 pt-4 first:border-t-0 first:pt-0">
      <section aria-labelledby={headingId} className="space-y-3">
        <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
          <h4 id={headingId} className="font-semibold text-slate-900">
            Question {q.number}
          </h4>
          {a ? <Badge tone={a.score >= 4 ? "success" : a.score <= 2 ? "warning" : "info"}>Score {formatScore(a.score)} of 5</Badge> : null}
          {a && a.criteria.length ? <span className="text-sm text-slate-600">{describeCoverage(coverageSummary(a.criteria))}</span> : null}
        </div>
        <p className="line-clamp-2 text-sm text-slate-600">{q.prompt}</p>
        {!a ? (
          <p className="text-sm text-slate-600">{q.responseId ? "Not analysed yet." : "Not answered."}</p>
        ) : (
          <>
            <FlagList flags={a.flags} answerNumber={answerNumber} />
            <p className="text-sm text-slate-800">{a.summary}</p>
            {a.criteria.length ? (
              <div className="space-y-2">
                <h5 className="text-sm font-medium text-slate-900">Criteria coverage</h5>
                <ul className="space-y-3">
                  {a.criteria.map((c, i) => (
                    <li key={i} className="space-y-1">
                      <div className="flex items-baseline justify-between gap-3 text-sm">
                        <span className="text-slate-800">{c.criterion}</span>
                        <span className="shrink-0 font-medium text-slate-900">{percent(c.coverage)}</span>
                      </div>
                      <Progress value={c.coverage * 100} label={`Coverage of ${c.criterion}`} valueText={percent(c.coverage)} />
                      <EvidenceList evidence={c.evidence} />
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
            {a.metrics ? (
              <div className="space-y-2">
                <h5 className="text-sm font-medium text-slate-900">Speaking</h5>
                <Metrics metrics={a.metrics} />
              </div>
            ) : null}
            {a.strengths.length || a.concerns.length ? (
              <div className="grid gap-4 md:grid-cols-2">
                <ClaimList title="Strengths" claims={a.strengths} empty="None noted." headingLevel="h5" />
                <ClaimList title="Concerns" claims={a.concerns} empty="None noted." headingLevel="h5" />
              </div>
            ) : null}
          </>
        )}
      </section>
    </li>
  );
}

/** The per-answer analyses, in question order, inside the analysis section. */
export function AnswerAnalyses({ questions, answers }: { questions: AnalysedQuestion[]; answers: Record<string, AnswerAnalysisView> }) {
  const numbers = new Map(questions.filter((q) => q.responseId).map((q) => [q.responseId!, q.number]));
  const answerNumber = (id: string) => numbers.get(id);
  return (
    <ol className="space-y-4">
      {questions.map((q) => (
        <OneAnswer key={q.number} q={q} a={q.responseId ? answers[q.responseId] : undefined} answerNumber={answerNumber} />
      ))}
    </ol>
  );
}
