import { mkdtemp, readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll } from "vitest";
import { EMBEDDED_MAX_CONNECTIONS, startEmbeddedPostgres } from "../../server/db/embedded";

// Each test file gets its own embedded Postgres, copied from the migrated image: the real engine,
// never a mock, and no test file sees another's rows.
const image = await readFile(path.resolve(".test-data/migrated.tar.gz"));
const pg = await startEmbeddedPostgres({ loadDataDir: new Blob([image]) });

process.env.DATABASE_URL = pg.url;
process.env.DATABASE_POOL_MAX = String(EMBEDDED_MAX_CONNECTIONS);
process.env.NEXTAUTH_SECRET ??= "test-secret-test-secret-test-secret-0123";
process.env.APP_URL ??= "http://localhost:3000";
// Files a test stores go to a folder of its own, never the developer's .data/storage.
process.env.STORAGE_DIR ??= await mkdtemp(path.join(os.tmpdir(), "aivi-storage-"));

afterAll(async () => {
  const { getDb } = await import("../../server/db/client");
  await getDb().$disconnect();
  await pg.stop();
});
