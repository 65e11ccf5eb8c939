"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useForm, useWatch, type Resolver } from "react-hook-form";
import { Alert, Button, Card, CardContent, CardDescription, CardHeader, CardTitle, Field, Textarea, useToast } from "@/components/ui";
import { errorMessage, fieldErrors, useTRPC } from "@/components/trpc/client";
import { MAX_INTRO_CHARS, setTemplateIntroInput, type SetTemplateIntroForm } from "@/server/templates/intro.schema";

type IntroFormValues = { templateId: string; introText: string };
// `raw` hands the typed values to the mutation for the server to parse the same way.
const resolver = zodResolver(setTemplateIntroInput, undefined, { raw: true }) as unknown as Resolver<IntroFormValues, unknown, SetTemplateIntroForm>;

/**
 * The hiring team's welcome for this template's candidates, read before the consent screen. Saved
 * on its own, outside the template's versions, so it reaches candidates already invited too.
 */
export function IntroCard({ templateId, introText, editable }: { templateId: string; introText: string | null; editable: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const { toast } = useToast();
  const {
    control,
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<IntroFormValues, unknown, SetTemplateIntroForm>({ defaultValues: { templateId, introText: introText ?? "" }, resolver });
  const typed = useWatch({ control, name: "introText" });
  const save = useMutation(
    trpc.templates.setIntro.mutationOptions({
      onSuccess: (saved) => {
        toast({ title: saved.introText ? "Introduction saved" : "Introduction removed", description: "Candidates see it the next time their page loads." });
        router.refresh();
      },
      onError: (e) => {
        const message = fieldErrors(e).introText;
        if (message) setError("introText", { type: "server", message });
      },
    }),
  );
  const onSubmit = handleSubmit((input) => save.mutate(input));
  return (
    <Card>
      <section aria-labelledby="intro-heading">
        <CardHeader>
          <CardTitle id="intro-heading">Introduction for candidates</CardTitle>
          <CardDescription>
            A short welcome from the hiring team, shown before the consent screen to everyone invited to this template, including those invited already.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <form className="space-y-3" noValidate onSubmit={(e) => void onSubmit(e)}>
            <Field label="Introduction (optional)" description={`${typed.trim().length} of ${MAX_INTRO_CHARS} characters`} error={errors.introText?.message}>
              {(props) => <Textarea {...props} rows={4} disabled={!editable} {...register("introText")} />}
            </Field>
            {save.error && !fieldErrors(save.error).introText ? <Alert tone="danger">{errorMessage(save.error)}</Alert> : null}
            {editable ? (
              <Button type="submit" size="sm" loading={save.isPending}>
                Save introduction
              </Button>
            ) : (
              <p className="text-sm text-slate-600">This template is archived, so its introduction cannot change.</p>
            )}
          </form>
        </CardContent>
      </section>
    </Card>
  );
}
