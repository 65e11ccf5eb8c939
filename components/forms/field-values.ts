import type { FieldError } from "react-hook-form";

// Number inputs hand over text. An empty optional setting becomes null so a schema's range message
// names it; an empty required number becomes NaN, which z.number() answers with its own message.
export const optionalNumber = (raw: unknown): number | null => (typeof raw === "string" && raw.trim() === "" ? null : Number(raw));
export const requiredNumber = (raw: unknown): number => (typeof raw === "string" && raw.trim() === "" ? Number.NaN : Number(raw));

/** Every message for one field, for a form that validates with criteriaMode "all" (one line each). */
export function allMessages(error: FieldError | undefined): string[] {
  if (!error) return [];
  if (!error.types) return error.message ? [error.message] : [];
  return Object.values(error.types).flatMap((m) => (typeof m === "string" ? [m] : Array.isArray(m) ? m.filter((x): x is string => typeof x === "string") : []));
}
