-- AlterTable
ALTER TABLE "outbox_events" ADD COLUMN     "lastAttemptAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "job_runs" ADD COLUMN     "currentStep" TEXT,
ADD COLUMN     "eventName" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "finishedAt" TIMESTAMP(3),
ADD COLUMN     "owner" TEXT,
ADD COLUMN     "runCount" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "startedAt" TIMESTAMP(3),
ADD COLUMN     "stepOrder" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateIndex
CREATE INDEX "job_runs_createdAt_idx" ON "job_runs"("createdAt");
