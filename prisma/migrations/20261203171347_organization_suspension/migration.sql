-- AlterTable
ALTER TABLE "organizations" ADD COLUMN     "suspendedAt" TIMESTAMP(3),
ADD COLUMN     "suspendedById" TEXT;
