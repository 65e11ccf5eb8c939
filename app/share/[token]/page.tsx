import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { formatDateTime, formatScore } from "@/components/format";
import { Alert, Badge, Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui";
import { RECOMMENDATION_LABELS } from "@/server/analysis/analysis.schema";
import type { SharedInterview } from "@/server/share/view";
import { serverCaller } from "@/server/trpc/server-caller";

export const metadata: Metadata = { title: "Shared interview", robots: { index: false, follow: false } };
export const dynamic = "force-dynamic";

async function load(token: string): Promise<SharedInterview> {
  try {
    return await (await serverCaller()).share.view({ token });
  } catch (error) {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST" || error.code === "TOO_MANY_REQUESTS")) {
      notFound();
    }
    throw error;
  }
}

function Analysis({ analysis }: { analysis: NonNullable<SharedInterview["analysis"]> }) {
  return (
    <Card>
      <section aria-labelledby="shared-analysis-heading">
        <CardHeader>
          <CardTitle id="shared-analysis-heading">AI analysis</CardTitle>
          <CardDescription>A first read by the AI, explained below; the hiring team makes the decisions.</CardDescription>
        </CardHeader>
        <CardContent className="space-y-4 text-sm">
          <div className="flex flex-wrap gap-2">
            <Badge tone="info">Overall {formatScore(analysis.overall)} of 5</Badge>
            <Badge tone="neutral">{RECOMMENDATION_LABELS[analysis.recommendation]}</Badge>
          </div>
          <p className="text-slate-800">{analysis.summary}</p>
          <ul className="space-y-2">
            {analysis.scores.map((s) => (
              <li key={s.competency}>
                <span className="font-medium">{s.competency}</span>: {formatScore(s.score)}
                {s.rationale ? <span className="block text-slate-600">{s.rationale}</span> : null}
              </li>
            ))}
          </ul>
          {[
            ["Strengths", analysis.strengths],
            ["Concerns", analysis.concerns],
            ["Flags", analysis.flags],
          ].map(([title, items]) =>
            (items as string[]).length > 0 ? (
              <div key={title as string}>
                <h3 className="font-semibold">{title as string}</h3>
                <ul className="list-disc pl-5 text-slate-700">
                  {(items as string[]).map((t, i) => (
                    <li key={i}>{t}</li>
                  ))}
                </ul>
              </div>
            ) : null,
          )}
        </CardContent>
      </section>
    </Card>
  );
}

/** An interview shared read-only with someone outside the organization: no sign-in, no app shell, no links into the app. */
export default async function SharedInterviewPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const shared = await load(token);
  return (
    <main className="mx-auto max-w-4xl space-y-6 px-4 py-8">
      <header className="space-y-1">
        <p className="text-sm text-slate-600">Shared interview · read-only</p>
        <h1 className="text-2xl font-semibold text-slate-900">{shared.candidateName}</h1>
        <p className="text-slate-700">
          {shared.job.title}
          {shared.completedAt ? ` · completed ${formatDateTime(shared.completedAt)}` : ""}
        </p>
        <p className="text-xs text-slate-600">{`This link works until ${formatDateTime(shared.expiresAt)}. Each visit is recorded for the team that shared it.`}</p>
      </header>
      {shared.analysis ? <Analysis analysis={shared.analysis} /> : <Alert tone="info">This interview has no AI analysis.</Alert>}
      <section aria-label="Answers" className="space-y-4">
        {shared.answers.map((a) => (
          <Card key={a.number}>
            <CardHeader>
              <CardTitle as="h2">{`Question ${a.number}`}</CardTitle>
              <CardDescription>{a.prompt}</CardDescription>
            </CardHeader>
            <CardContent className="space-y-3 text-sm">
              {!a.answered ? <p className="text-slate-600">Not answered.</p> : null}
              {a.videoUrl ? (
                <video controls preload="metadata" className="aspect-video w-full rounded-lg bg-black" aria-label={`Video answer to question ${a.number}`}>
                  <source src={a.videoUrl} type={a.videoType ?? undefined} />
                </video>
              ) : null}
              {a.textAnswer ? <p className="whitespace-pre-line text-slate-800">{a.textAnswer}</p> : null}
              {a.transcript ? (
                <div>
                  <h3 className="font-semibold">Transcript</h3>
                  <p className="text-xs text-slate-600">{`${a.transcript.engineLabel}${a.transcript.caution ? `: ${a.transcript.caution}` : ""}`}</p>
                  <p className="mt-1 whitespace-pre-line text-slate-800">{a.transcript.text}</p>
                </div>
              ) : null}
            </CardContent>
          </Card>
        ))}
      </section>
    </main>
  );
}
