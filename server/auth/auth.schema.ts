import { z } from "zod";

export const signInInput = z.object({
  email: z.email({ message: "Enter a valid email address" }).trim().toLowerCase(),
});
