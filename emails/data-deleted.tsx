import { EmailLayout, Muted, Paragraph } from "./components/layout";

export type DataDeletedEmailProps = { organizationName: string };

export function subject({ organizationName }: DataDeletedEmailProps): string {
  return `Your interview data with ${organizationName} was deleted`;
}

/** To the candidate, once their requested deletion was carried out. */
export default function DataDeletedEmail({ organizationName }: DataDeletedEmailProps) {
  return (
    <EmailLayout preview="Your recordings, transcripts, answers and their analysis are deleted." heading="Your data was deleted">
      <Paragraph>{`As you asked, your interview data with ${organizationName} was deleted: your recordings, transcripts, answers and their analysis. Your interview link no longer works.`}</Paragraph>
      <Muted>{`${organizationName} keeps only a record that an interview took place, its dates and the decision, without your name, email or answers.`}</Muted>
    </EmailLayout>
  );
}
