// Matches no row: Prisma answers an unknown cursor with an empty page.
const NO_ROW = "";

/**
 * Prisma's cursor arguments for a page after `cursor`, resolved inside the caller's scope. Prisma
 * positions a cursor by its row wherever that row lives, so another tenant's id would page through
 * this tenant's rows and confirm that id exists; outside the scope it answers as a made-up id does.
 */
export async function scopedCursor(
  cursor: string | null | undefined,
  inScope: (id: string) => Promise<unknown>,
): Promise<{ cursor?: { id: string }; skip?: number }> {
  if (!cursor) return {};
  return { cursor: { id: (await inScope(cursor)) ? cursor : NO_ROW }, skip: 1 };
}
