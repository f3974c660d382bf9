import { z } from "zod";
import { ZNewPassword } from "@/lib/password-policy";

export const ZChangePasswordInput = z
  .object({
    currentPassword: z.string().min(1, "Podaj obecne hasło.").max(200),
    newPassword: ZNewPassword,
    repeatPassword: z.string(),
  })
  .refine((v) => v.newPassword === v.repeatPassword, { message: "Hasła nie są takie same.", path: ["repeatPassword"] })
  .refine((v) => v.newPassword !== v.currentPassword, { message: "Nowe hasło musi różnić się od obecnego.", path: ["newPassword"] });
export type ChangePasswordInput = z.infer<typeof ZChangePasswordInput>;

export const ZUpdateProfileInput = z.object({
  phone: z
    .string()
    .trim()
    .max(40)
    .regex(/^[0-9 +()-]*$/, "Numer telefonu może zawierać tylko cyfry, spacje i znaki + ( ) -.")
    .transform((v) => (v === "" ? null : v)),
  locale: z.enum(["pl", "en"]),
});
export type UpdateProfileInput = z.infer<typeof ZUpdateProfileInput>;

export const ZProfile = z.object({
  id: z.string(),
  email: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  phone: z.string().nullable(),
  locale: z.enum(["pl", "en"]),
  roles: z.array(z.string()),
  departmentName: z.string().nullable(),
  departmentSymbol: z.string().nullable(),
  positionName: z.string().nullable(),
  locationName: z.string().nullable(),
  supervisorName: z.string().nullable(),
  lastLoginAt: z.date().nullable(),
  passwordChangedAt: z.date(),
});
export type Profile = z.infer<typeof ZProfile>;
