-- AlterTable
ALTER TABLE "outbox_events" ADD COLUMN     "traceparent" TEXT;

-- AlterTable
ALTER TABLE "job_runs" ADD COLUMN     "traceparent" TEXT;
