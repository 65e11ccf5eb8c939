-- AlterTable
ALTER TABLE "organizations" ADD COLUMN     "deletionDueAt" TIMESTAMP(3),
ADD COLUMN     "deletionRequestedAt" TIMESTAMP(3),
ADD COLUMN     "deletionRequestedById" TEXT,
ADD COLUMN     "retentionDays" INTEGER NOT NULL DEFAULT 180;

-- AlterTable
ALTER TABLE "invitations" ADD COLUMN     "humanReviewRequestedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "consent_records" (
    "id" TEXT NOT NULL,
    "invitationId" TEXT NOT NULL,
    "textVersion" TEXT NOT NULL,
    "retentionDays" INTEGER NOT NULL,
    "ipHash" TEXT,
    "consentedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "consent_records_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "deletion_requests" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "invitationId" TEXT NOT NULL,
    "requestedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "dueAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "deletion_requests_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "interview_tombstones" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "invitationId" TEXT NOT NULL,
    "templateTitle" TEXT NOT NULL,
    "sentAt" TIMESTAMP(3) NOT NULL,
    "completedAt" TIMESTAMP(3),
    "finalStatus" TEXT NOT NULL,
    "finalDecision" TEXT,
    "reason" TEXT NOT NULL,
    "deletedById" TEXT,
    "deletedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "interview_tombstones_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "storage_deletions" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT,
    "driver" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "lastAttemptAt" TIMESTAMP(3),
    "deletedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "storage_deletions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "consent_records_invitationId_key" ON "consent_records"("invitationId");

-- CreateIndex
CREATE UNIQUE INDEX "deletion_requests_invitationId_key" ON "deletion_requests"("invitationId");

-- CreateIndex
CREATE INDEX "deletion_requests_dueAt_idx" ON "deletion_requests"("dueAt");

-- CreateIndex
CREATE UNIQUE INDEX "interview_tombstones_invitationId_key" ON "interview_tombstones"("invitationId");

-- CreateIndex
CREATE INDEX "interview_tombstones_organizationId_deletedAt_idx" ON "interview_tombstones"("organizationId", "deletedAt");

-- CreateIndex
CREATE INDEX "storage_deletions_deletedAt_createdAt_idx" ON "storage_deletions"("deletedAt", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "storage_deletions_driver_key_key" ON "storage_deletions"("driver", "key");

-- AddForeignKey
ALTER TABLE "consent_records" ADD CONSTRAINT "consent_records_invitationId_fkey" FOREIGN KEY ("invitationId") REFERENCES "invitations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "deletion_requests" ADD CONSTRAINT "deletion_requests_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "deletion_requests" ADD CONSTRAINT "deletion_requests_invitationId_fkey" FOREIGN KEY ("invitationId") REFERENCES "invitations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "interview_tombstones" ADD CONSTRAINT "interview_tombstones_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
