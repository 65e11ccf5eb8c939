import { createHash } from "node:crypto";

/**
 * The words of the consent screen, built on the server so that what the candidate reads is what the
 * consent record names: its version is a hash of this exact text, with the values filled in.
 * Each statement is true of the code: see the README's "Privacy and compliance" section.
 */
export type ConsentFacts = {
  organizationName: string;
  videoQuestions: number;
  textQuestions: number;
  /** Optional, like the other counts: consent records made before multiple choice existed name none. */
  choiceQuestions?: number;
  retentionDays: number;
  /** Whether transcription and the AI read go to Groq (GROQ_API_KEY set) rather than staying on this server. */
  transcribedByGroq: boolean;
  analysedByGroq: boolean;
  /** The host of the embedding service passages are sent to for search (EMBEDDINGS_BASE_URL), or null: this server. */
  embeddingHost: string | null;
  /** Where recordings are stored when not on this server's disk ("Vercel Blob", "UploadThing"). */
  storageProvider: string | null;
};

export type ConsentSection = { heading: string; body: string };

export type ConsentText = { version: string; sections: ConsentSection[]; agreement: string; retentionDays: number };

// Bumped when the wording changes, so two texts that happen to hash alike across wordings cannot be confused.
const WORDING = "2";

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

export function consentText(f: ConsentFacts): ConsentText {
  const org = f.organizationName;
  const recorded = [
    f.videoQuestions > 0
      ? `For each of the ${plural(f.videoQuestions, "video question")}, your camera's picture and your microphone's sound while you answer, from when recording starts until you stop it or the time runs out.`
      : "There are no video questions in this interview.",
    f.textQuestions > 0 ? `Your written answers to the ${plural(f.textQuestions, "text question")}.` : "",
    f.choiceQuestions
      ? `The options you choose in the ${plural(f.choiceQuestions, "multiple-choice question")}; they are scored against the hiring team's answer key, not by the automatic read.`
      : "",
    "Nothing is recorded before you agree below, and the camera check that follows is not recorded.",
  ]
    .filter(Boolean)
    .join(" ");
  const processors = [
    f.transcribedByGroq ? "The sound of your recordings is sent to Groq to be transcribed." : "Your recordings are transcribed on our own server.",
    f.analysedByGroq
      ? "The transcripts and written answers are sent to Groq for the automatic first read."
      : "The automatic first read runs on our own server.",
    f.embeddingHost ? `Passages of your answers are sent to ${f.embeddingHost} to make them searchable for the hiring team.` : "",
    f.storageProvider ? `Your recordings are stored with ${f.storageProvider}.` : "",
  ]
    .filter(Boolean)
    .join(" ");
  const sections: ConsentSection[] = [
    { heading: "What is recorded", body: recorded },
    {
      heading: "What the automatic analysis looks at",
      body: `Only the words of your answers: the transcript of what you say and what you write, compared with the questions and the criteria the hiring team at ${org} wrote for this job. From the transcript's timings it also counts your speaking pace, pauses and filler words. It gives the hiring team a first read with quotes from your answers; it decides nothing on its own. ${processors}`,
    },
    {
      heading: "What it never does",
      body: "It never analyses your face, your expressions, your emotions or the sound of your voice (tone, pitch, accent). No automatic analysis looks at the video: it is kept only for people to watch.",
    },
    {
      heading: "Who sees your answers",
      body: `Only the hiring team at ${org} (its members on this platform) watch your recordings and read your answers and the automatic read. People at ${org} make every decision.`,
    },
    {
      heading: "How long they are kept",
      body: `Your recordings, transcripts, answers and their analysis are kept for ${plural(f.retentionDays, "day")} after the interview ends (when you finish it, or when the link expires or is cancelled), then deleted.`,
    },
    {
      heading: "Your rights",
      body: `From this link you can download everything held about you, ask for your data to be deleted (done within 30 days at the latest), and ask for people only to review your answers instead of the automatic read.`,
    },
  ];
  const agreement = `I agree to be recorded, and to my answers being analysed automatically and reviewed by ${org} as described above.`;
  const version = `${WORDING}:${createHash("sha256").update(JSON.stringify({ sections, agreement })).digest("hex").slice(0, 32)}`;
  return { version, sections, agreement, retentionDays: f.retentionDays };
}
