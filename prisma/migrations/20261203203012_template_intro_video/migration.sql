-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "MediaKind" ADD VALUE 'INTRO_VIDEO';
ALTER TYPE "MediaKind" ADD VALUE 'INTRO_POSTER';

-- AlterTable
ALTER TABLE "media_assets" ADD COLUMN     "templateId" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "media_assets_templateId_kind_key" ON "media_assets"("templateId", "kind");

-- AddForeignKey
ALTER TABLE "media_assets" ADD CONSTRAINT "media_assets_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "templates"("id") ON DELETE CASCADE ON UPDATE CASCADE;
