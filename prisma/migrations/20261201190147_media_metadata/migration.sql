-- AlterTable
ALTER TABLE "media_assets" ADD COLUMN     "metadata" JSONB;
