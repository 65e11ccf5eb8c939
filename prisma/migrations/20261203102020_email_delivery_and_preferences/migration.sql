-- AlterTable
ALTER TABLE "email_messages" ADD COLUMN     "headers" JSONB,
ADD COLUMN     "idempotencyKey" TEXT,
ADD COLUMN     "status" TEXT NOT NULL DEFAULT 'sent',
ADD COLUMN     "statusAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "email_preferences" (
    "email" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "email_preferences_pkey" PRIMARY KEY ("email","kind")
);

-- CreateIndex
CREATE UNIQUE INDEX "email_messages_idempotencyKey_key" ON "email_messages"("idempotencyKey");

-- CreateIndex
CREATE INDEX "email_messages_providerId_idx" ON "email_messages"("providerId");
