import { readdir, stat } from "node:fs/promises";
import type { Db } from "../db/client";
import { OPEN_STATUSES } from "../invitations/status";
import { stagingDir } from "../storage/local";
import { withUploadLock } from "./lock";
import { removeStaging } from "./staging";

// A staged file nobody's row accounts for is left this long first: an upload's row is written
// before its first byte, but a file met mid-way through a request's work is not the sweep's.
const ORPHAN_GRACE_MS = 60 * 60 * 1000;
const STAGED_FILE = /^(.+)\.(part|last)$/;

/**
 * Frees the disk that uploads no longer need (issue 13, finding 5). Uploads still open for an
 * interview that can no longer be answered (cancelled, expired, completed) are closed first; then
 * every staged file whose upload is closed, complete or gone is removed, each under its upload's
 * lock so that no chunk is being written to it at that moment. Open uploads of open interviews
 * keep their bytes: the candidate's page resumes them.
 */
export async function cleanStaging(db: Db, now: Date = new Date()): Promise<{ closed: number; removed: number }> {
  const { count: closed } = await db.uploadSession.updateMany({
    where: {
      status: "OPEN",
      response: { invitation: { OR: [{ status: { notIn: [...OPEN_STATUSES] } }, { expiresAt: { lte: now } }] } },
    },
    data: { status: "ABORTED" },
  });

  const dir = stagingDir();
  const names = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return [] as string[];
    throw error;
  });
  const ids = [...new Set(names.flatMap((name) => STAGED_FILE.exec(name)?.[1] ?? []))];
  if (ids.length === 0) return { closed, removed: 0 };
  const sessions = new Map((await db.uploadSession.findMany({ where: { id: { in: ids } }, select: { id: true, status: true } })).map((u) => [u.id, u.status]));
  let removed = 0;
  for (const id of ids) {
    const status = sessions.get(id);
    if (status === "OPEN") continue;
    if (status === undefined) {
      const newest = Math.max(
        ...(await Promise.all(names.filter((n) => STAGED_FILE.exec(n)?.[1] === id).map(async (n) => (await stat(`${dir}/${n}`)).mtimeMs))),
      );
      if (now.getTime() - newest < ORPHAN_GRACE_MS) continue;
    }
    await withUploadLock(id, () => removeStaging(id));
    removed++;
  }
  return { closed, removed };
}
