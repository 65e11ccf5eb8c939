import type { Limit } from "@/server/billing/plans";

export const formatLimit = (limit: Limit) => (limit === null ? "Unlimited" : String(limit));

export const formatDay = (date: Date) => date.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
