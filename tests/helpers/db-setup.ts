import { randomBytes } from "node:crypto";
import { mkdtemp, readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, inject } from "vitest";
import { EMBEDDED_MAX_CONNECTIONS, startEmbeddedPostgres } from "../../server/db/embedded";
import { databaseUrl, withAdmin } from "./real-postgres-template";

/**
 * Gives each test file a database of its own, so no file sees another's rows: on the embedded
 * engine a PGlite copied from the migrated image, on a real server (the layers vitest.config.ts
 * runs with TEST_DATABASE_URL) a database made from the migrated template. Both are the real
 * engine, never a mock.
 */
async function fileDatabase(): Promise<{ url: string; poolMax?: number; drop: () => Promise<void> }> {
  if (process.env.AIVI_TEST_ENGINE === "postgres") {
    const serverUrl = process.env.TEST_DATABASE_URL!;
    const template = inject("pgTemplate");
    const name = `${template}_${randomBytes(6).toString("hex")}`;
    await withAdmin(serverUrl, (client) => client.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`));
    return {
      url: databaseUrl(serverUrl, name),
      drop: () => withAdmin(serverUrl, (client) => client.query(`DROP DATABASE "${name}" WITH (FORCE)`)).then(() => {}),
    };
  }
  const image = await readFile(path.resolve(".test-data/migrated.tar.gz"));
  const pg = await startEmbeddedPostgres({ loadDataDir: new Blob([image]) });
  return { url: pg.url, poolMax: EMBEDDED_MAX_CONNECTIONS, drop: pg.stop };
}

const database = await fileDatabase();
process.env.DATABASE_URL = database.url;
if (database.poolMax) process.env.DATABASE_POOL_MAX = String(database.poolMax);
process.env.NEXTAUTH_SECRET ??= "test-secret-test-secret-test-secret-0123";
process.env.APP_URL ??= "http://localhost:3000";
// Files a test stores go to a folder of its own, never the developer's .data/storage.
process.env.STORAGE_DIR ??= await mkdtemp(path.join(os.tmpdir(), "aivi-storage-"));

afterAll(async () => {
  const { getDb } = await import("../../server/db/client");
  await getDb().$disconnect();
  await database.drop();
});
