import { EmailLayout, Muted, Paragraph } from "./components/layout";

export type InterviewReceivedEmailProps = { candidateName: string; organizationName: string; jobTitle: string; unsubscribeUrl?: string };

export function subject({ organizationName, jobTitle }: InterviewReceivedEmailProps): string {
  return `${organizationName} received your interview: ${jobTitle}`;
}

export default function InterviewReceivedEmail({ candidateName, organizationName, jobTitle, unsubscribeUrl }: InterviewReceivedEmailProps) {
  return (
    <EmailLayout preview={`Your answers reached ${organizationName}.`} heading="We received your interview" unsubscribeUrl={unsubscribeUrl}>
      <Paragraph>{`Hi ${candidateName},`}</Paragraph>
      <Paragraph>{`Thank you: your video interview for the ${jobTitle} role has reached ${organizationName}. Their hiring team reviews the answers; any next step comes from them.`}</Paragraph>
      <Muted>An automated first read helps the team, who make every decision themselves.</Muted>
    </EmailLayout>
  );
}
