import { describe, expect, it } from "vitest";
import { devToolsEnabled, EnvError, parseServerEnv } from "@/server/config/env";

const valid = { DATABASE_URL: "postgresql://u:p@localhost:5432/db", NEXTAUTH_SECRET: "x".repeat(32) };

describe("server environment", () => {
  it("accepts the minimal configuration and fills defaults", () => {
    const env = parseServerEnv(valid);
    expect(env.APP_URL).toBe("http://localhost:3000");
    expect(env.DATABASE_POOL_MAX).toBe(10);
    expect(env.RESEND_API_KEY).toBeUndefined();
  });

  it("names the missing or wrong variable", () => {
    expect(() => parseServerEnv({ NEXTAUTH_SECRET: "x".repeat(32) })).toThrow(/DATABASE_URL/);
    expect(() => parseServerEnv({ ...valid, DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL must be a postgres/);
    expect(() => parseServerEnv({ ...valid, NEXTAUTH_SECRET: "short" })).toThrow(/NEXTAUTH_SECRET/);
    expect(() => parseServerEnv({ ...valid, APP_URL: "not a url" })).toThrow(/APP_URL/);
    expect(() => parseServerEnv({ ...valid, GITHUB_ID: "id" })).toThrow(/GITHUB_SECRET/);
    expect(() => parseServerEnv({ ...valid, DATABASE_POOL_MAX: "0" })).toThrow(EnvError);
  });

  it("turns dev tools on in development only, unless told", () => {
    expect(devToolsEnabled(parseServerEnv({ ...valid, NODE_ENV: "development" }))).toBe(true);
    expect(devToolsEnabled(parseServerEnv({ ...valid, NODE_ENV: "production" }))).toBe(false);
    expect(devToolsEnabled(parseServerEnv({ ...valid, NODE_ENV: "production", DEV_TOOLS: "on" }))).toBe(true);
    expect(devToolsEnabled(parseServerEnv({ ...valid, NODE_ENV: "development", DEV_TOOLS: "off" }))).toBe(false);
  });
});
