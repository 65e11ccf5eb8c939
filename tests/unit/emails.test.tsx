import { render } from "@react-email/render";
import { describe, expect, it } from "vitest";
import AnalysisReadyEmail, { subject as analysisSubject } from "@/emails/analysis-ready";
import InvitationEmail, { subject as invitationSubject } from "@/emails/invitation";
import MagicLinkEmail from "@/emails/magic-link";

describe("email templates", () => {
  it("the magic link has a Sign in button to the link and says it expires", async () => {
    const html = await render(<MagicLinkEmail url="https://app.test/cb?token=t1" host="app.test" />);
    expect(html).toContain('href="https://app.test/cb?token=t1"');
    expect(html).toContain("expires in 24 hours");
  });

  it("the invitation names the company, the job, the deadline and carries the personal message", async () => {
    const props = {
      candidateName: "Ada",
      organizationName: "Acme",
      jobTitle: "Backend Engineer",
      url: "https://app.test/i/tok",
      expiresAt: "2026-12-08T10:00:00.000Z",
      message: "Looking forward to it!",
    };
    // React separates adjacent text with comments; drop them to read the text as a person would.
    const html = (await render(<InvitationEmail {...props} />)).replace(/<!-- -->/g, "");
    expect(html).toContain("Hello Ada");
    expect(html).toContain("8 December 2026");
    expect(html).toContain("Looking forward to it!");
    expect(html).toContain('href="https://app.test/i/tok"');
    expect(invitationSubject(props)).toBe("Acme invites you to a video interview: Backend Engineer");
  });

  it("the analysis notice links to the review", async () => {
    const html = await render(<AnalysisReadyEmail candidateName="Ada" jobTitle="Backend" url="https://app.test/interviews/1" />);
    expect(html).toContain('href="https://app.test/interviews/1"');
    expect(analysisSubject({ candidateName: "Ada", jobTitle: "Backend", url: "" })).toContain("Ada");
  });
});
