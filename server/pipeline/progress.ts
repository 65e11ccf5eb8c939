import type { AnalysisStatus, InvitationStatus, QuestionType, ResponseStatus } from "../db/client";

type Answer = { type: QuestionType; status: ResponseStatus; submitted: boolean };

/**
 * Whether the pipeline still has work for this interview, so the review page keeps following it:
 * a submitted recording not yet through media and transcription, an analysis running, or a
 * completed interview whose transcribed answers wait for their analysis. Not after the analysis
 * failed: nothing more happens until someone acts, and the page says so.
 */
export function pipelineInProgress(answers: Answer[], invitation: InvitationStatus, latestAnalysis: AnalysisStatus | null): boolean {
  return answers.some((a) => {
    if (!a.submitted) return false;
    if (a.status === "PROCESSING" || a.status === "TRANSCRIBING" || a.status === "ANALYZING") return true;
    if (a.status === "UPLOADED") return a.type === "VIDEO";
    return a.status === "TRANSCRIBED" && invitation === "COMPLETED" && latestAnalysis !== "FAILED";
  });
}
