// Creates a new migration offline. Prisma's schema engine (its WebAssembly build: no download)
// diffs the schema the existing migrations were written for (prisma/migrations/schema.snapshot.prisma)
// against prisma/schema.prisma, and the script writes prisma/migrations/<timestamp>_<name>/migration.sql.
// Comparing two schemas, not a live database, keeps hand-written SQL (vector columns, HNSW indexes)
// out of the diff. Usage: npm run db:migration -- <snake_case_name>
import { existsSync } from "node:fs";
import { copyFile, mkdir, readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import { startEmbeddedPostgres } from "../server/db/embedded";
import { MIGRATIONS_DIR } from "../server/db/migrations";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:migration -- <snake_case_name>");
  process.exit(2);
}

// The parts of the wasm-bindgen glue this script uses; the package ships no typings for it.
type SchemaEngineInstance = { diff(input: unknown): Promise<{ stdout?: string | null }> };
type SchemaEngineGlue = {
  __wbg_set_wasm(exports: WebAssembly.Exports): void;
  SchemaEngine: { new: (config: unknown, log: () => void, adapter: unknown) => Promise<SchemaEngineInstance> };
};

async function loadSchemaEngine() {
  const require = createRequire(import.meta.url);
  const gluePath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const glue = (await import(gluePath)) as SchemaEngineGlue;
  const bytes = await readFile(gluePath.replace(/\.js$/, ".wasm"));
  const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": glue as unknown as WebAssembly.ModuleImports });
  glue.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return glue.SchemaEngine;
}

const schemaPath = path.join(process.cwd(), "prisma", "schema.prisma");
const snapshotPath = path.join(MIGRATIONS_DIR, "schema.snapshot.prisma");
const schema = await readFile(schemaPath, "utf8");
const previous = existsSync(snapshotPath) ? await readFile(snapshotPath, "utf8") : null;

const SchemaEngine = await loadSchemaEngine();
// The engine connects to a database when it starts, even for a schema-to-schema diff: a throwaway
// in-memory PGlite serves.
const scratch = await startEmbeddedPostgres({});
const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPg({ connectionString: scratch.url, max: 1 }));
const engine = await SchemaEngine.new({ datamodels: [["schema.prisma", schema]] }, () => {}, adapter);
const result = await engine.diff({
  from: previous ? { tag: "schemaDatamodel", files: [{ path: "schema.prisma", content: previous }] } : { tag: "empty" },
  to: { tag: "schemaDatamodel", files: [{ path: "schema.prisma", content: schema }] },
  script: true,
  exitCode: null,
  filters: { externalTables: [], externalEnums: [] },
});
const sql = result.stdout ?? "";
if (!sql.trim() || sql.includes("This is an empty migration")) {
  console.log("prisma/schema.prisma matches the migrations: nothing to write.");
} else {
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const dir = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, "migration.sql"), sql);
  await copyFile(schemaPath, snapshotPath);
  console.log(`wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
}
await scratch.stop();
process.exit(0);
