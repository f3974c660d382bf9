/**
 * End-to-end tests in Debian's Chromium against a production build, at 1280 px and at 360 px.
 * The server runs on a fresh embedded database (DATA_DIR=./data/e2e, seeded with the demo office),
 * or on a fresh PostgreSQL database when E2E_DATABASE_URL is set (CI does).
 */
import { defineConfig } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const BASE_URL = `http://localhost:${PORT}`;
/** Several checkouts or builds can run e2e side by side with their own E2E_PORT, E2E_DATA_DIR and NEXT_DIST_DIR. */
const DATA_DIR = process.env.E2E_DATA_DIR ?? "./data/e2e";
/** With E2E_DATABASE_URL the server runs on that PostgreSQL database (dropped and created for the run); else on PGlite in DATA_DIR. */
const DATABASE_URL = process.env.E2E_DATABASE_URL;
const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: BASE_URL,
    locale: "pl-PL",
    timezoneId: "Europe/Warsaw",
    // Tracing records every action with screenshots: on CI's two CPUs that slows every test, and a
    // failure there is read from the log and its error context (the page's accessibility snapshot).
    trace: process.env.CI ? "off" : "retain-on-failure",
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: CHROMIUM_ARGS },
  },
  projects: [
    // The main journey runs first, alone, on the fresh database: it checks the very first numbers
    // of the year (RPW/1/…, GK.6220.1.…). Its clerk part runs at 360 px inside the test.
    { name: "journey", testMatch: /journey\.spec\.ts$/, use: { viewport: { width: 1280, height: 800 } } },
    { name: "desktop", testIgnore: /journey\.spec\.ts$/, dependencies: ["journey"], use: { viewport: { width: 1280, height: 800 } } },
    { name: "mobile", testIgnore: /journey\.spec\.ts$/, dependencies: ["journey"], use: { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true } },
  ],
  webServer: {
    command: `rm -rf ${DATA_DIR} && ${DATABASE_URL ? "node scripts/e2e-reset-db.mjs && " : ""}npx next build && npx next start -p ${PORT}`,
    url: `${BASE_URL}/logowanie`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: "pipe",
    // The embedded realtime (Pusher-protocol) server listens next to the app.
    env: { DATA_DIR, REALTIME_PORT: String(PORT + 1), APP_URL: BASE_URL, NEXTAUTH_URL: BASE_URL, SEED_DEMO: "true", ...(DATABASE_URL ? { DATABASE_URL } : {}) },
  },
});
