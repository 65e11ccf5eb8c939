// Shared by the sign-in provider, the email and the check-email page: plain values only.

/** How long an emailed sign-in link works: long enough to open the email, short if it leaks. */
export const MAGIC_LINK_MAX_AGE_MIN = 15;
