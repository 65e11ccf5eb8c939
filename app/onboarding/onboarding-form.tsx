"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert, Button, Field, Input } from "@/components/ui";
import { errorMessage, fieldErrors, useTRPC } from "@/components/trpc/client";
import { selectRoleInput } from "@/server/users/users.schema";

type Choice = "HR_CREATE" | "HR_JOIN" | "CANDIDATE";

export function OnboardingForm({ hrOnly }: { hrOnly: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [choice, setChoice] = useState<Choice>("HR_CREATE");
  const [orgName, setOrgName] = useState("");
  const [joinCode, setJoinCode] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const mutation = useMutation(
    trpc.users.selectRole.mutationOptions({
      onSuccess: (result) => {
        // A request to join leaves the newcomer here, waiting for an owner.
        if (result.pendingOrganization) {
          setJoinCode("");
          router.refresh();
          return;
        }
        router.push("/");
        router.refresh();
      },
      onError: (error) => setErrors(fieldErrors(error)),
    }),
  );

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    const input =
      choice === "CANDIDATE"
        ? { role: "CANDIDATE" as const }
        : {
            role: "HR" as const,
            organization: choice === "HR_CREATE" ? { mode: "create" as const, name: orgName } : { mode: "join" as const, joinCode },
          };
    // The same schema the server applies, so the form shows the same messages before the round trip.
    const parsed = selectRoleInput.safeParse(input);
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((i) => [i.path.join("."), i.message])));
      return;
    }
    setErrors({});
    mutation.mutate(parsed.data);
  }

  const options: { value: Choice; title: string; text: string }[] = [
    { value: "HR_CREATE", title: "I hire: create my organization", text: "Build interviews, invite candidates, review answers." },
    { value: "HR_JOIN", title: "I hire: join my team's organization", text: "Use the join code a colleague shared with you." },
    ...(hrOnly ? [] : [{ value: "CANDIDATE" as const, title: "I'm a candidate", text: "See and answer the interviews you were invited to." }]),
  ];

  return (
    <form onSubmit={onSubmit} className="space-y-5" noValidate>
      <fieldset className="space-y-2">
        <legend className="sr-only">Your role</legend>
        {options.map((o) => (
          <label
            key={o.value}
            className="flex cursor-pointer gap-3 rounded-lg border border-slate-200 bg-white p-3 has-[:checked]:border-brand-500 has-[:checked]:bg-brand-50"
          >
            <input type="radio" name="role" value={o.value} checked={choice === o.value} onChange={() => setChoice(o.value)} className="mt-1" />
            <span>
              <span className="block font-medium">{o.title}</span>
              <span className="block text-sm text-slate-600">{o.text}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {choice === "HR_CREATE" ? (
        <Field label="Organization name" error={errors["organization.name"]}>
          {(props) => <Input {...props} value={orgName} onChange={(e) => setOrgName(e.target.value)} autoComplete="organization" />}
        </Field>
      ) : null}
      {choice === "HR_JOIN" ? (
        <Field label="Join code" error={errors["organization.joinCode"]}>
          {(props) => <Input {...props} value={joinCode} onChange={(e) => setJoinCode(e.target.value)} />}
        </Field>
      ) : null}
      {mutation.error && !Object.keys(errors).length ? <Alert tone="danger">{errorMessage(mutation.error)}</Alert> : null}
      <Button type="submit" loading={mutation.isPending} className="w-full">
        Continue
      </Button>
    </form>
  );
}
