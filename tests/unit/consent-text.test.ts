import { describe, expect, it } from "vitest";
import { consentText, type ConsentFacts } from "@/server/interview/consent-text";

const base: ConsentFacts = {
  organizationName: "Acme Payments",
  videoQuestions: 3,
  textQuestions: 1,
  retentionDays: 180,
  transcribedByGroq: false,
  analysedByGroq: false,
  embeddingHost: null,
  storageProvider: null,
};

const body = (facts: ConsentFacts, heading: string) => consentText(facts).sections.find((s) => s.heading === heading)!.body;

describe("the consent text", () => {
  it("names what is recorded, what the analysis looks at and never does, who sees it and how long it is kept", () => {
    expect(body(base, "What is recorded")).toContain("For each of the 3 video questions, your camera's picture and your microphone's sound");
    expect(body(base, "What is recorded")).toContain("Your written answers to the 1 text question.");
    expect(body(base, "What the automatic analysis looks at")).toContain("Only the words of your answers");
    expect(body(base, "What the automatic analysis looks at")).toContain(
      "Your recordings are transcribed on our own server. The automatic first read runs on our own server.",
    );
    expect(body(base, "What it never does")).toBe(
      "It never analyses your face, your expressions, your emotions or the sound of your voice (tone, pitch, accent). No automatic analysis looks at the video: it is kept only for people to watch.",
    );
    expect(body(base, "Who sees your answers")).toContain("Only the hiring team at Acme Payments");
    expect(body(base, "How long they are kept")).toContain("kept for 180 days after the interview ends");
    expect(body({ ...base, retentionDays: 1 }, "How long they are kept")).toContain("kept for 1 day after");
  });

  it("names every outside service the answers go to, and only those configured", () => {
    const outside = body(
      { ...base, transcribedByGroq: true, analysedByGroq: true, embeddingHost: "embeddings.example.com", storageProvider: "Vercel Blob" },
      "What the automatic analysis looks at",
    );
    expect(outside).toContain("The sound of your recordings is sent to Groq to be transcribed.");
    expect(outside).toContain("sent to Groq for the automatic first read.");
    expect(outside).toContain("Passages of your answers are sent to embeddings.example.com");
    expect(outside).toContain("Your recordings are stored with Vercel Blob.");
    expect(body(base, "What the automatic analysis looks at")).not.toMatch(/Groq|stored with|sent to/);
  });

  it("has a version that changes with any word shown and stays the same for the same words", () => {
    expect(consentText(base).version).toBe(consentText({ ...base }).version);
    expect(consentText({ ...base, retentionDays: 90 }).version).not.toBe(consentText(base).version);
    expect(consentText({ ...base, organizationName: "Other" }).version).not.toBe(consentText(base).version);
    expect(consentText(base).version).toMatch(/^2:[0-9a-f]{32}$/);
  });
});
