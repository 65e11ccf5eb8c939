import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The promise on the self-identification form: the answers are never shown to reviewers and never
// reach an analysis engine or the search. The code keeps it by naming them in three places only:
// where the candidate saves them, the fairness report (aggregates only), and the candidate's own
// data export. Any other module naming the table fails here.
const ALLOWED = new Set(["server/fairness/self-identify.ts", "server/fairness/report.ts", "server/privacy/export.ts"]);
const SOURCE_DIRS = ["app", "components", "emails", "inngest", "server"];

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const files: string[] = [];
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== "generated") files.push(...(await sourceFiles(full)));
    } else if (/\.(ts|tsx)$/.test(e.name)) files.push(full);
  }
  return files;
}

describe("self-identification stays apart", () => {
  it("is read and written only by the fairness module's own two files", async () => {
    const readers: string[] = [];
    for (const dir of SOURCE_DIRS) {
      for (const file of await sourceFiles(dir)) {
        const text = await readFile(file, "utf8");
        if (/\bselfIdentification\b|\bselfId\b|self_identifications/.test(text)) readers.push(file);
      }
    }
    expect(readers.filter((f) => !ALLOWED.has(f)).sort()).toEqual([]);
    expect(readers.sort()).toEqual([...ALLOWED].sort());
  });
});
