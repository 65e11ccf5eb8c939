export type DomainErrorCode = "BAD_REQUEST" | "NOT_FOUND" | "CONFLICT" | "FORBIDDEN" | "PRECONDITION_FAILED" | "TOO_MANY_REQUESTS" | "PAYMENT_REQUIRED";

/**
 * An expected failure of a business rule, with a message meant for the person using the app.
 * Routers map it to the matching tRPC error; nothing else in server/ knows about tRPC.
 */
export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "DomainError";
  }
}

export const notFound = (what: string) => new DomainError("NOT_FOUND", `${what} was not found.`);
