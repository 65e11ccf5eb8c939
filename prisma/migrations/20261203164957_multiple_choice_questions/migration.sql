-- AlterEnum
ALTER TYPE "QuestionType" ADD VALUE 'MULTIPLE_CHOICE';

-- AlterTable
ALTER TABLE "questions" ADD COLUMN     "options" JSONB,
ADD COLUMN     "scoreByKey" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "responses" ADD COLUMN     "choices" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "keyScore" DOUBLE PRECISION;
