import type { Metadata } from "next";
import { ImpactTableView } from "@/components/fairness/impact-table";
import { Alert, Button, ButtonLink, Card, CardContent, CardDescription, CardHeader, CardTitle, Field, Input, PageHeader, Select } from "@/components/ui";
import { requireRole } from "@/server/auth/guards";
import { hrMembership } from "@/server/auth/session-user";
import { FOUR_FIFTHS, MIN_CELL_SIZE } from "@/server/fairness/impact-ratios";
import { BASIS_LABELS } from "@/server/fairness/report-csv";
import { parseFairnessSearchParams } from "@/server/fairness/report.schema";
import { serverCaller } from "@/server/trpc/server-caller";

export const metadata: Metadata = { title: "Fairness report" };

const SELECTED_MEANS = { hr: "advanced by your team", ai: "recommended yes or strong yes by the AI" } as const;

export default async function FairnessReportPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await requireRole("HR", "ADMIN");
  if (hrMembership(user)?.orgRole !== "OWNER") {
    return (
      <div className="space-y-6">
        <PageHeader title="Fairness report" />
        <Alert tone="info">Only an owner of your organization can read the fairness report.</Alert>
      </div>
    );
  }
  const params = new URLSearchParams(Object.entries(await searchParams).filter((e): e is [string, string] => typeof e[1] === "string"));
  const filters = parseFairnessSearchParams(params);
  const caller = await serverCaller();
  const templates = (await caller.templates.list({ status: "ALL", take: 100 })).items;
  const report = filters.success ? await caller.fairness.report(filters.data) : null;
  const csvHref = filters.success
    ? `/api/reports/fairness?${new URLSearchParams(Object.entries(filters.data).filter((e): e is [string, string] => !!e[1]))}`
    : null;

  return (
    <div className="space-y-6">
      <PageHeader
        title="Fairness report"
        description="Selection rates and impact ratios by the candidates' voluntary self-identification, for your team's decisions and for the AI's recommendations."
        actions={
          csvHref ? (
            <ButtonLink href={csvHref} variant="outline">
              Download CSV
            </ButtonLink>
          ) : null
        }
      />
      <Card>
        <CardContent className="pt-4 sm:pt-5">
          <form method="get" className="grid gap-4 sm:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_minmax(0,1fr)_auto] sm:items-end">
            <Field label="Template">
              {(props) => (
                <Select {...props} name="templateId" defaultValue={filters.success ? (filters.data.templateId ?? "") : ""}>
                  <option value="">All templates</option>
                  {templates.map((t) => (
                    <option key={t.id} value={t.id}>
                      {t.title}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
            <Field label="Completed from">
              {(props) => <Input {...props} type="date" name="from" defaultValue={params.get("from") ?? filters.data?.from} />}
            </Field>
            <Field label="to">{(props) => <Input {...props} type="date" name="to" defaultValue={params.get("to") ?? filters.data?.to} />}</Field>
            <Button type="submit">Show</Button>
          </form>
          {!filters.success ? (
            <div className="mt-4">
              <Alert tone="danger">{filters.error.issues[0]?.message ?? "Check the filters."}</Alert>
            </div>
          ) : null}
        </CardContent>
      </Card>

      {report ? (
        <>
          <p className="text-sm text-slate-700">
            {report.completed} candidates completed an interview in this range; {report.selfIdentified} of them answered the voluntary self-identification.
          </p>
          {report.bases.map((basis) => (
            <Card key={basis.basis}>
              <section aria-labelledby={`basis-${basis.basis}`}>
                <CardHeader>
                  <CardTitle id={`basis-${basis.basis}`}>{basis.basis === "hr" ? "Your team's decisions" : "The AI's recommendations"}</CardTitle>
                  <CardDescription>
                    Selected means {SELECTED_MEANS[basis.basis]}. {basis.assessed} candidates have an outcome; {basis.pending}{" "}
                    {basis.basis === "hr" ? "are on hold or have no decision yet" : "have no analysis"} and are not counted.
                  </CardDescription>
                </CardHeader>
                <CardContent className="space-y-6">
                  {basis.tables.map((table) => (
                    <ImpactTableView key={table.dimension} table={table} basisLabel={BASIS_LABELS[basis.basis]} />
                  ))}
                </CardContent>
              </section>
            </Card>
          ))}
        </>
      ) : null}

      <Card>
        <section aria-labelledby="method-heading">
          <CardHeader>
            <CardTitle id="method-heading">How this is computed</CardTitle>
          </CardHeader>
          <CardContent className="space-y-2 text-sm text-slate-700">
            <p>
              Candidates who completed an interview in the date range are grouped by the sex and race or ethnicity they chose to give after their interview (the
              EEO-1 categories), and by both together. A group&apos;s <strong>selection rate</strong> is the share of its candidates who were selected: advanced
              by your team (reject is not selected; hold or no decision is left out), or recommended yes or strong yes by the AI before any change by a
              reviewer.
            </p>
            <p>
              A group&apos;s <strong>impact ratio</strong> is its selection rate divided by the highest selection rate of any group. A ratio below {FOUR_FIFTHS}{" "}
              (the four-fifths rule of the US Uniform Guidelines) is marked: it does not prove unfairness, but it is the usual sign that a step of the process
              deserves a closer look. This is the calculation New York City&apos;s Local Law 144 asks a bias audit to publish; an audit itself must be done by
              an independent auditor.
            </p>
            <p>
              Groups of fewer than {MIN_CELL_SIZE} candidates are not shown and take no part in finding the highest rate: so few people say little and could be
              recognised. Candidates who preferred not to say, or did not answer, are counted as unknown and left out of the rates. Answers are never shown per
              candidate, to reviewers or anyone else.
            </p>
          </CardContent>
        </section>
      </Card>
    </div>
  );
}
