import { readdir } from "node:fs/promises";
import path from "node:path";
import type { Db } from "@/server/db/client";

/**
 * Every text-like column of every table (from information_schema, so a table added later is
 * searched too) that holds any of the needles, case-insensitively, as "table.column".
 */
export async function columnsContaining(db: Db, needles: string[]): Promise<string[]> {
  const columns = await db.$queryRaw<{ table_name: string; column_name: string }[]>`
    SELECT table_name, column_name FROM information_schema.columns
    WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'json', 'jsonb', 'ARRAY')
    ORDER BY table_name, column_name`;
  const short = needles.filter((n) => n.trim().length < 8);
  if (short.length) throw new Error(`Needles this short match too much: ${JSON.stringify(short)}`);
  const patterns = needles.map((n) => `%${n.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  const hits: string[] = [];
  for (const { table_name, column_name } of columns) {
    const rows = await db.$queryRawUnsafe<{ n: bigint }[]>(
      `SELECT count(*) AS n FROM "${table_name}" WHERE "${column_name}"::text ILIKE ANY($1::text[])`,
      patterns,
    );
    if (Number(rows[0]!.n) > 0) hits.push(`${table_name}.${column_name}`);
  }
  return hits;
}

/** Every file under a folder, as paths relative to it. */
export async function filesUnder(root: string): Promise<string[]> {
  const out: string[] = [];
  async function walk(dir: string) {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else out.push(path.relative(root, full));
    }
  }
  await walk(root);
  return out;
}
