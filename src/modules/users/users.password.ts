/** Passwords generated for a new account or a reset: readable, random, and within the password policy. */
import { randomInt } from "node:crypto";
import { ZNewPassword } from "@/lib/password-policy";

// No look-alikes (0/O, 1/l/I) so the password can be read out or copied from paper.
const LETTERS = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ";
const DIGITS = "23456789";
const ALL = LETTERS + DIGITS;

/** Three groups of four characters joined by hyphens, e.g. `k7Pq-Wm3a-Xr9T` (≈ 70 bits). */
export function generatePassword(): string {
  for (;;) {
    const chars = Array.from({ length: 12 }, () => ALL[randomInt(ALL.length)]!);
    const password = [chars.slice(0, 4), chars.slice(4, 8), chars.slice(8)].map((g) => g.join("")).join("-");
    if (ZNewPassword.safeParse(password).success) return password;
  }
}
