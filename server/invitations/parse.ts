import { z } from "zod";

export const MAX_BATCH = 200;
export const MAX_NAME_CHARS = 100;

export type Candidate = { name: string; email: string };

export type ParsedCandidateList = {
  candidates: Candidate[];
  /** One message per rejected line, naming its line number as the person sees it in the box. */
  errors: string[];
  /** Emails that appeared more than once; only their first line is kept. */
  duplicates: string[];
};

const emailSchema = z.email();

// Emails are compared and stored lower-case: sign-in lower-cases addresses, and a candidate's
// invitations are found by their account's email.
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function isEmail(value: string): boolean {
  return emailSchema.safeParse(value).success;
}

function quote(value: string): string {
  return value.length > 60 ? `'${value.slice(0, 57)}...'` : `'${value}'`;
}

// "Ada Lovelace <ada@example.com>" is what mail clients copy; commas, tabs (spreadsheets) and
// semicolons (Outlook) separate the two fields otherwise. The last separator counts, because a
// name may hold a comma ("Lovelace, Ada") and an email never does.
function splitLine(line: string): { name: string; email: string } | null {
  const angle = /^(.*)<([^<>]*)>$/.exec(line);
  if (angle) return { name: angle[1]!.replace(/[,;\t]\s*$/, "").trim(), email: angle[2]!.trim() };
  const fields = /^(.*)[,;\t](.*)$/.exec(line.replace(/[,;\t\s]+$/, ""));
  return fields ? { name: fields[1]!.trim(), email: fields[2]!.trim() } : null;
}

function stripQuotes(value: string): string {
  return value.replace(/^"(.*)"$/, "$1").trim();
}

function parseLine(line: string, n: number): Candidate | string {
  const parts = splitLine(line);
  if (!parts) {
    if (isEmail(normalizeEmail(line))) return `line ${n}: add the candidate's name before ${quote(line)}`;
    return /[,;\t]/.test(line) ? `line ${n}: the email is missing` : `line ${n}: write it as "name, email"`;
  }
  const name = stripQuotes(parts.name);
  const email = stripQuotes(parts.email);
  if (!name) return `line ${n}: the name is missing`;
  if (name.length > MAX_NAME_CHARS) return `line ${n}: the name is longer than ${MAX_NAME_CHARS} characters`;
  if (!email) return `line ${n}: the email is missing`;
  if (!isEmail(normalizeEmail(email))) return `line ${n}: ${quote(email)} is not an email`;
  return { name, email: normalizeEmail(email) };
}

/**
 * Parses the pasted "name, email" list of the invite form. Pure, so the form shows the same
 * per-line messages as the server before anything is sent.
 */
export function parseCandidateList(text: string): ParsedCandidateList {
  const candidates: Candidate[] = [];
  const errors: string[] = [];
  const duplicates: string[] = [];
  const seen = new Set<string>();
  text.split(/\r\n|\r|\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (!line) return;
    // A header row pasted along with a spreadsheet's columns.
    if (candidates.length === 0 && errors.length === 0 && /^"?name"?\s*[,;\t]\s*"?e-?mail"?$/i.test(line)) return;
    const parsed = parseLine(line, index + 1);
    if (typeof parsed === "string") errors.push(parsed);
    else if (seen.has(parsed.email)) duplicates.push(parsed.email);
    else {
      seen.add(parsed.email);
      candidates.push(parsed);
    }
  });
  if (candidates.length > MAX_BATCH) {
    errors.push(`${candidates.length} candidates: invite at most ${MAX_BATCH} at once, and split the list`);
  }
  return { candidates, errors, duplicates };
}
