import { env } from "../config/env";
import type { DomainErrorCode } from "../errors";

/** An RFC 9457 problem details object: every error the REST API answers has this shape. */
export type Problem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  /** Field messages for a request that failed validation. */
  errors?: { path: string; message: string }[];
};

/** The kinds of problem the API answers with; `type` links to their description on /docs/api. */
export const PROBLEM_KINDS = {
  "invalid-request": { status: 400, title: "The request is not valid" },
  unauthorized: { status: 401, title: "No valid API key" },
  "plan-required": { status: 402, title: "The organization's plan does not allow this" },
  "insufficient-scope": { status: 403, title: "The API key lacks the scope this needs" },
  "not-found": { status: 404, title: "Not found" },
  "method-not-allowed": { status: 405, title: "Method not allowed" },
  conflict: { status: 409, title: "The resource's state does not allow this" },
  "idempotency-key-reused": { status: 422, title: "The Idempotency-Key was used for another request" },
  "rate-limited": { status: 429, title: "Too many requests" },
  "internal-error": { status: 500, title: "Something went wrong on our side" },
  unavailable: { status: 503, title: "The server is busy" },
} as const;

export type ProblemKind = keyof typeof PROBLEM_KINDS;

export function problemType(kind: ProblemKind): string {
  return `${env().APP_URL}/docs/api#problem-${kind}`;
}

export function problem(kind: ProblemKind, detail: string, extra: Pick<Problem, "errors"> = {}): Problem {
  const { status, title } = PROBLEM_KINDS[kind];
  return { type: problemType(kind), title, status, detail, ...extra };
}

export function problemResponse(body: Problem, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status: body.status, headers: { "content-type": "application/problem+json", "cache-control": "no-store", ...headers } });
}

/** A business rule's refusal (a DomainError's code) as the problem the API answers. */
export const DOMAIN_PROBLEMS: Record<DomainErrorCode, ProblemKind> = {
  BAD_REQUEST: "invalid-request",
  NOT_FOUND: "not-found",
  CONFLICT: "conflict",
  // The invitation is completed, cancelled, a draft template…: the resource's state refuses it.
  PRECONDITION_FAILED: "conflict",
  FORBIDDEN: "insufficient-scope",
  TOO_MANY_REQUESTS: "rate-limited",
  PAYMENT_REQUIRED: "plan-required",
};
