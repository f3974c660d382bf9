/**
 * The one place that reads process.env. Every setting is validated here; the rest of the code
 * imports `env`. Each external service has an embedded default (see README, "Konfiguracja").
 */
import { z } from "zod";

const optionalUrl = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .pipe(z.string().url().optional())
  .optional();

const schema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  /** PostgreSQL server; without it the app runs on embedded PGlite in DATA_DIR/pglite. */
  DATABASE_URL: optionalUrl,
  /** Where the embedded defaults keep their data (PGlite, files, generated secrets). */
  DATA_DIR: z.string().default("./data"),
  /** Build output folder (lets several builds of one checkout coexist; default .next). */
  NEXT_DIST_DIR: z.string().default(".next"),
  /** Set by CI (.ci/run): `next build` skips its type check there, since `npm test` ran tsc first. */
  CI: z.string().optional().transform((v) => v === "true" || v === "1"),
  /** Public address of the app (links in e-mails, sign-in callbacks). */
  APP_URL: z.string().url().default("http://localhost:3000"),
  /** Secret for session tokens; generated into DATA_DIR/auth-secret when absent. */
  AUTH_SECRET: z.string().min(32).optional(),
  /** Hours after which an idle staff session expires. */
  SESSION_IDLE_HOURS: z.coerce.number().positive().max(24 * 7).default(8),
  /** Hours after which any staff session expires, active or not. */
  SESSION_MAX_HOURS: z.coerce.number().positive().max(24 * 30).default(12),
  /** Failed sign-ins in a row that lock an account, and for how long. */
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(3).max(20).default(5),
  LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
  /** scrypt cost (N = 2^SCRYPT_LOG_N). 15 ≈ 60–100 ms per hash here. */
  SCRYPT_LOG_N: z.coerce.number().int().min(10).max(20).default(15),
  /** Seed the demo office into an empty database at start-up. */
  SEED_DEMO: z
    .enum(["true", "false"])
    .default("true")
    .transform((v) => v === "true"),
  /** Largest file accepted on upload (scans, attachments), in megabytes. */
  MAX_UPLOAD_MB: z.coerce.number().int().min(1).max(1024).default(50),
  /**
   * S3-compatible file storage (AWS S3, MinIO, Ceph …). Without S3_BUCKET files are kept in
   * DATA_DIR/files, content-addressed by SHA-256.
   */
  S3_ENDPOINT: optionalUrl,
  S3_BUCKET: z.string().trim().min(1).optional(),
  S3_REGION: z.string().trim().default("us-east-1"),
  S3_ACCESS_KEY_ID: z.string().trim().optional(),
  S3_SECRET_ACCESS_KEY: z.string().trim().optional(),
  /** Path-style URLs (http://host/bucket/key), needed by MinIO and most self-hosted servers. */
  S3_FORCE_PATH_STYLE: z
    .enum(["true", "false"])
    .default("true")
    .transform((v) => v === "true"),
  /**
   * E-mail. RESEND_API_KEY sends through Resend; otherwise SMTP_URL (smtp[s]://user:pass@host:port)
   * through an SMTP server; otherwise messages stay in the local outbox (/admin/poczta).
   */
  RESEND_API_KEY: z.string().trim().min(1).optional(),
  /** Resend API address (tests point it at a local fake; default https://api.resend.com). */
  RESEND_BASE_URL: optionalUrl,
  SMTP_URL: z.string().trim().min(1).optional(),
  /** Sender of every e-mail, e.g. "Urząd Miasta <powiadomienia@um.example.pl>". */
  MAIL_FROM: z.string().trim().min(3).default("Obieg <powiadomienia@localhost>"),
  /**
   * Realtime. With PUSHER_APP_ID/KEY/SECRET set the app talks to Pusher (PUSHER_CLUSTER) or to any
   * Pusher-protocol server (PUSHER_HOST/PUSHER_PORT, e.g. soketi). Without them it runs an embedded
   * Pusher-protocol server on REALTIME_PORT, with credentials derived from the auth secret.
   */
  PUSHER_APP_ID: z.string().trim().min(1).optional(),
  PUSHER_KEY: z.string().trim().min(1).optional(),
  PUSHER_SECRET: z.string().trim().min(1).optional(),
  PUSHER_CLUSTER: z.string().trim().default("eu"),
  PUSHER_HOST: z.string().trim().min(1).optional(),
  PUSHER_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  PUSHER_USE_TLS: z
    .enum(["true", "false"])
    .default("true")
    .transform((v) => v === "true"),
  /** Where browsers reach the realtime server when it differs from PUSHER_HOST (reverse proxy). */
  PUSHER_PUBLIC_HOST: z.string().trim().min(1).optional(),
  PUSHER_PUBLIC_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  /** Port of the embedded Pusher-protocol server (0 = any free port; "off" is REALTIME_EMBEDDED=false). */
  REALTIME_PORT: z.coerce.number().int().min(0).max(65535).default(6001),
  REALTIME_EMBEDDED: z
    .enum(["true", "false"])
    .default("true")
    .transform((v) => v === "true"),
  /**
   * Master key of the local certification authority (base64 of 32 random bytes): encrypts the CA
   * and seal private keys stored in the database. Without it a key is generated once into
   * DATA_DIR/pki-master-key (outside the database). Back it up: without it the CA keys are lost.
   */
  PKI_MASTER_KEY: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9+/]{43}=$/, "PKI_MASTER_KEY: base64 of 32 bytes (openssl rand -base64 32)")
    .optional(),
  /**
   * Search. With MEILI_HOST (and MEILI_API_KEY) the app indexes into Meilisearch; otherwise into the
   * embedded engine on the application's database (PostgreSQL full-text search).
   */
  MEILI_HOST: optionalUrl,
  MEILI_API_KEY: z.string().trim().min(1).optional(),
  MEILI_INDEX: z.string().trim().regex(/^[A-Za-z0-9_-]+$/).default("obieg"),
  /** Run the outbox worker inside the web process. */
  OUTBOX_WORKER: z
    .enum(["true", "false"])
    .default("true")
    .transform((v) => v === "true"),
});

export type Env = z.infer<typeof schema>;

function parseEnv(): Env {
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment configuration:\n${lines.join("\n")}`);
  }
  return parsed.data;
}

export const env = parseEnv();
