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

  it("needs the webhook secret and every price once Stripe is on, and checks their form", () => {
    expect(parseServerEnv(valid).BILLING_GRACE_DAYS).toBe(7);
    expect(() => parseServerEnv({ ...valid, STRIPE_SECRET_KEY: "sk_test_1" })).toThrow(/STRIPE_PRICE_PRO_YEARLY is required/);
    const stripe = {
      ...valid,
      STRIPE_SECRET_KEY: "sk_test_1",
      STRIPE_WEBHOOK_SECRET: "whsec_1",
      STRIPE_PRICE_PLUS_MONTHLY: "price_pm",
      STRIPE_PRICE_PLUS_YEARLY: "price_py",
      STRIPE_PRICE_PRO_MONTHLY: "price_rm",
      STRIPE_PRICE_PRO_YEARLY: "price_ry",
    };
    expect(parseServerEnv(stripe).STRIPE_PRICE_PRO_YEARLY).toBe("price_ry");
    expect(() => parseServerEnv({ ...stripe, STRIPE_PRICE_PLUS_MONTHLY: "prod_1" })).toThrow(/price_/);
    expect(() => parseServerEnv({ ...stripe, BILLING_GRACE_DAYS: "-1" })).toThrow(/BILLING_GRACE_DAYS/);
  });
});
