import { Section } from "@react-email/components";
import { Fragment } from "react";
import { ActionButton, EmailLayout, Muted, Paragraph } from "./components/layout";

export type InvitationEmailProps = {
  candidateName: string;
  organizationName: string;
  jobTitle: string;
  url: string;
  /** An ISO timestamp, shown in UTC; text a caller has already formatted is shown as given. */
  expiresAt: string;
  message?: string | null;
};

const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

// The candidate reads this wherever they are: the time zone is spelled out rather than guessed.
export function formatExpiry(expiresAt: string): string {
  if (!ISO_TIMESTAMP.test(expiresAt)) return expiresAt;
  const date = new Date(expiresAt);
  if (Number.isNaN(date.getTime())) return expiresAt;
  return `${new Intl.DateTimeFormat("en-GB", { dateStyle: "full", timeStyle: "short", timeZone: "UTC" }).format(date)} UTC`;
}

export function subject({ organizationName, jobTitle }: InvitationEmailProps): string {
  return `${organizationName} invites you to a video interview: ${jobTitle}`;
}

export default function InvitationEmail({ candidateName, organizationName, jobTitle, url, expiresAt, message }: InvitationEmailProps) {
  const note = message?.trim();
  return (
    <EmailLayout preview={`Record your interview for ${jobTitle} when it suits you.`} heading={`Your video interview for ${jobTitle}`}>
      <Paragraph>{`Hi ${candidateName},`}</Paragraph>
      <Paragraph>
        {`${organizationName} invites you to a video interview for the ${jobTitle} role. You answer a few questions on camera, in your browser, whenever it suits you before the link expires.`}
      </Paragraph>
      {note ? (
        <Section style={{ borderLeft: "3px solid #cbd5e1", margin: "0 0 16px", paddingLeft: "12px" }}>
          <Muted>{`A note from ${organizationName}:`}</Muted>
          {/* Explicit breaks survive both mail clients and the plain-text conversion; React escapes the text. */}
          <Paragraph>
            {note.split(/\r?\n/).map((line, i) => (
              <Fragment key={i}>
                {i > 0 ? <br /> : null}
                {line}
              </Fragment>
            ))}
          </Paragraph>
        </Section>
      ) : null}
      <ActionButton href={url} label="Start your interview" />
      <Muted>{`The link is personal: please don't share it. It expires on ${formatExpiry(expiresAt)}.`}</Muted>
      <Muted>Before you start, find a quiet place and allow your browser to use the camera and microphone.</Muted>
    </EmailLayout>
  );
}
