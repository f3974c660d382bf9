import type { NextConfig } from "next";
import { env } from "./src/env";

const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "SAMEORIGIN" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(self), microphone=(), geolocation=()" },
];

const config: NextConfig = {
  poweredByHeader: false,
  distDir: env.NEXT_DIST_DIR,
  experimental: { authInterrupts: true },
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "pdf-lib", "@pdf-lib/fontkit"],
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default config;
