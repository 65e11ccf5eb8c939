"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button, Field, Input } from "@/components/ui";
import { signInInput } from "@/server/auth/auth.schema";
import { signInErrorMessage } from "@/server/auth/sign-in-errors";

export function SignInForm({ providers, callbackUrl }: { providers: { id: string; name: string }[]; callbackUrl: string }) {
  const router = useRouter();
  const [email, setEmail] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const parsed = signInInput.safeParse({ email });
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? "Enter a valid email address");
      return;
    }
    setError(null);
    setPending(true);
    const res = await signIn("email", { email: parsed.data.email, callbackUrl, redirect: false }).catch(() => undefined);
    setPending(false);
    if (!res || res.error) {
      setError(signInErrorMessage(res?.error ?? "EmailSignin"));
      return;
    }
    router.push(`/sign-in/check-email?email=${encodeURIComponent(parsed.data.email)}`);
  }

  return (
    <div className="space-y-4">
      <form onSubmit={(e) => void onSubmit(e)} noValidate className="space-y-4">
        <Field label="Work email" error={error ?? undefined}>
          {(props) => <Input {...props} type="email" name="email" autoComplete="email" value={email} onChange={(e) => setEmail(e.target.value)} required />}
        </Field>
        <Button type="submit" loading={pending} className="w-full">
          Email me a sign-in link
        </Button>
      </form>
      {providers.length ? (
        <div className="space-y-2">
          {providers.map((p) => (
            <Button key={p.id} type="button" variant="outline" className="w-full" onClick={() => void signIn(p.id, { callbackUrl })}>
              Continue with {p.name}
            </Button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
