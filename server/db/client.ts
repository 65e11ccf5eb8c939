import { PrismaPg } from "@prisma/adapter-pg";
import { env } from "../config/env";
import { PrismaClient } from "./generated/client";

export type Db = InstanceType<typeof PrismaClient>;

export function createDb(connectionString: string, max: number): Db {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, max }) });
}

const globalForDb = globalThis as unknown as { __db?: Db };

/**
 * The app's Prisma client. With the embedded Postgres the launcher sets DATABASE_POOL_MAX to the
 * socket server's connection limit. Inside `db.$transaction(async (tx) => …)` use only `tx`: the
 * embedded engine runs one transaction at a time, so a query on `db` there would wait forever.
 */
export function getDb(): Db {
  if (!globalForDb.__db) {
    const e = env();
    globalForDb.__db = createDb(e.DATABASE_URL, e.DATABASE_POOL_MAX);
  }
  return globalForDb.__db;
}

export const db: Db = new Proxy({} as Db, {
  get(_target, prop) {
    const real = getDb() as unknown as Record<PropertyKey, unknown>;
    const value = real[prop];
    return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(real) : value;
  },
});

export * from "./generated/client";
