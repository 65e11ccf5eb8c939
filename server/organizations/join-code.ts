import { randomBytes } from "node:crypto";

/** A join code: 96 random bits, so it can be neither guessed nor derived from the organization's id. */
export function newJoinCode(): string {
  return randomBytes(12).toString("base64url");
}
