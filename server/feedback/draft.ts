import type { InterviewAnalysisResult } from "../analysis/analysis.schema";

type Claim = InterviewAnalysisResult["strengths"][number];

// A claim that speaks of scores, ratings or the recommendation stays with HR: feedback shows none.
const ABOUT_SCORES = /\b(scor\w*|rat(ed|ing)s?|recommend\w*|\d+(\.\d+)?\s*\/\s*5)\b/i;
// The analysis labels claims by question ("Q2: ..."); the draft says it in words.
const QUESTION_LABEL = /^Q(\d+):\s*/;

function sentence(claim: Claim): string {
  const label = QUESTION_LABEL.exec(claim.text);
  const text = claim.text.replace(QUESTION_LABEL, "").replace(/[\s.]+$/, "");
  // Only the candidate's own words go in quotation marks: the send check holds every quote to that.
  const where = label ? `In your answer to question ${label[1]}, ` : "";
  const quote = claim.evidence[0]?.quote;
  const said = where ? `${text.charAt(0).toLowerCase()}${text.slice(1)}` : text;
  return `- ${where}${said}${quote ? `, as when you said “${quote}”` : ""}.`;
}

/**
 * A first draft of written feedback from the analysis: its strengths and concerns in plain
 * sentences, quoting only the analysis' evidence (spans the server checked against the answers)
 * and leaving out anything about scores. HR edits it and approves it before it is sent.
 */
export function draftFeedback(opts: {
  candidateName: string;
  organizationName: string;
  title: string;
  analysis: Pick<InterviewAnalysisResult, "strengths" | "concerns"> | null;
  signedBy: string;
}): string {
  const first = opts.candidateName.split(" ")[0] || opts.candidateName;
  const keep = (claims: Claim[]) => claims.filter((c) => !ABOUT_SCORES.test(c.text)).map(sentence);
  const strengths = keep(opts.analysis?.strengths ?? []);
  const concerns = keep(opts.analysis?.concerns ?? []);
  return [
    `Dear ${first},`,
    "",
    `Thank you for completing the ${opts.title} interview with ${opts.organizationName}. Here is some feedback on your answers.`,
    ...(strengths.length ? ["", "What stood out:", ...strengths] : []),
    ...(concerns.length ? ["", "Where you could say more:", ...concerns] : []),
    "",
    "Best regards,",
    opts.signedBy,
  ].join("\n");
}
