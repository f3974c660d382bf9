import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  { ignores: [".next*/**", "bench/results/**", "node_modules/**", "data/**", "next-env.d.ts", "test-results/**", "playwright-report/**"] },
  {
    rules: {
      // Only src/env.ts reads the environment.
      "no-restricted-properties": ["error", { object: "process", property: "env", message: "Use env from @/env." }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["src/env.ts", "src/instrumentation.ts", "**/*.test.ts", "scripts/**", "playwright.config.ts", "vitest.config.mts", "bench/**", "e2e/**", "src/test/**"],
    rules: { "no-restricted-properties": "off" },
  },
];
export default config;
