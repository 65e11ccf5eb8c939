import { z } from "zod";
import { interviewTokenInput } from "../interview/interview.schema";

/** From the interview link: the token alone names the invitation. */
export const linkRightsInput = interviewTokenInput;

/** From /candidate: one of the signed-in candidate's own invitations. */
export const candidateInvitationInput = z.object({ invitationId: z.string().min(1, "Choose an interview.").max(64) });

export type LinkRightsInput = z.output<typeof linkRightsInput>;
export type CandidateInvitationInput = z.output<typeof candidateInvitationInput>;
