import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = {
  "@": path.resolve(import.meta.dirname, "src"),
  "@emails": path.resolve(import.meta.dirname, "emails"),
  "@prisma-seed": path.resolve(import.meta.dirname, "prisma/seed"),
  "server-only": path.resolve(import.meta.dirname, "src/test/empty.ts"),
};

const env = { SCRYPT_LOG_N: "12", NODE_ENV: "test" as const, DATA_DIR: "./data/test" };

export default defineConfig({
  test: {
    projects: [
      { resolve: { alias }, test: { name: "unit", include: ["src/**/*.test.ts", "prisma/**/*.test.ts"], exclude: ["**/*.int.test.ts"], env } },
      {
        resolve: { alias },
        test: {
          name: "int",
          include: ["src/**/*.int.test.ts", "prisma/**/*.int.test.ts"],
          env,
          testTimeout: 60_000,
          hookTimeout: 120_000,
          pool: "forks",
          // Two workers even on two CPUs: much of an integration test is waiting for the PostgreSQL server.
          maxWorkers: 2,
        },
      },
    ],
  },
});
