"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type ChangeEvent } from "react";
import { Avatar, Field, Input, useToast } from "@/components/ui";
import { errorMessage, fieldErrors, useTRPC } from "@/components/trpc/client";
import { AVATAR_MAX_BYTES, AVATAR_TYPES, uploadAvatarInput } from "@/server/users/users.schema";

function toBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === "string" ? (reader.result.split(",")[1] ?? "") : "");
    reader.onerror = () => reject(reader.error ?? new Error("The file could not be read."));
    reader.readAsDataURL(file);
  });
}

export function AvatarForm({ name, image }: { name: string; image: string | null }) {
  const trpc = useTRPC();
  const router = useRouter();
  const { toast } = useToast();
  const [error, setError] = useState<string | undefined>();
  const upload = useMutation(
    trpc.users.uploadAvatar.mutationOptions({
      onSuccess: () => {
        toast({ title: "Avatar updated" });
        router.refresh();
      },
      onError: (e) => setError(fieldErrors(e).dataBase64 ?? fieldErrors(e).contentType ?? errorMessage(e)),
    }),
  );

  async function onChange(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    if (!file) return;
    if (file.size > AVATAR_MAX_BYTES) return setError("The image is larger than 512 KB");
    const parsed = uploadAvatarInput.safeParse({ contentType: file.type, dataBase64: await toBase64(file) });
    if (!parsed.success) return setError(parsed.error.issues[0]?.message);
    setError(undefined);
    upload.mutate(parsed.data);
  }

  return (
    <div className="flex flex-wrap items-center gap-4">
      <Avatar name={name} src={image} size={64} />
      <Field label="Upload a picture" description="PNG, JPEG or WebP, up to 512 KB." error={error} className="flex-1">
        {(props) => <Input {...props} type="file" accept={AVATAR_TYPES.join(",")} onChange={(e) => void onChange(e)} disabled={upload.isPending} />}
      </Field>
    </div>
  );
}
