import { ActionButton, EmailLayout, Muted, Paragraph } from "./components/layout";

export type AnalysisReadyEmailProps = { candidateName: string; jobTitle: string; url: string; unsubscribeUrl?: string };

export function subject({ candidateName, jobTitle }: AnalysisReadyEmailProps): string {
  return `Ready for review: ${candidateName}, ${jobTitle}`;
}

export default function AnalysisReadyEmail({ candidateName, jobTitle, url, unsubscribeUrl }: AnalysisReadyEmailProps) {
  return (
    <EmailLayout
      preview={`The AI first read of ${candidateName}'s interview is ready.`}
      heading={`${candidateName}'s interview is ready for review`}
      unsubscribeUrl={unsubscribeUrl}
    >
      <Paragraph>{`${candidateName} has completed the video interview for ${jobTitle}. The transcripts and the AI first read are ready.`}</Paragraph>
      <ActionButton href={url} label="Open the review" />
      <Muted>The AI first read explains its scores with quotes from the answers. It informs your review; the decision is yours.</Muted>
    </EmailLayout>
  );
}
