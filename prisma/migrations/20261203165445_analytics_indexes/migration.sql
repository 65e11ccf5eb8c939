-- CreateIndex
CREATE INDEX "invitations_organizationId_sentAt_idx" ON "invitations"("organizationId", "sentAt");
