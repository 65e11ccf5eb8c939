import { db } from "@/server/db/client";
import { emailInterviewReceived } from "@/server/invitations/email";
import { inngest } from "../client";
import { interviewCompleted } from "../events";

/** Tells the candidate their finished interview arrived; keyed by the invitation, so it is sent once. */
export const interviewReceivedFn = inngest.createFunction(
  { id: "interview-received", name: "Confirm to the candidate that their interview arrived", triggers: [interviewCompleted], retries: 8 },
  async ({ event, step }) => step.run("send-email", () => emailInterviewReceived(db, event.data.invitationId)),
);
