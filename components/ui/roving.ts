export type Orientation = "horizontal" | "vertical";

const keys: Record<Orientation, { next: string; prev: string }> = {
  horizontal: { next: "ArrowRight", prev: "ArrowLeft" },
  vertical: { next: "ArrowDown", prev: "ArrowUp" },
};

/**
 * Where a key moves focus in a list of `count` items (tabs, menu items), wrapping at both
 * ends, or null when the key is not a navigation key so the caller leaves the event alone.
 * `current` may be -1 when nothing in the list has focus yet.
 */
export function rovingIndex(key: string, current: number, count: number, orientation: Orientation): number | null {
  if (count <= 0) return null;
  if (key === "Home") return 0;
  if (key === "End") return count - 1;
  if (key === keys[orientation].next) return current < 0 ? 0 : (current + 1) % count;
  if (key === keys[orientation].prev) return current < 0 ? count - 1 : (current - 1 + count) % count;
  return null;
}
