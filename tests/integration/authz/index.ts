import type { Cases } from "./fixture";
import { usersCases } from "./users.cases";

// One file of cases per domain; add yours here.
export const cases: Cases = { ...usersCases };
