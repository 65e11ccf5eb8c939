-- CreateIndex
CREATE INDEX "responses_status_invitationId_idx" ON "responses"("status", "invitationId");
