import { ActionButton, EmailLayout, Muted, Paragraph } from "./components/layout";

export type ReviewMentionEmailProps = { title: string; excerpt: string; url: string; unsubscribeUrl?: string };

export function subject({ title }: ReviewMentionEmailProps): string {
  return title;
}

export default function ReviewMentionEmail({ title, excerpt, url, unsubscribeUrl }: ReviewMentionEmailProps) {
  return (
    <EmailLayout preview={excerpt} heading={title} unsubscribeUrl={unsubscribeUrl}>
      <Paragraph>{`“${excerpt}”`}</Paragraph>
      <ActionButton href={url} label="Open the discussion" />
      <Muted>You get this email when a teammate mentions you in a review comment. You can switch it off in your notification settings.</Muted>
    </EmailLayout>
  );
}
