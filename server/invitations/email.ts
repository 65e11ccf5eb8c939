import { createElement } from "react";
import InvitationEmail, { subject as invitationSubject } from "../../emails/invitation";
import { env } from "../config/env";
import { sendEmail } from "../mail/send";

function invitationUrl(token: string): string {
  return `${env().APP_URL.replace(/\/+$/, "")}/i/${token}`;
}

export type InvitationEmailInput = {
  token: string;
  candidateName: string;
  candidateEmail: string;
  organizationName: string;
  jobTitle: string;
  expiresAt: Date;
  message: string | null;
};

export type SendOutcome = { emailed: true } | { emailed: false; error: string };

/** Sends the link and reports a failure instead of throwing: the invitation stands either way. */
export async function sendInvitationEmail(input: InvitationEmailInput): Promise<SendOutcome> {
  const props = {
    candidateName: input.candidateName,
    organizationName: input.organizationName,
    jobTitle: input.jobTitle,
    url: invitationUrl(input.token),
    expiresAt: input.expiresAt.toISOString(),
    message: input.message,
  };
  try {
    await sendEmail({ to: input.candidateEmail, subject: invitationSubject(props), template: "invitation", react: createElement(InvitationEmail, props) });
    return { emailed: true };
  } catch (error) {
    console.error("invitation email failed", { to: input.candidateEmail, error });
    return { emailed: false, error: error instanceof Error && error.message ? error.message : "The email could not be sent." };
  }
}
