// Drops and creates the database named in E2E_DATABASE_URL (on the same server), so that the
// end-to-end run starts from an empty PostgreSQL database; the app migrates and seeds it.
import pg from "pg";

const url = new URL(process.env.E2E_DATABASE_URL ?? "");
const name = decodeURIComponent(url.pathname.slice(1));
if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`E2E_DATABASE_URL must name a database [a-z0-9_]: ${name}`);
url.pathname = "/postgres";
const client = new pg.Client({ connectionString: url.toString() });
await client.connect();
await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
await client.query(`CREATE DATABASE "${name}"`);
await client.end();
console.log(`e2e: fresh database ${name}`);
