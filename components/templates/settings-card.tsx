"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useForm, type Resolver } from "react-hook-form";
import { optionalNumber } from "@/components/forms/field-values";
import { Alert, Button, Card, CardContent, CardDescription, CardHeader, CardTitle, Field, Input, useToast } from "@/components/ui";
import { errorMessage, fieldErrors, useTRPC } from "@/components/trpc/client";
import type { InterviewSettings } from "@/server/interview/interview-settings";
import { setTemplateSettingsInput, TIME_LIMIT_MIN, type SetTemplateSettingsInput } from "@/server/templates/settings.schema";

type SettingsFormValues = SetTemplateSettingsInput;
// `raw` hands the typed values to the mutation for the server to parse the same way.
const resolver = zodResolver(setTemplateSettingsInput, undefined, { raw: true }) as unknown as Resolver<SettingsFormValues, unknown, SettingsFormValues>;

const SWITCHES = [
  ["randomOrder", "Ask the questions in random order", "Each candidate gets their own order, kept if they reload or come back later."],
  ["allowPause", "Allow pausing", "With an overall limit, candidates may stop its clock and come back before their link expires."],
  ["showTimer", "Show the time left", "Candidates see the overall time left above each question; the limit holds either way."],
] as const;

/**
 * How this template's interviews run: question order, an overall time limit, pausing and the timer.
 * Part of the template's versions like its questions: candidates already invited keep the settings
 * they were sent, and HR can change them for one invite on the invite form.
 */
export function SettingsCard({ templateId, settings, editable }: { templateId: string; settings: InterviewSettings; editable: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const { toast } = useToast();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<SettingsFormValues, unknown, SettingsFormValues>({ defaultValues: { templateId, ...settings }, resolver });
  const save = useMutation(
    trpc.templates.setSettings.mutationOptions({
      onSuccess: () => {
        toast({ title: "Interview settings saved", description: "Candidates invited from now on get them; those invited already keep theirs." });
        router.refresh();
      },
      onError: (e) => {
        const message = fieldErrors(e).timeLimitMin;
        if (message) setError("timeLimitMin", { type: "server", message });
      },
    }),
  );
  const onSubmit = handleSubmit((input) => save.mutate(input));
  return (
    <Card>
      <section aria-labelledby="settings-heading">
        <CardHeader>
          <CardTitle id="settings-heading">Interview settings</CardTitle>
          <CardDescription>
            How candidates go through this interview. Changes reach the candidates you invite from now on, and you can change them for one invite on the invite
            form. Retakes are set per question above: 0 allows no retake.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <form className="space-y-4" noValidate onSubmit={(e) => void onSubmit(e)}>
            <fieldset disabled={!editable} className="space-y-4">
              <Field
                label="Overall time limit in minutes (optional)"
                description={`${TIME_LIMIT_MIN.min} to ${TIME_LIMIT_MIN.max} minutes from consent, besides each question's own limit; empty for none`}
                error={errors.timeLimitMin?.message}
              >
                {(props) => (
                  <div className="w-28">
                    <Input
                      {...props}
                      type="number"
                      inputMode="numeric"
                      min={TIME_LIMIT_MIN.min}
                      max={TIME_LIMIT_MIN.max}
                      {...register("timeLimitMin", { setValueAs: optionalNumber })}
                    />
                  </div>
                )}
              </Field>
              {SWITCHES.map(([name, label, hint]) => (
                <label key={name} className="flex items-start gap-2 text-sm text-slate-700">
                  <input type="checkbox" className="mt-0.5 size-4 accent-brand-600" {...register(name)} />
                  <span>
                    <span className="font-medium text-slate-900">{label}</span>
                    <span className="block text-slate-600">{hint}</span>
                  </span>
                </label>
              ))}
            </fieldset>
            {save.error && !fieldErrors(save.error).timeLimitMin ? <Alert tone="danger">{errorMessage(save.error)}</Alert> : null}
            {editable ? (
              <Button type="submit" size="sm" loading={save.isPending}>
                Save settings
              </Button>
            ) : (
              <p className="text-sm text-slate-600">This template is archived, so its settings cannot change.</p>
            )}
          </form>
        </CardContent>
      </section>
    </Card>
  );
}
