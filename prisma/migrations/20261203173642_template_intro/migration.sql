-- AlterTable
ALTER TABLE "templates" ADD COLUMN     "introText" TEXT;
