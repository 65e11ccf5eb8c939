import { db } from "@/server/db/client";
import { emailReviewMention } from "@/server/notifications/review-mention";
import { inngest } from "../client";
import { reviewMentionNotified } from "../events";

/**
 * The email of an @mention in a review comment, from the event written with the comment and its
 * in-app notification; the notification id keys the email, so a retried step sends it once.
 */
export const reviewMentionEmailFn = inngest.createFunction(
  { id: "review-mention-email", name: "Email a teammate who was mentioned in a review comment", triggers: [reviewMentionNotified], retries: 8 },
  async ({ event, step }) => step.run("send-email", () => emailReviewMention(db, event.data)),
);
