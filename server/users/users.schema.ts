import { z } from "zod";
import { text } from "../validation/text";

export const updateProfileInput = z.object({
  name: text().trim().min(1, "Enter your name").max(100, "Keep the name under 100 characters"),
});

/** The skills a candidate lists on their profile; server/users/skills.ts drops repeats and extra spaces. */
export const updateSkillsInput = z.object({
  skills: z
    .array(text().trim().min(1, "A skill needs at least one character.").max(40, "Keep each skill under 40 characters."))
    .max(30, "Add at most 30 skills."),
});

export const organizationChoice = z.discriminatedUnion("mode", [
  z.object({
    mode: z.literal("create"),
    name: text().trim().min(2, "The organization's name needs at least 2 characters").max(100, "Keep the name under 100 characters"),
  }),
  z.object({
    mode: z.literal("join"),
    joinCode: text().trim().min(6, "Enter the join code a colleague shared with you").max(64, "That join code is too long"),
  }),
]);

export const selectRoleInput = z.discriminatedUnion("role", [
  z.object({ role: z.literal("CANDIDATE") }),
  z.object({ role: z.literal("HR"), organization: organizationChoice }),
]);

export const adminListUsersInput = z.object({
  query: text().trim().max(200).optional(),
  status: z.enum(["ACTIVE", "SUSPENDED"]).optional(),
  role: z.enum(["ADMIN", "HR", "CANDIDATE"]).optional(),
  cursor: text().optional(),
  take: z.number().int().min(1).max(100).default(50),
});

export const adminUserIdInput = z.object({ userId: text().min(1) });

export const adminSetRoleInput = z.object({
  userId: text().min(1),
  role: z.enum(["ADMIN", "HR", "CANDIDATE"]),
});

export type UpdateSkillsInput = z.infer<typeof updateSkillsInput>;
export type SelectRoleInput = z.infer<typeof selectRoleInput>;
export type AdminListUsersInput = z.infer<typeof adminListUsersInput>;

export const AVATAR_MAX_BYTES = 512 * 1024;
export const AVATAR_TYPES = ["image/png", "image/jpeg", "image/webp"] as const;

// Base64 grows 4/3; the exact decoded size and the file's signature are checked by the handler.
export const uploadAvatarInput = z.object({
  contentType: z.enum(AVATAR_TYPES, { message: "Use a PNG, JPEG or WebP image" }),
  dataBase64: text()
    .min(8, "Choose an image")
    .max(Math.ceil((AVATAR_MAX_BYTES * 4) / 3) + 4, "The image is larger than 512 KB")
    .regex(/^[A-Za-z0-9+/]+={0,2}$/, "The image data is not valid base64"),
});

export type UploadAvatarInput = z.infer<typeof uploadAvatarInput>;
