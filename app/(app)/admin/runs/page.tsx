import type { Metadata } from "next";
import { Alert, PageHeader } from "@/components/ui";
import { RunsTable } from "@/components/pipeline/runs-table";
import { INNGEST_MODE_LABELS, inngestMode } from "@/inngest/mode";
import { requireRole } from "@/server/auth/guards";

export const metadata: Metadata = { title: "Background runs" };
export const dynamic = "force-dynamic";

export default async function AdminRunsPage() {
  await requireRole("ADMIN");
  const mode = inngestMode();
  return (
    <div className="space-y-6">
      <PageHeader
        title="Background runs"
        description="Media processing, transcription and analysis runs: their steps, status and errors. A finished or failed run can be run again from its first step."
      />
      {mode === "in-process" ? (
        <Alert tone="info">
          No Inngest server is configured, so the functions run inside this app: each step&apos;s result is kept in the database, and a restart resumes a run
          where it was.
        </Alert>
      ) : (
        <Alert tone="info">
          Functions run on {INNGEST_MODE_LABELS[mode]}; their runs, steps and retries are in its dashboard
          {mode === "dev-server" ? " (http://localhost:8288 for the dev server)" : ""}. Runs listed below are from earlier in-process operation.
        </Alert>
      )}
      <RunsTable />
    </div>
  );
}
