-- AlterTable
ALTER TABLE "job_runs" ADD COLUMN     "attemptLog" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "resumedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "runner_heartbeats" (
    "id" TEXT NOT NULL,
    "identity" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "beatAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "runner_heartbeats_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "runner_heartbeats_identity_idx" ON "runner_heartbeats"("identity");
