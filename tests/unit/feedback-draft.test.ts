import { describe, expect, it } from "vitest";
import { draftFeedback } from "@/server/feedback/draft";
import { quotesIn, unsaidQuotes } from "@/server/feedback/quotes";

const evidence = (quote: string) => [{ quote, responseId: "r1", startMs: 1000, endMs: 4000 }];

describe("draftFeedback", () => {
  const draft = draftFeedback({
    candidateName: "Ada Moreno",
    organizationName: "Acme Payments",
    title: "Support Lead",
    signedBy: "Harper Recruiter",
    analysis: {
      strengths: [
        { text: "Q1: Covers apology", evidence: evidence("I apologised and fixed it the same day") },
        { text: "Scored 4.5 on empathy", evidence: [] },
      ],
      concerns: [
        { text: "Q2: No mention of follow-up", evidence: [] },
        { text: "Overall rating below the bar (2/5)", evidence: [] },
        { text: "Recommendation: no", evidence: [] },
      ],
    },
  });

  it("turns strengths and concerns into sentences, quoting the analysis' evidence", () => {
    expect(draft).toContain("Dear Ada,");
    expect(draft).toContain("- In your answer to question 1, covers apology, as when you said “I apologised and fixed it the same day”.");
    expect(draft).toContain("- In your answer to question 2, no mention of follow-up.");
    expect(draft.endsWith("Best regards,\nHarper Recruiter")).toBe(true);
  });

  it("leaves out every claim about scores, ratings or the recommendation", () => {
    expect(draft).not.toMatch(/4\.5|2\/5|rating|recommend|scored/i);
  });

  it("quotes nothing but the evidence", () => {
    expect(quotesIn(draft)).toEqual(["I apologised and fixed it the same day"]);
  });
});

describe("unsaidQuotes", () => {
  const answers = [{ responseId: "r1", segments: null, text: "Well, I apologised and fixed it the same day. Then I called back." }];

  it("accepts the candidate's words in any case and punctuation, straight or curly quotes", () => {
    expect(unsaidQuotes(`You said "i apologised, and fixed it" and “Then I called back”.`, answers)).toEqual([]);
  });

  it("names a quote the candidate never said", () => {
    expect(unsaidQuotes(`You said “I refunded the customer twice”.`, answers)).toEqual(["I refunded the customer twice"]);
  });
});
