import { randomBytes } from "node:crypto";

const references = new WeakMap<object, string>();

/**
 * A short id for one unexpected failure: the client is shown it instead of the error's own text
 * (which may name a query, a file path or a record), and the server log carries it beside the cause.
 */
export function internalErrorReference(error: object): string {
  let reference = references.get(error);
  if (!reference) {
    reference = randomBytes(5).toString("hex");
    references.set(error, reference);
  }
  return reference;
}

export function internalErrorMessage(reference: string): string {
  return `Something went wrong on our side. If it happens again, give us this reference: ${reference}.`;
}
