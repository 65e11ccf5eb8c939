-- AlterTable
ALTER TABLE "questions" ADD COLUMN     "required" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "invitations" ADD COLUMN     "lastSeenAt" TIMESTAMP(3);
