import pg from "pg";
import type { TestProject } from "vitest/node";
import { migrate } from "../../server/db/migrations";

declare module "vitest" {
  export interface ProvidedContext {
    /** The migrated template database that each test file's database is made from (real-server layers). */
    pgTemplate: string;
  }
}

/** The server's URL with another database name. */
export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function withAdmin<T>(serverUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function dropDatabasesNamed(serverUrl: string, prefix: string) {
  await withAdmin(serverUrl, async (client) => {
    const { rows } = await client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE starts_with(datname, $1)", [prefix]);
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  });
}

/**
 * Global setup of the layers that run on a real server (TEST_DATABASE_URL): migrates one template
 * database per run and project, from which every test file gets its own copy (CREATE DATABASE …
 * TEMPLATE, a file copy on the server: far quicker than migrating). Names carry the process id, so
 * two runs on one server never meet; teardown drops the template and every copy left behind.
 */
export default async function setup(project: TestProject) {
  const serverUrl = process.env.TEST_DATABASE_URL!;
  const template = `aivi_t${process.pid}_${project.name.replace(/\W/g, "_")}`;
  await dropDatabasesNamed(serverUrl, template);
  await withAdmin(serverUrl, (client) => client.query(`CREATE DATABASE "${template}"`));
  await migrate(databaseUrl(serverUrl, template));
  project.provide("pgTemplate", template);
  return () => dropDatabasesNamed(serverUrl, template);
}
