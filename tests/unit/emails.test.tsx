import { render, toPlainText } from "@react-email/render";
import { describe, expect, it } from "vitest";
import AnalysisReadyEmail, { subject as analysisReadySubject } from "@/emails/analysis-ready";
import InvitationEmail, { subject as invitationSubject, type InvitationEmailProps } from "@/emails/invitation";
import MagicLinkEmail, { subject as magicLinkSubject } from "@/emails/magic-link";
import DataDeletedEmail, { subject as dataDeletedSubject } from "@/emails/data-deleted";
import DeletionRequestedEmail, { DeletionRequestedHrEmail, hrSubject, subject as deletionSubject } from "@/emails/deletion-requested";

/** The text of every <a href="…"> in the HTML, by href, with tags inside the link stripped. */
function links(html: string): { href: string; text: string }[] {
  return [...html.matchAll(/<a\b[^>]*\bhref="([^"]*)"[^>]*>([\s\S]*?)<\/a>/g)].map(([, href, inner]) => ({
    href: href!.replaceAll("&amp;", "&"),
    text: inner!
      .replace(/<!--[\s\S]*?-->/g, "")
      .replace(/<[^>]+>/g, "")
      .trim(),
  }));
}

describe("magic link email", () => {
  const props = { url: "http://localhost:3000/api/auth/callback/email?token=abc&email=a%40b.test", host: "localhost:3000" };

  it("has a button named exactly “Sign in” and the same link as text", async () => {
    const html = await render(<MagicLinkEmail {...props} />);
    expect(links(html)).toEqual([
      { href: props.url, text: "Sign in" },
      { href: props.url, text: props.url.replaceAll("&", "&amp;") },
    ]);
  });

  it("names the host and says when the link expires and what to do if it was not asked for", async () => {
    const text = toPlainText(await render(<MagicLinkEmail {...props} />));
    expect(text).toContain("sign in to AI Video Interview at localhost:3000.");
    expect(text).toContain(props.url);
    expect(text).toContain("The link expires in 15 minutes");
    expect(text).toContain("If you didn't ask to sign in, you can ignore this email");
  });

  it("has a fixed subject", () => {
    expect(magicLinkSubject(props)).toBe("Sign in to AI Video Interview");
  });
});

describe("invitation email", () => {
  const props: InvitationEmailProps = {
    candidateName: "Ann Lee",
    organizationName: "Initech",
    jobTitle: "Frontend Engineer",
    url: "http://localhost:3000/i/tok_123",
    expiresAt: "2026-03-02T17:30:00.000Z",
    message: "Looking forward to it!\nTake your time.",
  };

  it("greets the candidate, names the organization and role, links the interview and shows the expiry in UTC", async () => {
    const html = await render(<InvitationEmail {...props} />);
    expect(links(html)).toContainEqual({ href: props.url, text: "Start your interview" });
    const text = toPlainText(html);
    expect(text).toContain("Hi Ann Lee,");
    expect(text).toContain("Initech invites you to a video interview for the Frontend Engineer role.");
    expect(text).toContain("A note from Initech:\n\nLooking forward to it!\nTake your time.");
    expect(text).toContain("It expires on Monday, 2 March 2026 at 17:30 UTC.");
    expect(text).toContain(props.url);
  });

  it("leaves out the note when there is none, and shows an already formatted expiry as given", async () => {
    const text = toPlainText(await render(<InvitationEmail {...props} message={null} expiresAt="Friday, 6 March 2026 at 09:00 UTC" />));
    expect(text).not.toContain("A note from");
    expect(text).toContain("It expires on Friday, 6 March 2026 at 09:00 UTC.");
  });

  it("escapes the recruiter's note", async () => {
    const html = await render(<InvitationEmail {...props} message={'<a href="https://evil.test">click</a>'} />);
    expect(html).not.toContain('evil.test">click');
    expect(html).toContain("&lt;a href=");
  });

  it("has a subject with the organization and the role", () => {
    expect(invitationSubject(props)).toBe("Initech invites you to a video interview: Frontend Engineer");
  });
});

describe("analysis ready email", () => {
  const props = { candidateName: "Bo Chen", jobTitle: "Data Analyst", url: "http://localhost:3000/interviews/int_1/review" };

  it("names the candidate and the role and links the review", async () => {
    const html = await render(<AnalysisReadyEmail {...props} />);
    expect(links(html)).toContainEqual({ href: props.url, text: "Open the review" });
    const text = toPlainText(html);
    expect(text).toContain("Bo Chen has completed the video interview for Data Analyst.");
    expect(text).toContain(props.url);
  });

  it("has a subject with the candidate and the role", () => {
    expect(analysisReadySubject(props)).toBe("Ready for review: Bo Chen, Data Analyst");
  });
});

describe("deletion emails", () => {
  it("tell the candidate what is deleted and by when, and HR where to act, without the candidate's name", async () => {
    const candidate = toPlainText(
      await render(<DeletionRequestedEmail organizationName="Acme Payments" jobTitle="Backend Engineer" dueDate="2 January 2027" />),
    );
    expect(candidate).toContain("your recordings, transcripts, answers and their analysis");
    expect(candidate).toContain("It will be deleted by 2 January 2027 at the latest");
    expect(deletionSubject({ organizationName: "Acme Payments", jobTitle: "Backend Engineer", dueDate: "" })).toBe(
      "We received your request to delete your interview data (Acme Payments)",
    );
    const hrProps = { jobTitle: "Backend Engineer", dueDate: "2 January 2027", url: "http://localhost:3000/settings/privacy" };
    const hrHtml = await render(<DeletionRequestedHrEmail {...hrProps} />);
    expect(links(hrHtml)[0]).toEqual({ href: hrProps.url, text: "Open the privacy page" });
    expect(toPlainText(hrHtml)).toContain("It is deleted automatically on 2 January 2027");
    expect(hrSubject(hrProps)).toBe("A candidate asked for their Backend Engineer interview data to be deleted");

    const done = toPlainText(await render(<DataDeletedEmail organizationName="Acme Payments" />));
    expect(done).toContain("Your interview link no longer works.");
    expect(dataDeletedSubject({ organizationName: "Acme Payments" })).toBe("Your interview data with Acme Payments was deleted");
  });
});
