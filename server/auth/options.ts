import type { NextAuthOptions } from "next-auth";
import EmailProvider from "next-auth/providers/email";
import GitHubProvider from "next-auth/providers/github";
import GoogleProvider from "next-auth/providers/google";
import KeycloakProvider from "next-auth/providers/keycloak";
import type { Provider } from "next-auth/providers/index";
import { createElement } from "react";
import MagicLinkEmail, { subject as magicLinkSubject } from "@/emails/magic-link";
import { env } from "../config/env";
import { getDb } from "../db/client";
import { sendEmail } from "../mail/send";
import { prismaAdapter } from "./adapter";
import { MAGIC_LINK_MAX_AGE_MIN } from "./magic-link";
import { SESSION_MAX_AGE_SEC } from "./session";
import { loadSessionUser, organizationSuspended } from "./session-user";

export function oauthProviders(): Provider[] {
  const e = env();
  const providers: Provider[] = [];
  if (e.GOOGLE_CLIENT_ID && e.GOOGLE_CLIENT_SECRET) {
    providers.push(GoogleProvider({ clientId: e.GOOGLE_CLIENT_ID, clientSecret: e.GOOGLE_CLIENT_SECRET }));
  }
  if (e.GITHUB_ID && e.GITHUB_SECRET) {
    providers.push(GitHubProvider({ clientId: e.GITHUB_ID, clientSecret: e.GITHUB_SECRET }));
  }
  if (e.KEYCLOAK_ID && e.KEYCLOAK_SECRET && e.KEYCLOAK_ISSUER) {
    providers.push(KeycloakProvider({ clientId: e.KEYCLOAK_ID, clientSecret: e.KEYCLOAK_SECRET, issuer: e.KEYCLOAK_ISSUER }));
  }
  return providers;
}

export function authOptions(): NextAuthOptions {
  const e = env();
  const db = getDb();
  return {
    secret: e.NEXTAUTH_SECRET,
    adapter: prismaAdapter(db),
    // Database sessions, so suspending a user can end every session at once.
    session: { strategy: "database", maxAge: SESSION_MAX_AGE_SEC },
    pages: { signIn: "/sign-in", verifyRequest: "/sign-in/check-email", error: "/sign-in" },
    providers: [
      EmailProvider({
        from: e.EMAIL_FROM,
        maxAge: MAGIC_LINK_MAX_AGE_MIN * 60,
        normalizeIdentifier: (identifier) => identifier.trim().toLowerCase(),
        async sendVerificationRequest({ identifier, url }) {
          const host = new URL(url).host;
          await sendEmail({
            to: identifier,
            subject: magicLinkSubject({ url, host }),
            template: "magic-link",
            react: createElement(MagicLinkEmail, { url, host }),
          });
        },
      }),
      ...oauthProviders(),
    ],
    callbacks: {
      async signIn({ user }) {
        if (!user.email) return false;
        const existing = await db.user.findUnique({ where: { email: user.email.toLowerCase() }, select: { id: true } });
        const known = existing ? await loadSessionUser(db, existing.id) : null;
        // A suspended user, or HR of a suspended organization, gets no new session, whichever provider
        // they come through. Absolute, because next-auth's client parses the error out of this URL with `new URL()`.
        if (known?.status === "SUSPENDED") return `${e.APP_URL}/sign-in?error=Suspended`;
        return known && organizationSuspended(known) ? `${e.APP_URL}/sign-in?error=OrganizationSuspended` : true;
      },
      async redirect({ url, baseUrl }) {
        if (url.startsWith("/")) return `${baseUrl}${url}`;
        return new URL(url).origin === baseUrl ? url : baseUrl;
      },
    },
  };
}
