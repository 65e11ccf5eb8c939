import { z } from "zod";

// C0 controls other than tab, line feed and carriage return, DEL and the C1 controls: no one types
// them, and Postgres refuses NUL outright, so they are turned away with a message instead.
const NO_CONTROL_CHARACTERS = /^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]*$/;

export const CONTROL_CHARACTERS_MESSAGE = "Remove the invisible control characters (such as NUL) from this text.";

export function hasControlCharacters(value: string): boolean {
  return !NO_CONTROL_CHARACTERS.test(value);
}

/** A string from a person or a client: every input schema builds its strings from this. */
export function text(params?: Parameters<typeof z.string>[0]) {
  return z.string(params).regex(NO_CONTROL_CHARACTERS, CONTROL_CHARACTERS_MESSAGE);
}
