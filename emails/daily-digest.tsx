import { ActionButton, EmailLayout, Muted, Paragraph } from "./components/layout";

export type DigestLine = { candidateName: string; jobTitle: string; url: string };

export type DailyDigestEmailProps = {
  organizationName: string;
  day: string;
  sent: number;
  completed: DigestLine[];
  expired: number;
  dashboardUrl: string;
  unsubscribeUrl?: string;
};

export function subject({ organizationName, completed, day }: DailyDigestEmailProps): string {
  return `${organizationName}: ${completed.length} interview${completed.length === 1 ? "" : "s"} completed (${day})`;
}

export default function DailyDigestEmail({ organizationName, day, sent, completed, expired, dashboardUrl, unsubscribeUrl }: DailyDigestEmailProps) {
  return (
    <EmailLayout
      preview={`What happened in ${organizationName} in the 24 hours to ${day}.`}
      heading={`Your daily digest for ${organizationName}`}
      unsubscribeUrl={unsubscribeUrl}
    >
      <Paragraph>{`In the 24 hours to ${day} (UTC): ${sent} invitation${sent === 1 ? "" : "s"} sent, ${completed.length} interview${completed.length === 1 ? "" : "s"} completed, ${expired} link${expired === 1 ? "" : "s"} expired unanswered.`}</Paragraph>
      {completed.map((c) => (
        <Muted key={c.url}>{`${c.candidateName}, ${c.jobTitle}: ${c.url}`}</Muted>
      ))}
      <ActionButton href={dashboardUrl} label="Open the dashboard" />
    </EmailLayout>
  );
}
