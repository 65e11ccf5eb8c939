"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { formatDate, formatScore } from "@/components/format";
import { InvitationStatusBadge } from "@/components/invitations/status-badge";
import {
  Alert,
  Badge,
  buttonClasses,
  cn,
  EmptyState,
  Input,
  Label,
  Popover,
  Select,
  Table,
  TableCaption,
  TableContainer,
  TBody,
  TD,
  TH,
  THead,
  TR,
} from "@/components/ui";
import { errorMessage, useTRPC } from "@/components/trpc/client";
import { RECOMMENDATION_LABELS, RECOMMENDATIONS, type Recommendation } from "@/server/analysis/analysis.schema";
import type { Comparison, ComparisonScore } from "@/server/comparison/compare";
import { comparisonSearchParams, OVERALL_SORT } from "@/server/comparison/comparison.schema";
import { INVITATION_STATUSES, STATUS_LABELS, type InvitationStatusValue } from "@/server/invitations/status";
import { RECOMMENDATION_TONES } from "@/components/analysis/labels";

function toggle<T>(list: T[], value: T): T[] {
  return list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
}

function CheckboxGroup<T extends string>({
  legend,
  options,
  selected,
  onChange,
}: {
  legend: string;
  options: { value: T; label: string }[];
  selected: T[];
  onChange: (next: T[]) => void;
}) {
  return (
    <fieldset className="min-w-0">
      <legend className="text-sm font-medium text-slate-900">{legend}</legend>
      <div className="mt-2 flex flex-wrap gap-x-4 gap-y-2">
        {options.map((o) => (
          <label key={o.value} className="flex items-center gap-2 text-sm text-slate-700">
            <input
              type="checkbox"
              className="size-4 accent-brand-600"
              checked={selected.includes(o.value)}
              onChange={() => onChange(toggle(selected, o.value))}
            />
            {o.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function SortHeader({ id, label, sort, onSort, className }: { id: string; label: string; sort: string; onSort: (id: string) => void; className?: string }) {
  const active = sort === id;
  return (
    <TH aria-sort={active ? "descending" : undefined} className={cn(wrapHeader, className)}>
      <button
        type="button"
        onClick={() => onSort(id)}
        className={cn(
          "rounded text-left uppercase hover:text-slate-900 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-500",
          active && "text-slate-900",
        )}
      >
        {label} <span aria-hidden="true">{active ? "▼" : "↕"}</span>
        <span className="sr-only">{active ? "(ranked by this, highest first)" : "(rank by this)"}</span>
      </button>
    </TH>
  );
}

// Headers wrap (and lose the letter-spacing) so that all eleven-odd columns fit a laptop without a sideways scroll.
const wrapHeader = "whitespace-normal tracking-normal";

// Below 768 px the table is laid out as one card per candidate; the same markup, so each candidate has one link.
// Each cell names itself with its data-label, drawn as a pseudo-element so the cell's text stays the value alone.
const cardCell =
  "max-md:flex max-md:items-center max-md:justify-between max-md:gap-3 max-md:px-0 max-md:py-1 " +
  "max-md:before:text-xs max-md:before:font-medium max-md:before:uppercase max-md:before:tracking-wide max-md:before:text-slate-500 max-md:before:content-[attr(data-label)]";

/** "HR" beside a value a reviewer changed; it opens what the AI gave (a title tooltip would not show on touch screens). */
function OverrideMarker({ ai, said = false }: { ai: string; said?: boolean }) {
  return (
    <Popover
      label="Overridden by HR"
      trigger={
        <button
          type="button"
          className="rounded px-0.5 text-xs font-medium text-brand-700 underline decoration-dotted underline-offset-2 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-500"
        >
          HR
          <span className="sr-only">
            , overridden; AI {said ? "said" : "gave"} {ai}
          </span>
        </button>
      }
      className="w-56"
    >
      A reviewer overrode this. The AI {said ? "said" : "gave"} <span className="font-medium">{ai}</span>; the audit log has who and why.
    </Popover>
  );
}

function ScoreCell({ score }: { score: ComparisonScore | undefined }) {
  if (!score || score.effective === null) return <span className="text-slate-400">–</span>;
  return (
    <span className="inline-flex items-center gap-1">
      <span className="font-medium text-slate-900">{formatScore(score.effective)}</span>
      {score.overridden ? <OverrideMarker ai={formatScore(score.ai)} /> : null}
    </span>
  );
}

export function ComparisonTable({ templateId, initial }: { templateId: string; initial: Comparison }) {
  const trpc = useTRPC();
  const [status, setStatus] = useState<InvitationStatusValue[]>([]);
  const [recommendation, setRecommendation] = useState<Recommendation[]>([]);
  const [sort, setSort] = useState<string>(OVERALL_SORT);
  const [skillText, setSkillText] = useState("");
  const skill = skillText.trim() || undefined;
  const input = { templateId, status: status.length ? status : undefined, recommendation: recommendation.length ? recommendation : undefined, skill, sort };
  const unfiltered = !status.length && !recommendation.length && !skill && sort === OVERALL_SORT;
  const query = useQuery(trpc.analysis.compare.queryOptions(input, { placeholderData: keepPreviousData, initialData: unfiltered ? initial : undefined }));
  const data = query.data ?? initial;
  const competencies = data.competencies;
  const keyed = data.rows.some((r) => r.keyPoints);
  const csvQuery = comparisonSearchParams({ status, recommendation, skill, sort }).toString();
  const csvHref = `/api/templates/${encodeURIComponent(templateId)}/comparison.csv${csvQuery ? `?${csvQuery}` : ""}`;
  const sortLabel = sort === OVERALL_SORT ? "overall score" : (competencies.find((c) => c.id === sort)?.competency ?? sort);

  return (
    <div className="space-y-4">
      <div
        role="search"
        aria-label="Filter candidates"
        className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 md:grid-cols-[minmax(0,1fr)_minmax(0,1fr)_auto_auto]"
      >
        <CheckboxGroup
          legend="Status"
          options={INVITATION_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))}
          selected={status}
          onChange={setStatus}
        />
        <CheckboxGroup
          legend="Recommendation"
          options={RECOMMENDATIONS.map((r) => ({ value: r, label: RECOMMENDATION_LABELS[r] }))}
          selected={recommendation}
          onChange={setRecommendation}
        />
        <div className="space-y-1.5">
          <Label htmlFor="compare-skill">Skill on profile</Label>
          <Input id="compare-skill" value={skillText} onChange={(e) => setSkillText(e.target.value)} placeholder="e.g. SQL" maxLength={40} />
        </div>
        <div className="space-y-1.5">
          <Label htmlFor="compare-sort">Rank by</Label>
          <Select id="compare-sort" value={sort} onChange={(e) => setSort(e.target.value)}>
            <option value={OVERALL_SORT}>Overall score</option>
            {competencies.map((c) => (
              <option key={c.id} value={c.id}>
                {c.competency}
              </option>
            ))}
          </Select>
        </div>
      </div>

      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-slate-600" aria-live="polite">
          {data.rows.length} candidate{data.rows.length === 1 ? "" : "s"}, ranked by {sortLabel}; equal scores go to the stronger recommendation, then the
          higher criteria coverage, then whoever finished first
          {query.isFetching ? " (updating…)" : ""}
        </p>
        <a href={csvHref} download className={buttonClasses("outline", "sm")}>
          Download CSV
        </a>
      </div>

      {query.error ? <Alert tone="danger">{errorMessage(query.error)}</Alert> : null}
      {data.rows.length === 0 ? (
        <EmptyState
          title={unfiltered ? "No candidates yet" : "No candidates match"}
          description={
            unfiltered ? "Invite candidates to this interview; they are ranked here once their answers are analysed." : "Clear a filter to see more candidates."
          }
        />
      ) : (
        <TableContainer className="max-md:overflow-visible max-md:border-0 max-md:bg-transparent">
          <Table className="max-md:block">
            <TableCaption className="sr-only">
              Candidates for {data.template.title}, ranked by {sortLabel}, highest first; candidates without an analysis last
            </TableCaption>
            <THead className="max-md:hidden">
              <TR>
                <TH className={wrapHeader}>Rank</TH>
                <TH className={wrapHeader}>Candidate</TH>
                <TH className={wrapHeader}>Status</TH>
                <SortHeader id={OVERALL_SORT} label="Overall" sort={sort} onSort={setSort} />
                {competencies.map((c) => (
                  <SortHeader key={c.id} id={c.id} label={c.competency} sort={sort} onSort={setSort} />
                ))}
                {keyed ? <TH className={wrapHeader}>Points by key</TH> : null}
                <TH className={wrapHeader}>Recommendation</TH>
                <TH className={wrapHeader}>Flags</TH>
                <TH className={wrapHeader}>Completed</TH>
                <TH className={wrapHeader}>Engine</TH>
              </TR>
            </THead>
            <TBody className="max-md:block max-md:space-y-3 max-md:divide-y-0">
              {data.rows.map((r) => {
                const a = r.analysis;
                return (
                  <TR
                    key={r.invitationId}
                    className="max-md:flex max-md:flex-col max-md:rounded-lg max-md:border max-md:border-slate-200 max-md:bg-white max-md:p-4"
                  >
                    <TD className={cn("font-semibold text-slate-900", cardCell)} data-label="Rank">
                      {r.rank ?? <span className="sr-only">Not ranked</span>}
                    </TD>
                    <TH scope="row" className="whitespace-normal text-sm font-normal normal-case tracking-normal max-md:order-first max-md:px-0">
                      <Link
                        href={`/interviews/${r.invitationId}`}
                        className="font-medium text-brand-700 underline-offset-2 hover:underline focus-visible:underline"
                      >
                        {r.candidateName}
                      </Link>
                      <span className="block break-all text-xs text-slate-500">{r.candidateEmail}</span>
                      {r.skills.length ? <span className="block text-xs text-slate-600">Skills: {r.skills.join(", ")}</span> : null}
                    </TH>
                    <TD className={cardCell} data-label="Status">
                      <InvitationStatusBadge status={r.status} />
                    </TD>
                    <TD className={cardCell} data-label="Overall">
                      {a ? (
                        <ScoreCell score={{ ai: a.aiOverall, effective: a.overall, overridden: a.overridden && a.overall !== a.aiOverall }} />
                      ) : (
                        <span className="text-sm text-slate-500">Not analysed</span>
                      )}
                    </TD>
                    {competencies.map((c) => (
                      <TD key={c.id} className={cardCell} data-label={c.competency}>
                        <ScoreCell score={a?.scores[c.id]} />
                      </TD>
                    ))}
                    {keyed ? (
                      <TD className={cn("whitespace-nowrap text-sm", cardCell, !r.keyPoints && "max-md:hidden")} data-label="Points by key">
                        {r.keyPoints ? `${formatScore(r.keyPoints.earned)} of ${r.keyPoints.of}` : "–"}
                      </TD>
                    ) : null}
                    <TD className={cardCell} data-label="Recommendation">
                      {a ? (
                        <span className="inline-flex items-center gap-1">
                          <Badge tone={RECOMMENDATION_TONES[a.recommendation.effective]}>{RECOMMENDATION_LABELS[a.recommendation.effective]}</Badge>
                          {a.recommendation.overridden ? <OverrideMarker ai={RECOMMENDATION_LABELS[a.recommendation.ai]} said /> : null}
                        </span>
                      ) : null}
                    </TD>
                    <TD className={cn(cardCell, !a?.flagged && "max-md:hidden")} data-label="Flags">
                      {a?.flagged ? <Badge tone="danger">Flagged</Badge> : null}
                    </TD>
                    <TD className={cn("whitespace-nowrap text-sm", cardCell)} data-label="Completed">
                      {r.completedAt ? formatDate(r.completedAt) : "–"}
                    </TD>
                    <TD className={cn("min-w-24 text-xs text-slate-600", cardCell, !a && "max-md:hidden")} data-label="Engine">
                      {a?.engineLabel ?? ""}
                    </TD>
                  </TR>
                );
              })}
            </TBody>
          </Table>
        </TableContainer>
      )}
    </div>
  );
}
