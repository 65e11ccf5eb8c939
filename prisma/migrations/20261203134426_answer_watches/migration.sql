-- CreateTable
CREATE TABLE "answer_watches" (
    "responseId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "watchedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "answer_watches_pkey" PRIMARY KEY ("responseId","userId")
);

-- CreateIndex
CREATE INDEX "answer_watches_userId_idx" ON "answer_watches"("userId");

-- AddForeignKey
ALTER TABLE "answer_watches" ADD CONSTRAINT "answer_watches_responseId_fkey" FOREIGN KEY ("responseId") REFERENCES "responses"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "answer_watches" ADD CONSTRAINT "answer_watches_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
