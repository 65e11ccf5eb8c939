"use client";

import type { FieldErrors, UseFormRegister } from "react-hook-form";
import { Field, Input, Select } from "@/components/ui";
import { TIME_LIMIT_MIN } from "@/server/templates/settings.schema";
import type { InviteFormValues } from "./invite-form";

// "" follows the template; the schema leaves such keys out, so only what HR changed is stored.
const choice = (raw: unknown) => (raw === "" || raw == null ? undefined : raw === "true");
const minutes = (raw: unknown) => (typeof raw !== "string" || raw.trim() === "" ? undefined : Number(raw));

const CHOICES = [
  ["randomOrder", "Question order", "Random, drawn per candidate", "The template's order"],
  ["allowPause", "Pausing", "Allowed", "Not allowed"],
  ["showTimer", "Time left", "Shown", "Hidden"],
] as const;

/** The template's interview settings changed for this invite only; each left on "As the template" follows it. */
export function SettingsOverrideFields({
  register,
  errors,
  scope,
}: {
  register: UseFormRegister<InviteFormValues>;
  errors: FieldErrors<InviteFormValues>["settings"];
  scope: string;
}) {
  return (
    <details className="group rounded-md border border-slate-200 p-3" open={Boolean(errors)}>
      <summary className="cursor-pointer text-sm font-medium text-slate-900">Interview settings (optional)</summary>
      <div className="mt-3 space-y-3">
        <p className="text-sm text-slate-600">
          Change how the interview runs for {scope}; anything left as the template follows the template&apos;s settings. The candidate reads them on the consent
          screen.
        </p>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field
            label="Overall time limit (minutes)"
            description={`Empty: as the template; 0: no overall limit; or ${TIME_LIMIT_MIN.min} to ${TIME_LIMIT_MIN.max}`}
            error={errors?.timeLimitMin?.message}
          >
            {(props) => (
              <div className="w-28">
                <Input
                  {...props}
                  type="number"
                  inputMode="numeric"
                  min={0}
                  max={TIME_LIMIT_MIN.max}
                  {...register("settings.timeLimitMin", { setValueAs: minutes })}
                />
              </div>
            )}
          </Field>
          {CHOICES.map(([name, label, on, off]) => (
            <Field key={name} label={label} error={errors?.[name]?.message}>
              {(props) => (
                <Select {...props} {...register(`settings.${name}`, { setValueAs: choice })}>
                  <option value="">As the template</option>
                  <option value="true">{on}</option>
                  <option value="false">{off}</option>
                </Select>
              )}
            </Field>
          ))}
        </div>
      </div>
    </details>
  );
}
