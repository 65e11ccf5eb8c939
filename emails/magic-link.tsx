import { MAGIC_LINK_MAX_AGE_MIN } from "@/server/auth/magic-link";
import { ActionButton, EmailLayout, Muted, Paragraph } from "./components/layout";

export type MagicLinkEmailProps = { url: string; host: string };

export function subject(_props: MagicLinkEmailProps): string {
  return "Sign in to AI Video Interview";
}

export default function MagicLinkEmail({ url, host }: MagicLinkEmailProps) {
  return (
    <EmailLayout preview="Your sign-in link for AI Video Interview" heading="Sign in to AI Video Interview">
      <Paragraph>{`Use the button below to sign in to AI Video Interview at ${host}.`}</Paragraph>
      {/* Browser tests and people alike look for a link named exactly "Sign in". */}
      <ActionButton href={url} label="Sign in" />
      <Muted>
        The link expires in {MAGIC_LINK_MAX_AGE_MIN} minutes and works once. If you didn&apos;t ask to sign in, you can ignore this email: nobody can sign in
        without it.
      </Muted>
    </EmailLayout>
  );
}
