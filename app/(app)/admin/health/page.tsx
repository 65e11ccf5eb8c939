import type { Metadata } from "next";
import { formatDateTime } from "@/components/format";
import { Alert, Badge, Card, CardContent, CardHeader, CardTitle, PageHeader } from "@/components/ui";
import { requireRole } from "@/server/auth/guards";
import { checkHealth } from "@/server/health/check";

export const metadata: Metadata = { title: "System health" };

export default async function HealthPage() {
  await requireRole("ADMIN");
  const report = await checkHealth();
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
    </div>
  );
}
