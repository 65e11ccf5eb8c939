import { twMerge } from "tailwind-merge";

/**
 * Joins class names, skipping falsy ones; when two set the same property (a component's
 * `whitespace-nowrap` and a caller's `whitespace-normal`), the later one wins, as callers expect.
 */
export function cn(...parts: (string | false | null | undefined)[]): string {
  return twMerge(parts.filter(Boolean).join(" "));
}
