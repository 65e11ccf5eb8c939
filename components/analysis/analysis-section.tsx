"use client";

import { useQuery } from "@tanstack/react-query";
import { formatDateTime, formatScore } from "@/components/format";
import { Alert, Badge, Card, CardContent, CardHeader, CardTitle, Table, TableCaption, TableContainer, TBody, TD, TH, THead, TR } from "@/components/ui";
import { errorMessage, useTRPC } from "@/components/trpc/client";
import { RECOMMENDATION_LABELS } from "@/server/analysis/analysis.schema";
import type { InterviewAnalysisView } from "@/server/review/analysis";
import { RECOMMENDATION_FIELD } from "@/server/review/effective";
import { AnswerAnalyses, type AnalysedQuestion } from "./answer-analyses";
import { ClaimList, FlagList } from "./claims";
import { AnswerPlacesProvider, EvidenceList, type AnswerPlaces } from "./evidence";
import { RECOMMENDATION_TONES } from "./labels";
import { OverrideButton } from "./override-dialog";
import { OverrideNote } from "./override-note";

type Analysis = NonNullable<InterviewAnalysisView["analysis"]>;

// Until the analysis exists, look again now and then: it lands without anyone reloading.
const POLL_MS = 15_000;

function PipelineState({ view }: { view: InterviewAnalysisView }) {
  const { latest, answers } = view.pipeline;
  const progress = `${answers.analysed} of ${answers.total} answers analysed so far.`;
  if (view.state === "failed") {
    return (
      <Alert tone="danger" title="The AI analysis failed">
        {latest?.error ? <p>{latest.error}</p> : null}
        <p>{progress} The answers themselves are below for your own review.</p>
      </Alert>
    );
  }
  return (
    <Alert tone="info" title={view.state === "running" ? "The AI is analysing this interview now" : "No AI analysis yet"}>
      <p>
        {view.state === "running"
          ? "Scores appear here when it finishes."
          : "The analysis starts once the candidate completes the interview and the answers are transcribed."}{" "}
        {progress}
      </p>
    </Alert>
  );
}

function Headline({ a, invitationId }: { a: Analysis; invitationId: string }) {
  const rec = a.recommendation;
  const overallChanged = a.overall !== null && Math.abs(a.overall - a.aiOverall) >= 0.005;
  return (
    <dl className="grid gap-3 sm:grid-cols-2">
      <div className="rounded-lg border border-slate-200 p-4">
        <dt className="text-xs uppercase tracking-wide text-slate-500">Overall</dt>
        <dd className="mt-1">
          <span className="text-2xl font-semibold text-slate-900">{formatScore(a.overall)}</span>
          <span className="text-sm text-slate-600"> of 5</span>
          {overallChanged ? <span className="block text-xs text-slate-600">AI: {formatScore(a.aiOverall)}; recomputed from the overridden scores</span> : null}
        </dd>
      </div>
      <div className="rounded-lg border border-slate-200 p-4">
        <dt className="text-xs uppercase tracking-wide text-slate-500">Recommendation</dt>
        <dd className="mt-1 space-y-2">
          <div className="flex flex-wrap items-center gap-2">
            <Badge tone={RECOMMENDATION_TONES[rec.effective]} className="text-sm">
              {RECOMMENDATION_LABELS[rec.effective]}
            </Badge>
            <OverrideButton invitationId={invitationId} field={RECOMMENDATION_FIELD} label="the recommendation" current={rec.effective} />
          </div>
          {rec.override ? <OverrideNote override={rec.override} aiText={RECOMMENDATION_LABELS[rec.ai]} /> : null}
        </dd>
      </div>
    </dl>
  );
}

function ScoreTable({ a, invitationId }: { a: Analysis; invitationId: string }) {
  return (
    <TableContainer>
      <Table>
        <TableCaption className="sr-only">Scores by competency: the AI’s, the one that counts, and why</TableCaption>
        <THead>
          <TR>
            <TH>Competency</TH>
            <TH>AI</TH>
            <TH>Score</TH>
            <TH className="min-w-[18rem]">Rationale and evidence</TH>
            <TH>
              <span className="sr-only">Override</span>
            </TH>
          </TR>
        </THead>
        <TBody>
          {a.scores.map((s) => (
            <TR key={s.competencyId} className="align-top">
              <TH scope="row" className="whitespace-normal text-sm font-medium normal-case tracking-normal text-slate-900">
                {s.competency}
                <span className="block text-xs font-normal text-slate-500">weight {s.weight}</span>
              </TH>
              <TD className="text-slate-700">{formatScore(s.ai)}</TD>
              <TD>
                <span className="font-semibold text-slate-900">{formatScore(s.effective)}</span>
                {s.override ? (
                  <Badge tone="info" className="ml-2">
                    HR
                  </Badge>
                ) : null}
              </TD>
              <TD className="space-y-2">
                {s.rationale ? <p className="text-slate-800">{s.rationale}</p> : <p className="text-slate-600">The AI did not score this competency.</p>}
                <EvidenceList evidence={s.evidence} />
                {s.override ? <OverrideNote override={s.override} aiText={formatScore(s.ai)} /> : null}
              </TD>
              <TD>
                <OverrideButton
                  invitationId={invitationId}
                  field={s.competencyId}
                  label={s.competency}
                  current={s.effective === null ? null : String(s.effective)}
                />
              </TD>
            </TR>
          ))}
        </TBody>
      </Table>
    </TableContainer>
  );
}

export function AnalysisSection({ invitationId, initial, questions }: { invitationId: string; initial: InterviewAnalysisView; questions: AnalysedQuestion[] }) {
  const trpc = useTRPC();
  const query = useQuery(
    trpc.analysis.interview.queryOptions(
      { invitationId },
      { initialData: initial, refetchInterval: (q) => (q.state.data?.state === "complete" ? false : POLL_MS) },
    ),
  );
  const view = query.data;
  const a = view.analysis;
  const places: AnswerPlaces = Object.fromEntries(questions.filter((q) => q.responseId).map((q) => [q.responseId!, { number: q.number, type: q.type }]));
  const answerNumber = (id: string) => places[id]?.number;

  return (
    <Card>
      <section aria-labelledby="ai-analysis-heading">
        <CardHeader>
          <CardTitle id="ai-analysis-heading">AI analysis</CardTitle>
          {a ? (
            <p className="text-sm text-slate-600">
              Analysed by{" "}
              <span className="font-medium text-slate-900">
                {a.engine === "offline" ? `the ${a.engineLabel.charAt(0).toLowerCase()}${a.engineLabel.slice(1)}` : a.engineLabel}
              </span>
              {" · "}
              {formatDateTime(a.createdAt)}
              <span className="block text-xs text-slate-500">
                Model {a.model}, prompt {a.promptVersion}. A first read for you to check: every score links to what was said, and you can override any of them.
              </span>
            </p>
          ) : null}
        </CardHeader>
        <CardContent className="space-y-6">
          {query.error ? <Alert tone="danger">{errorMessage(query.error)}</Alert> : null}
          <AnswerPlacesProvider places={places}>
            {!a ? (
              <PipelineState view={view} />
            ) : (
              <>
                <FlagList flags={a.flags} answerNumber={answerNumber} />
                <Headline a={a} invitationId={invitationId} />
                <p className="whitespace-pre-line text-slate-800">{a.summary}</p>
                <div className="space-y-2">
                  <h3 className="font-semibold text-slate-900">Scores by competency</h3>
                  <ScoreTable a={a} invitationId={invitationId} />
                </div>
                <div className="grid gap-6 md:grid-cols-2">
                  <ClaimList title="Strengths" claims={a.strengths} empty="The AI noted no particular strengths." />
                  <ClaimList title="Concerns" claims={a.concerns} empty="The AI noted no concerns." />
                </div>
              </>
            )}
            {Object.keys(view.answers).length > 0 ? (
              <div className="space-y-3">
                <h3 className="font-semibold text-slate-900">Answer by answer</h3>
                <AnswerAnalyses questions={questions} answers={view.answers} />
              </div>
            ) : null}
          </AnswerPlacesProvider>
        </CardContent>
      </section>
    </Card>
  );
}
