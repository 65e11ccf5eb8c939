import { ActionButton, EmailLayout, Muted, Paragraph } from "./components/layout";

/** To the candidate: their request was received, and by when it is carried out at the latest. */
export type DeletionRequestedEmailProps = { organizationName: string; jobTitle: string; dueDate: string };

export function subject({ organizationName }: DeletionRequestedEmailProps): string {
  return `We received your request to delete your interview data (${organizationName})`;
}

export default function DeletionRequestedEmail({ organizationName, jobTitle, dueDate }: DeletionRequestedEmailProps) {
  return (
    <EmailLayout preview={`Your interview data for ${jobTitle} will be deleted by ${dueDate}.`} heading="Your deletion request">
      <Paragraph>{`You asked for the data of your ${jobTitle} interview with ${organizationName} to be deleted: your recordings, transcripts, answers and their analysis.`}</Paragraph>
      <Paragraph>{`It will be deleted by ${dueDate} at the latest, sooner if the hiring team carries it out first. We will email you when it is done.`}</Paragraph>
      <Muted>Until then your interview link still lets you download your data.</Muted>
    </EmailLayout>
  );
}

/** To the organization's HR: a candidate asked for deletion, and when the app will do it if they do not. */
export type DeletionRequestedHrEmailProps = { jobTitle: string; dueDate: string; url: string };

export function hrSubject({ jobTitle }: DeletionRequestedHrEmailProps): string {
  return `A candidate asked for their ${jobTitle} interview data to be deleted`;
}

export function DeletionRequestedHrEmail({ jobTitle, dueDate, url }: DeletionRequestedHrEmailProps) {
  return (
    <EmailLayout preview={`It is deleted automatically on ${dueDate}.`} heading="A deletion request">
      <Paragraph>{`A candidate of your ${jobTitle} interview asked for their data to be deleted. It is deleted automatically on ${dueDate}; you can carry it out sooner from the privacy page.`}</Paragraph>
      <ActionButton href={url} label="Open the privacy page" />
    </EmailLayout>
  );
}
