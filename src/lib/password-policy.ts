import { z } from "zod";

/** The staff password rule, shared by the forms and the services. */
export const ZNewPassword = z
  .string()
  .min(10, "Hasło musi mieć co najmniej 10 znaków.")
  .max(200, "Hasło może mieć najwyżej 200 znaków.")
  .regex(/\p{L}/u, "Hasło musi zawierać literę.")
  .regex(/\d/, "Hasło musi zawierać cyfrę.");
