import { z } from "zod";
import { USER_ROLES } from "@/lib/auth/roles";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password-policy";
import { singleLineName } from "@/lib/single-line";
import { oneOf, requiredText, text } from "@/lib/validation";

export const userRoleSchema = oneOf(USER_ROLES);

/** One schema for the Settings form, its server action and `tandem user add`. */
export const newUserSchema = z.object({
  email: text()
    .trim()
    .toLowerCase()
    .pipe(z.email({ error: "must be an email address" })),
  name: singleLineName(100),
  role: userRoleSchema,
  password: text()
    .min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`)
    .max(128, "must be at most 128 characters"),
});
export type NewUser = z.infer<typeof newUserSchema>;

export const changeRoleSchema = z.object({
  userId: requiredText(100),
  role: userRoleSchema,
});

export const setActiveSchema = z.object({
  userId: requiredText(100),
  active: z.enum(["true", "false"]).transform((v) => v === "true"),
});
