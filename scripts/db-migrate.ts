// Applies pending migrations to DATABASE_URL (production: run before `npm start` on a new release).
// Writes Prisma's own _prisma_migrations bookkeeping, so `prisma migrate deploy` works on the same database.
import { migrate } from "../server/db/migrations";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is not set");
  process.exit(2);
}
const applied = await migrate(url);
console.log(applied.length ? `applied: ${applied.join(", ")}` : "up to date");
