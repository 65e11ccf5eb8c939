import { Body, Button, Container, Head, Heading, Hr, Html, Link, Preview, Section, Text } from "@react-email/components";
import type { CSSProperties, ReactNode } from "react";

// Mail clients drop <style> blocks and remote fonts unpredictably: every style is inline and the
// font stack is the reader's own.
const font = "-apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";
const brand = "#3b4fd8";

const styles = {
  body: { backgroundColor: "#f1f5f9", fontFamily: font, margin: 0, padding: "24px 0" },
  container: { backgroundColor: "#ffffff", border: "1px solid #e2e8f0", borderRadius: "8px", maxWidth: "560px", margin: "0 auto", padding: "32px" },
  product: { color: brand, fontSize: "14px", fontWeight: 600, letterSpacing: "0.02em", margin: "0 0 16px" },
  heading: { color: "#0f172a", fontSize: "22px", fontWeight: 600, lineHeight: "1.3", margin: "0 0 16px" },
  paragraph: { color: "#334155", fontSize: "15px", lineHeight: "1.6", margin: "0 0 16px" },
  muted: { color: "#64748b", fontSize: "13px", lineHeight: "1.5", margin: "0 0 12px" },
  button: { backgroundColor: brand, borderRadius: "6px", color: "#ffffff", fontSize: "15px", fontWeight: 600, padding: "12px 20px", textDecoration: "none" },
  link: { color: brand, wordBreak: "break-all" },
  hr: { borderColor: "#e2e8f0", margin: "24px 0" },
} satisfies Record<string, CSSProperties>;

/** `unsubscribeUrl` is given for every non-essential email, with the matching List-Unsubscribe headers. */
export function EmailLayout({
  preview,
  heading,
  children,
  unsubscribeUrl,
}: {
  preview: string;
  heading: string;
  children: ReactNode;
  unsubscribeUrl?: string;
}) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{preview}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Text style={styles.product}>AI Video Interview</Text>
          <Heading as="h1" style={styles.heading}>
            {heading}
          </Heading>
          {children}
          <Hr style={styles.hr} />
          <Text style={styles.muted}>You received this email because of an action in AI Video Interview.</Text>
          {unsubscribeUrl ? (
            <Text style={styles.muted}>
              <Link href={unsubscribeUrl} style={styles.link}>
                Unsubscribe from these emails
              </Link>
            </Text>
          ) : null}
        </Container>
      </Body>
    </Html>
  );
}

export function Paragraph({ children }: { children: ReactNode }) {
  return <Text style={styles.paragraph}>{children}</Text>;
}

export function Muted({ children }: { children: ReactNode }) {
  return <Text style={styles.muted}>{children}</Text>;
}

/** The call to action, followed by the same URL as text for clients that strip buttons. */
export function ActionButton({ href, label }: { href: string; label: string }) {
  return (
    <>
      <Section style={{ margin: "8px 0 24px" }}>
        <Button href={href} style={styles.button}>
          {label}
        </Button>
      </Section>
      <Text style={styles.muted}>
        Or copy this link into your browser:
        <br />
        <Link href={href} style={styles.link}>
          {href}
        </Link>
      </Text>
    </>
  );
}
