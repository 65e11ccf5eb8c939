import { Fragment } from "react";
import { EmailLayout, Muted, Paragraph } from "./components/layout";

export type CandidateFeedbackEmailProps = { organizationName: string; title: string; body: string };

export function subject({ organizationName, title }: CandidateFeedbackEmailProps): string {
  return `Feedback on your ${title} interview with ${organizationName}`;
}

export default function CandidateFeedbackEmail({ organizationName, title, body }: CandidateFeedbackEmailProps) {
  return (
    <EmailLayout preview={`Feedback from ${organizationName} on your ${title} interview.`} heading="Feedback on your interview">
      {body.split(/\n{2,}/).map((paragraph, i) => (
        <Paragraph key={i}>
          {paragraph.split("\n").map((line, j) => (
            <Fragment key={j}>
              {j > 0 ? <br /> : null}
              {line}
            </Fragment>
          ))}
        </Paragraph>
      ))}
      <Muted>{`${organizationName}'s hiring team wrote this feedback and sent it to you from AI Video Interview.`}</Muted>
    </EmailLayout>
  );
}
