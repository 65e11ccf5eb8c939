import { ActionButton, EmailLayout, Muted, Paragraph } from "./components/layout";

export type WebhookDisabledEmailProps = { organizationName: string; endpointUrl: string; failingSince: string; url: string };

export function subject({ organizationName }: WebhookDisabledEmailProps): string {
  return `A webhook endpoint of ${organizationName} was disabled`;
}

export default function WebhookDisabledEmail({ organizationName, endpointUrl, failingSince, url }: WebhookDisabledEmailProps) {
  return (
    <EmailLayout preview={`Deliveries to ${endpointUrl} failed for 3 days.`} heading="A webhook endpoint was disabled">
      <Paragraph>{`Every delivery to ${endpointUrl}, an endpoint of ${organizationName}, has failed since ${failingSince}. After 3 days of failures it was disabled, and no more events are sent to it.`}</Paragraph>
      <ActionButton href={url} label="Open the delivery log" />
      <Muted>{"The delivery log shows each attempt's answer. Once the receiver works again, enable the endpoint there and resend what it missed."}</Muted>
    </EmailLayout>
  );
}
