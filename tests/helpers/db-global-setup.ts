import { mkdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { startEmbeddedPostgres } from "../../server/db/embedded";
import { migrate } from "../../server/db/migrations";

export const MIGRATED_IMAGE = path.resolve(".test-data/migrated.tar.gz");

// Migrates one in-memory database and saves it; every test file starts its own copy of it,
// so files are isolated from each other and none pays for the migrations.
export default async function setup() {
  const pg = await startEmbeddedPostgres({});
  await migrate(pg.url);
  const image = await pg.db.dumpDataDir("gzip");
  await mkdir(path.dirname(MIGRATED_IMAGE), { recursive: true });
  // Written aside and renamed: two test runs on one machine must never read a half-written image.
  const partial = `${MIGRATED_IMAGE}.${process.pid}.partial`;
  await writeFile(partial, Buffer.from(await image.arrayBuffer()));
  await rename(partial, MIGRATED_IMAGE);
  await pg.stop();
}
