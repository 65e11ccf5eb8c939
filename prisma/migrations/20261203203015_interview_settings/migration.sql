-- AlterTable
ALTER TABLE "templates" ADD COLUMN     "settings" JSONB;

-- AlterTable
ALTER TABLE "invitations" ADD COLUMN     "pausedAt" TIMESTAMP(3),
ADD COLUMN     "pausedMs" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "settingsOverride" JSONB;
