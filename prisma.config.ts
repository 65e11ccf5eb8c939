import { defineConfig } from "prisma/config";

// The CLI is used for `prisma generate` only; migrations are created and applied with the
// offline tooling in server/db (see README: "Database").
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/unused" },
});
