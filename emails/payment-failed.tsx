import { ActionButton, EmailLayout, Muted, Paragraph } from "./components/layout";

export type PaymentFailedEmailProps = { organizationName: string; planName: string; graceDays: number; url: string };

export function subject({ organizationName }: PaymentFailedEmailProps): string {
  return `Payment failed for ${organizationName}`;
}

export default function PaymentFailedEmail({ organizationName, planName, graceDays, url }: PaymentFailedEmailProps) {
  return (
    <EmailLayout preview={`We could not charge the card for ${organizationName}'s ${planName} plan.`} heading="Your last payment failed">
      <Paragraph>{`We could not charge the card for ${organizationName}'s ${planName} plan. The plan stays for ${graceDays} days while you update the card; after that the Free plan's limits apply.`}</Paragraph>
      <ActionButton href={url} label="Update the card" />
      <Muted>An owner of your organization opens the customer portal from the billing page.</Muted>
    </EmailLayout>
  );
}
