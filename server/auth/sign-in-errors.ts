// next-auth's error codes (and our own "Suspended") as sentences for the sign-in page and form.
export const SIGN_IN_ERRORS: Record<string, string> = {
  Suspended: "This account is suspended. Contact your administrator.",
  OrganizationSuspended: "Your organization's account is suspended, so its members cannot sign in. Contact the platform's operators.",
  AccessDenied: "This account is suspended or not allowed to sign in.",
  Verification: "That sign-in link has expired or was already used. Ask for a new one.",
  EmailSignin: "We could not send the sign-in email. Try again in a moment.",
  RateLimited: "Too many sign-in links were asked for. Wait a few minutes, then try again (the last link sent still works).",
  OAuthAccountNotLinked: "That email already signs in another way. Use the email link.",
};

export function signInErrorMessage(code: string): string {
  return SIGN_IN_ERRORS[code] ?? SIGN_IN_ERRORS.EmailSignin!;
}
