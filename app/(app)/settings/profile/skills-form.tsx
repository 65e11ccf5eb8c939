"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button, Field, Input, useToast } from "@/components/ui";
import { errorMessage, useTRPC } from "@/components/trpc/client";
import { updateSkillsInput } from "@/server/users/users.schema";

const split = (text: string) =>
  text
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);

/** A candidate's skills as one comma-separated line: the hiring teams they interview with see them. */
export function SkillsForm({ skills }: { skills: string[] }) {
  const trpc = useTRPC();
  const router = useRouter();
  const { toast } = useToast();
  const [text, setText] = useState(skills.join(", "));
  const [error, setError] = useState<string | undefined>();
  const save = useMutation(
    trpc.users.updateSkills.mutationOptions({
      onSuccess: (saved) => {
        setText(saved.join(", "));
        toast({ title: "Skills saved" });
        router.refresh();
      },
      onError: (e) => setError(errorMessage(e)),
    }),
  );
  function onSubmit(e: FormEvent) {
    e.preventDefault();
    const parsed = updateSkillsInput.safeParse({ skills: split(text) });
    if (!parsed.success) return setError(parsed.error.issues[0]?.message);
    setError(undefined);
    save.mutate(parsed.data);
  }
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <Field label="Skills" description="Separate them with commas, e.g. customer service, SQL, forklift licence. Up to 30." error={error}>
        {(props) => <Input {...props} value={text} onChange={(e) => setText(e.target.value)} />}
      </Field>
      <Button type="submit" loading={save.isPending}>
        Save skills
      </Button>
    </form>
  );
}
