import { analyzeInterviewFn } from "./analyze-interview";
import { cleanStagingFn } from "./clean-staging";
import { dailyDigestFn } from "./daily-digest";
import { expireInvitationsFn } from "./expire-invitations";
import { invitationEmailFn } from "./invitation-email";
import { invitationReminderFn } from "./invitation-reminder";
import { interviewReceivedFn } from "./interview-received";
import { interviewCompletedFn } from "./interview-completed";
import { notificationEmailFn } from "./notification-email";
import { reviewMentionEmailFn } from "./review-mention-email";
import { processResponse } from "./process-response";
import { sendCandidateFeedbackFn } from "./send-candidate-feedback";
import { retentionSweepFn } from "./retention-sweep";
import { stripeEventFns } from "./stripe-events";
import { subscriptionChangedFn } from "./subscription-changed";
import { webhookDeliverFn } from "./webhook-deliver";
import { webhookDisabledEmailFn } from "./webhook-disabled-email";
import { webhookFanOutFn } from "./webhook-fanout";

/** Every background function; served at /api/inngest and run by the in-process runner alike. */
export const functions = [
  processResponse,
  interviewCompletedFn,
  analyzeInterviewFn,
  subscriptionChangedFn,
  notificationEmailFn,
  reviewMentionEmailFn,
  invitationEmailFn,
  invitationReminderFn,
  interviewReceivedFn,
  expireInvitationsFn,
  dailyDigestFn,
  sendCandidateFeedbackFn,
  retentionSweepFn,
  cleanStagingFn,
  ...stripeEventFns,
  webhookFanOutFn,
  webhookDeliverFn,
  webhookDisabledEmailFn,
];
