import type { Cases } from "./fixture";
import { interviewCases } from "./interview.cases";
import { invitationsCases } from "./invitations.cases";
import { templatesCases } from "./templates.cases";
import { usersCases } from "./users.cases";
import { searchCases } from "./search.cases";
import { analysisCases } from "./analysis.cases";
import { notificationsCases } from "./notifications.cases";
import { pipelineCases } from "./pipeline.cases";
import { billingCases } from "./billing.cases";
import { fairnessCases } from "./fairness.cases";
import { feedbackCases } from "./feedback.cases";
import { privacyCases } from "./privacy.cases";
import { apiKeysCases } from "./api-keys.cases";
import { reviewCases } from "./review.cases";
import { playbackCases } from "./playback.cases";
import { webhooksCases } from "./webhooks.cases";
import { analyticsCases } from "./analytics.cases";

// One file of cases per domain; add yours here.
export const cases: Cases = {
  ...usersCases,
  ...templatesCases,
  ...interviewCases,
  ...invitationsCases,
  ...searchCases,
  ...analysisCases,
  ...notificationsCases,
  ...pipelineCases,
  ...billingCases,
  ...fairnessCases,
  ...feedbackCases,
  ...privacyCases,
  ...apiKeysCases,
  ...reviewCases,
  ...playbackCases,
  ...webhooksCases,
  ...analyticsCases,
};
