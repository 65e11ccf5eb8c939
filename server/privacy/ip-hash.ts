import { createHmac } from "node:crypto";
import { env } from "../config/env";

/** The address a request came from, as the proxy in front of the app reports it; null when none says. */
export function clientAddress(headers: Headers): string | null {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || headers.get("x-real-ip")?.trim() || null;
}

/**
 * SHA-256 of the address keyed with the server's secret (HMAC), so the consent record can show
 * that two consents came from one address without storing it, and a leaked table cannot be
 * reversed by hashing the whole IPv4 space.
 */
export function hashAddress(address: string | null): string | null {
  if (!address) return null;
  return createHmac("sha256", `consent-ip:${env().NEXTAUTH_SECRET}`).update(address).digest("hex");
}
