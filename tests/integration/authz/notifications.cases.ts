import type { Cases } from "./fixture";

// The caller's own notifications only (tests/integration/notifications.test.ts shows another user's stay untouched).
export const notificationsCases: Cases = {
  "notifications.list": { input: () => ({}) },
  "notifications.unreadCount": {},
  "notifications.markRead": { input: () => ({ all: true }) },
  "notifications.emailPreferences": {},
  "notifications.setEmailPreference": { input: () => ({ kind: "daily-digest", enabled: true }) },
};
