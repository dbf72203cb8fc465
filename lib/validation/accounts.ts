import { z } from "zod";

// Contracts of the account forms (sign-up, change password). Client-safe: forms reuse the limits.

export const PASSWORD_MIN = 10;
const ZNewPassword = z.string().min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters.`).max(1024, "Use at most 1024 characters.");

export const ZSignUp = z.object({
  email: z.email("Enter an email address.").max(320),
  name: z.string().trim().max(100).optional(),
  password: ZNewPassword,
});
export type TSignUp = z.infer<typeof ZSignUp>;

export const ZChangePassword = z.object({
  currentPassword: z.string().max(1024),
  newPassword: ZNewPassword,
});
export type TChangePassword = z.infer<typeof ZChangePassword>;
