import type { Cases } from "./fixture";
import { interviewCases } from "./interview.cases";
import { invitationsCases } from "./invitations.cases";
import { templatesCases } from "./templates.cases";
import { usersCases } from "./users.cases";

// One file of cases per domain; add yours here.
export const cases: Cases = { ...usersCases, ...templatesCases, ...interviewCases, ...invitationsCases };
