-- CreateEnum
CREATE TYPE "HiringDecisionValue" AS ENUM ('ADVANCE', 'REJECT', 'HOLD');

-- CreateTable
CREATE TABLE "hiring_decisions" (
    "invitationId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "decision" "HiringDecisionValue" NOT NULL,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "hiring_decisions_pkey" PRIMARY KEY ("invitationId")
);

-- CreateTable
CREATE TABLE "self_identifications" (
    "invitationId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "sex" TEXT NOT NULL,
    "raceEthnicity" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "self_identifications_pkey" PRIMARY KEY ("invitationId")
);

-- CreateIndex
CREATE INDEX "hiring_decisions_organizationId_idx" ON "hiring_decisions"("organizationId");

-- CreateIndex
CREATE INDEX "self_identifications_organizationId_idx" ON "self_identifications"("organizationId");

-- AddForeignKey
ALTER TABLE "hiring_decisions" ADD CONSTRAINT "hiring_decisions_invitationId_fkey" FOREIGN KEY ("invitationId") REFERENCES "invitations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "hiring_decisions" ADD CONSTRAINT "hiring_decisions_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "hiring_decisions" ADD CONSTRAINT "hiring_decisions_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "self_identifications" ADD CONSTRAINT "self_identifications_invitationId_fkey" FOREIGN KEY ("invitationId") REFERENCES "invitations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "self_identifications" ADD CONSTRAINT "self_identifications_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
