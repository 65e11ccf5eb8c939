-- AlterTable
ALTER TABLE "users" ADD COLUMN     "avatarDriver" TEXT,
ADD COLUMN     "avatarKey" TEXT;
