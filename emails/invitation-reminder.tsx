import { ActionButton, EmailLayout, Muted, Paragraph } from "./components/layout";
import { formatExpiry } from "./invitation";

export type InvitationReminderEmailProps = {
  candidateName: string;
  organizationName: string;
  jobTitle: string;
  url: string;
  expiresAt: string;
  started: boolean;
  unsubscribeUrl?: string;
};

export function subject({ jobTitle }: InvitationReminderEmailProps): string {
  return `Reminder: your video interview for ${jobTitle} closes soon`;
}

export default function InvitationReminderEmail({
  candidateName,
  organizationName,
  jobTitle,
  url,
  expiresAt,
  started,
  unsubscribeUrl,
}: InvitationReminderEmailProps) {
  return (
    <EmailLayout
      preview={`Your interview link expires on ${formatExpiry(expiresAt)}.`}
      heading={`Your interview for ${jobTitle} closes soon`}
      unsubscribeUrl={unsubscribeUrl}
    >
      <Paragraph>{`Hi ${candidateName},`}</Paragraph>
      <Paragraph>
        {started
          ? `You have started your video interview for ${organizationName}. Your answers so far are saved: pick up where you left off before the link expires.`
          : `${organizationName} is still waiting for your video interview for the ${jobTitle} role.`}
      </Paragraph>
      <ActionButton href={url} label={started ? "Continue your interview" : "Start your interview"} />
      <Muted>{`The link expires on ${formatExpiry(expiresAt)}.`}</Muted>
    </EmailLayout>
  );
}
