import type { Metadata } from "next";
import { AnalyticsCharts } from "@/components/analytics/analytics-charts";
import { Alert, Button, ButtonLink, Card, CardContent, Field, Input, PageHeader, Select } from "@/components/ui";
import { analyticsSearchParams, parseAnalyticsSearchParams } from "@/server/analytics/analytics.schema";
import { requireRole } from "@/server/auth/guards";
import { INVITATION_STATUSES, STATUS_LABELS } from "@/server/invitations/status";
import { serverCaller } from "@/server/trpc/server-caller";

export const metadata: Metadata = { title: "Analytics" };

/** 5 400 s → "1.5 h", 600 s → "10 min", 86 400 × 2 s → "2.0 days". */
function formatWait(seconds: number | null): string {
  if (seconds === null) return "–";
  if (seconds < 3600) return `${Math.max(1, Math.round(seconds / 60))} min`;
  if (seconds < 48 * 3600) return `${(seconds / 3600).toFixed(1)} h`;
  return `${(seconds / 86400).toFixed(1)} days`;
}

export default async function AnalyticsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireRole("HR", "ADMIN");
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(await searchParams)) for (const v of [value].flat()) if (typeof v === "string") params.append(key, v);
  const filters = parseAnalyticsSearchParams(params);
  const caller = await serverCaller();
  const templates = (await caller.templates.list({ status: "ALL", take: 100 })).items;
  // A template of another organization (or a deleted one) reads as "not found", shown as the filters' error.
  const result = filters.success
    ? await caller.analytics.overview(filters.data).then(
        (data) => ({ ok: true as const, data }),
        (error: unknown) => ({ ok: false as const, message: error instanceof Error ? error.message : "The analytics could not be computed." }),
      )
    : null;
  const analytics = result?.ok ? result.data : null;
  const error = !filters.success ? (filters.error.issues[0]?.message ?? "Check the filters.") : result && !result.ok ? result.message : null;
  const selected = new Set(filters.success ? (filters.data.status ?? []) : []);
  const invited = analytics?.funnel[0]?.count ?? 0;

  return (
    <div className="space-y-6">
      <PageHeader
        title="Analytics"
        description="How candidates move through your interviews, where they stop, how they score and how fast your team reviews them."
        actions={
          filters.success && analytics ? (
            <ButtonLink href={`/api/analytics/csv?${analyticsSearchParams(filters.data)}`} variant="outline">
              Download CSV
            </ButtonLink>
          ) : null
        }
      />
      <Card>
        <CardContent className="pt-4 sm:pt-5">
          <form method="get" className="space-y-4">
            <div className="grid gap-4 sm:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_minmax(0,1fr)]">
              <Field label="Template">
                {(props) => (
                  <Select {...props} name="templateId" defaultValue={params.get("templateId") ?? ""}>
                    <option value="">All templates</option>
                    {templates.map((t) => (
                      <option key={t.id} value={t.id}>
                        {t.title}
                      </option>
                    ))}
                  </Select>
                )}
              </Field>
              <Field label="Invited from">
                {(props) => <Input {...props} type="date" name="from" defaultValue={params.get("from") ?? filters.data?.from} />}
              </Field>
              <Field label="to">{(props) => <Input {...props} type="date" name="to" defaultValue={params.get("to") ?? filters.data?.to} />}</Field>
            </div>
            <fieldset>
              <legend className="text-sm font-medium text-slate-900">Status (none checked: all)</legend>
              <div className="mt-2 flex flex-wrap gap-x-4 gap-y-2">
                {INVITATION_STATUSES.map((s) => (
                  <label key={s} className="flex items-center gap-2 text-sm text-slate-700">
                    <input type="checkbox" name="status" value={s} defaultChecked={selected.has(s)} className="size-4 rounded border-slate-300" />
                    {STATUS_LABELS[s]}
                  </label>
                ))}
              </div>
            </fieldset>
            <Button type="submit">Show</Button>
          </form>
          {error ? (
            <div className="mt-4">
              <Alert tone="danger">{error}</Alert>
            </div>
          ) : null}
        </CardContent>
      </Card>

      {analytics ? (
        <>
          {/* A definition list may hold only dt/dd groups, each in one div: the stat tiles are those divs, styled like cards. */}
          <dl className="grid gap-4 sm:grid-cols-3">
            {[
              { term: "Invited", value: String(invited) },
              { term: "Median time to complete (start to submit)", value: formatWait(analytics.medianSecondsToComplete) },
              { term: "Median time to first review (completion to first “Reviewed”)", value: formatWait(analytics.medianSecondsToFirstReview) },
            ].map((stat) => (
              <div key={stat.term} className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-5">
                <dt className="text-sm text-slate-600">{stat.term}</dt>
                <dd className="text-2xl font-semibold tabular-nums">{stat.value}</dd>
              </div>
            ))}
          </dl>
          {invited === 0 ? <Alert tone="info">No invitation matches these filters yet.</Alert> : <AnalyticsCharts analytics={analytics} />}
        </>
      ) : null}
    </div>
  );
}
