-- CreateEnum
CREATE TYPE "OrgRole" AS ENUM ('OWNER', 'MEMBER');

-- AlterTable
ALTER TABLE "memberships" ADD COLUMN     "orgRole" "OrgRole" NOT NULL DEFAULT 'MEMBER';

-- AlterTable
ALTER TABLE "subscriptions" ADD COLUMN     "currentPeriodStart" TIMESTAMP(3),
ADD COLUMN     "pastDueSince" TIMESTAMP(3),
ADD COLUMN     "stateAt" TIMESTAMP(3),
ADD COLUMN     "stripePriceId" TEXT;

-- AlterTable
ALTER TABLE "stripe_events" ADD COLUMN     "createdAt" TIMESTAMP(3) NOT NULL,
ADD COLUMN     "payload" JSONB NOT NULL,
ADD COLUMN     "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ALTER COLUMN "processedAt" DROP NOT NULL,
ALTER COLUMN "processedAt" DROP DEFAULT;

-- Data: the HR who created each organization (its first member) becomes its owner, and every
-- organization has the subscription row that quota checks lock.
UPDATE "memberships" SET "orgRole" = 'OWNER'
WHERE "id" IN (SELECT DISTINCT ON ("organizationId") "id" FROM "memberships" ORDER BY "organizationId", "createdAt", "id");

INSERT INTO "subscriptions" ("id", "organizationId", "updatedAt")
SELECT 'sub_' || "id", "id", CURRENT_TIMESTAMP FROM "organizations"
WHERE "id" NOT IN (SELECT "organizationId" FROM "subscriptions");
