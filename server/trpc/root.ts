import { createCallerFactory, router } from "./init";
import { candidateRouter } from "./routers/candidate";
import { interviewRouter } from "./routers/interview";
import { invitationsRouter } from "./routers/invitations";
import { organizationsRouter } from "./routers/organizations";
import { reviewRouter } from "./routers/review";
import { templatesRouter } from "./routers/templates";
import { usersRouter } from "./routers/users";
import { searchRouter } from "./routers/search";
import { analysisRouter } from "./routers/analysis";
import { notificationsRouter } from "./routers/notifications";
import { pipelineRouter } from "./routers/pipeline";
import { billingRouter } from "./routers/billing";
import { fairnessRouter } from "./routers/fairness";
import { feedbackRouter } from "./routers/feedback";
import { privacyRouter } from "./routers/privacy";
import { apiKeysRouter } from "./routers/api-keys";
import { shareRouter } from "./routers/share";
import { playbackRouter } from "./routers/playback";
import { webhooksRouter } from "./routers/webhooks";
import { analyticsRouter } from "./routers/analytics";

export const appRouter = router({
  users: usersRouter,
  organizations: organizationsRouter,
  candidate: candidateRouter,
  templates: templatesRouter,
  interview: interviewRouter,
  invitations: invitationsRouter,
  review: reviewRouter,
  playback: playbackRouter,
  search: searchRouter,
  analysis: analysisRouter,
  notifications: notificationsRouter,
  pipeline: pipelineRouter,
  billing: billingRouter,
  fairness: fairnessRouter,
  feedback: feedbackRouter,
  privacy: privacyRouter,
  apiKeys: apiKeysRouter,
  share: shareRouter,
  webhooks: webhooksRouter,
  analytics: analyticsRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
