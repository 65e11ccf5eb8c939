import type { Metadata } from "next";
import { formatDateTime } from "@/components/format";
import { Alert, Badge, Card, CardContent, CardHeader, CardTitle, PageHeader } from "@/components/ui";
import { requireRole } from "@/server/auth/guards";
import { checkHealth } from "@/server/health/check";
import { serverCaller } from "@/server/trpc/server-caller";

export const metadata: Metadata = { title: "System health" };

export default async function HealthPage() {
  await requireRole("ADMIN");
  const report = await checkHealth();
  const failedDeletions = await (await serverCaller()).privacy.failedFileDeletions();
  const db = report.database;
  return (
    <div className="space-y-6">
      <PageHeader title="System health" description={`Checked ${formatDateTime(new Date(report.checkedAt))}`} />
      <Card>
        <CardHeader>
          <CardTitle>Database</CardTitle>
        </CardHeader>
        <CardContent>
          {db.ok ? (
            <dl className="grid grid-cols-1 gap-2 text-sm sm:grid-cols-2">
              <dt className="text-slate-500">State</dt>
              <dd>
                <Badge tone="success">answering in {db.latencyMs} ms</Badge>
              </dd>
              <dt className="text-slate-500">Engine</dt>
              <dd>
                {report.services.database} · {db.version}
              </dd>
              <dt className="text-slate-500">pgvector</dt>
              <dd>{db.vector.installed ? `installed (${db.vector.version})` : "missing"}</dd>
              <dt className="text-slate-500">Migrations</dt>
              <dd>
                {db.migrations.applied} applied
                {db.migrations.pending ? `, ${db.migrations.pending} pending: ${db.migrations.pendingNames.join(", ")}` : ", none pending"}
              </dd>
            </dl>
          ) : (
            <Alert tone="danger">The database is not answering: {db.error}</Alert>
          )}
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Services</CardTitle>
        </CardHeader>
        <CardContent>
          <dl className="grid grid-cols-1 gap-2 text-sm sm:grid-cols-2">
            {Object.entries(report.services).map(([k, v]) => (
              <div key={k} className="contents">
                <dt className="capitalize text-slate-500">{k}</dt>
                <dd>{v}</dd>
              </div>
            ))}
          </dl>
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>File deletions</CardTitle>
        </CardHeader>
        <CardContent>
          {failedDeletions.length ? (
            <div className="space-y-3">
              <Alert tone="danger">
                {failedDeletions.length} stored file(s) of deleted interviews could not be deleted yet. The hourly retention sweep retries them; fix the storage
                configuration if the error says so.
              </Alert>
              <ul className="space-y-2 text-sm">
                {failedDeletions.map((f) => (
                  <li key={f.id}>
                    <span className="font-mono">
                      {f.driver}:{f.key}
                    </span>
                    <span className="block text-slate-600">
                      {f.attempts} attempt(s), last {f.lastAttemptAt ? formatDateTime(f.lastAttemptAt) : "never"}: {f.lastError}
                    </span>
                  </li>
                ))}
              </ul>
            </div>
          ) : (
            <p className="text-sm text-slate-600">Every file of a deleted interview is gone from storage.</p>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
