"use client";

import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { Table, TableCaption, TableContainer, TBody, TD, TH, THead, TR } from "@/components/ui";
import type { Analytics } from "@/server/analytics/analytics";
import { ChartCard } from "./chart-card";

// Recharts is imported here only, and this component only by the analytics page, so no other page's bundle carries it.

// Tailwind's 700 shades, as literals: an SVG fill attribute cannot rely on a theme variable being emitted.
const COLORS = ["#4338ca", "#b45309", "#047857", "#be123c", "#0369a1"];
const AXIS = { fontSize: 12, fill: "#475569" };

const formatShare = (n: number | null) => (n === null ? "–" : `${Math.round(n * 1000) / 10} %`);

function FunnelChart({ funnel }: { funnel: Analytics["funnel"] }) {
  return (
    <ChartCard
      id="funnel"
      title="Funnel"
      description="Candidates who reached each step, and the share of the previous step that did."
      chart={
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={funnel} layout="vertical" margin={{ left: 8, right: 16 }} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" allowDecimals={false} tick={AXIS} />
            <YAxis type="category" dataKey="label" width={110} tick={AXIS} />
            <Tooltip />
            <Bar dataKey="count" name="Candidates" fill={COLORS[0]} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      }
      table={
        <TableContainer>
          <Table>
            <TableCaption className="sr-only">Funnel</TableCaption>
            <THead>
              <TR>
                <TH>Step</TH>
                <TH className="text-right">Candidates</TH>
                <TH className="text-right">Of previous step</TH>
                <TH className="text-right">Of invited</TH>
              </TR>
            </THead>
            <TBody>
              {funnel.map((f) => (
                <TR key={f.step}>
                  <TH scope="row">{f.label}</TH>
                  <TD className="text-right tabular-nums">{f.count}</TD>
                  <TD className="text-right tabular-nums">{formatShare(f.fromPrevious)}</TD>
                  <TD className="text-right tabular-nums">{formatShare(f.fromInvited)}</TD>
                </TR>
              ))}
            </TBody>
          </Table>
        </TableContainer>
      }
    />
  );
}

function DropOffChart({ dropOff }: { dropOff: Analytics["dropOff"] }) {
  const data = dropOff.map((d) => ({ ...d, short: `Q${d.position + 1}` }));
  return (
    <ChartCard
      id="drop-off"
      title="Drop-off by question"
      description="Answers given to each question, and candidates who started but let the link expire or were cancelled at that question."
      chart={
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} margin={{ right: 16 }} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="short" tick={AXIS} />
            <YAxis allowDecimals={false} tick={AXIS} width={40} />
            <Tooltip labelFormatter={(short) => data.find((d) => d.short === short)?.label ?? (typeof short === "string" ? short : "")} />
            <Legend />
            <Bar dataKey="answered" name="Answered" fill={COLORS[0]} isAnimationActive={false} />
            <Bar dataKey="stoppedHere" name="Stopped here" fill={COLORS[3]} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      }
      table={
        <TableContainer>
          <Table>
            <TableCaption className="sr-only">Drop-off by question</TableCaption>
            <THead>
              <TR>
                <TH>Question</TH>
                <TH className="text-right">Answered</TH>
                <TH className="text-right">Stopped here</TH>
              </TR>
            </THead>
            <TBody>
              {dropOff.map((d) => (
                <TR key={d.position}>
                  <TH scope="row" className="whitespace-normal">
                    {d.label}
                  </TH>
                  <TD className="text-right tabular-nums">{d.answered}</TD>
                  <TD className="text-right tabular-nums">{d.stoppedHere}</TD>
                </TR>
              ))}
            </TBody>
          </Table>
        </TableContainer>
      }
    />
  );
}

function ScoresChart({ scores }: { scores: Analytics["scores"] }) {
  const count = (competency: string, score: number) => scores.buckets.find((b) => b.competency === competency && b.score === score)?.interviews ?? 0;
  const data = [1, 2, 3, 4, 5].map((score) => ({ score: String(score), ...Object.fromEntries(scores.competencies.map((c) => [c, count(c, score)])) }));
  return (
    <ChartCard
      id="scores"
      title="Score distribution per competency"
      description="The AI's latest score of each analysed interview, per competency, rounded to whole points (1-5)."
      chart={
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} margin={{ right: 16 }} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="score" tick={AXIS} />
            <YAxis allowDecimals={false} tick={AXIS} width={40} />
            <Tooltip />
            <Legend />
            {scores.competencies.map((c, i) => (
              <Bar key={c} dataKey={c} name={c} fill={COLORS[i % COLORS.length]} isAnimationActive={false} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      }
      table={
        <TableContainer>
          <Table>
            <TableCaption className="sr-only">Score distribution per competency</TableCaption>
            <THead>
              <TR>
                <TH>Competency</TH>
                {[1, 2, 3, 4, 5].map((s) => (
                  <TH key={s} className="text-right">
                    Score {s}
                  </TH>
                ))}
              </TR>
            </THead>
            <TBody>
              {scores.competencies.map((c) => (
                <TR key={c}>
                  <TH scope="row">{c}</TH>
                  {[1, 2, 3, 4, 5].map((s) => (
                    <TD key={s} className="text-right tabular-nums">
                      {count(c, s)}
                    </TD>
                  ))}
                </TR>
              ))}
            </TBody>
          </Table>
        </TableContainer>
      }
    />
  );
}

function AnswersChart({ answersPerDay }: { answersPerDay: Analytics["answersPerDay"] }) {
  return (
    <ChartCard
      id="answers"
      title="Answers per day"
      description="Answers submitted each day (UTC) by the selected candidates."
      chart={
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={answersPerDay} margin={{ right: 16 }} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="day" tick={AXIS} minTickGap={24} />
            <YAxis allowDecimals={false} tick={AXIS} width={40} />
            <Tooltip />
            <Line type="monotone" dataKey="answers" name="Answers" stroke={COLORS[0]} dot={false} isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      }
      table={
        <TableContainer className="max-h-80 overflow-y-auto">
          <Table>
            <TableCaption className="sr-only">Answers per day</TableCaption>
            <THead>
              <TR>
                <TH>Day</TH>
                <TH className="text-right">Answers</TH>
              </TR>
            </THead>
            <TBody>
              {answersPerDay.map((d) => (
                <TR key={d.day}>
                  <TH scope="row">{d.day}</TH>
                  <TD className="text-right tabular-nums">{d.answers}</TD>
                </TR>
              ))}
            </TBody>
          </Table>
        </TableContainer>
      }
    />
  );
}

/** The analytics page's four charts, each with its table view. */
export function AnalyticsCharts({ analytics }: { analytics: Analytics }) {
  return (
    <div className="grid gap-6 xl:grid-cols-2">
      <FunnelChart funnel={analytics.funnel} />
      <DropOffChart dropOff={analytics.dropOff} />
      <ScoresChart scores={analytics.scores} />
      <AnswersChart answersPerDay={analytics.answersPerDay} />
    </div>
  );
}
