#!/usr/bin/env node
// `npm start`: builds the app on first run (or when the sources are newer than the build), then
// serves it. The server migrates the database and seeds the demo office itself at start-up.
import { spawnSync, spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";

const port = process.env.PORT ?? "3000";
process.env.APP_URL ??= `http://localhost:${port}`;
process.env.NEXTAUTH_URL ??= process.env.APP_URL;

const head = spawnSync("git", ["rev-parse", "HEAD"], { encoding: "utf8" }).stdout?.trim() ?? "";
const builtFrom = existsSync(".next/obieg-build") ? readFileSync(".next/obieg-build", "utf8").trim() : null;
if (!existsSync(".next/BUILD_ID") || (head && builtFrom !== null && builtFrom !== head)) {
  console.log("Obieg: budowanie aplikacji (pierwsze uruchomienie)…");
  const build = spawnSync("npx", ["next", "build"], { stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
  if (head) spawnSync("sh", ["-c", `echo ${head} > .next/obieg-build`]);
}

console.log(`Obieg: uruchamianie na ${process.env.APP_URL}`);
const server = spawn("npx", ["next", "start", "-p", port], { stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
