import type { Cases } from "./fixture";
import { templatesCases } from "./templates.cases";
import { usersCases } from "./users.cases";

// One file of cases per domain; add yours here.
export const cases: Cases = { ...usersCases, ...templatesCases };
