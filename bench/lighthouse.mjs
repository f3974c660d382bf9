/**
 * Plain JavaScript on purpose: tsx would inject helpers into the functions Lighthouse runs in the page.
 *
 * Lighthouse scores of the public BIP pages, mobile profile (Lighthouse's default: a mid-range
 * phone, simulated slow 4G), driving Debian's Chromium.
 *
 *   npm run build && npm start            # the app, in another terminal (production build)
 *   npm run bench:lighthouse              # BENCH_BASE_URL=http://localhost:3000 by default
 *
 * Pages: the BIP home (/bip), an article (BENCH_LIGHTHOUSE_ARTICLE, default /bip/artykul/1), and
 * any extra paths in BENCH_LIGHTHOUSE_PATHS (comma-separated). Prints performance, accessibility,
 * best practices and SEO for each, the goals (≥ 90, 100, ≥ 95, 100) and the failed audits of any
 * category below its goal (with up to five offending elements each, outside performance), and the main metrics (FCP,
 * LCP, TBT, CLS, speed index, server response). Exits 1 when a goal is missed.
 */
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";

const BASE = (process.env.BENCH_BASE_URL ?? "http://localhost:3000").replace(/\/+$/, "");
const PATHS = ["/bip", process.env.BENCH_LIGHTHOUSE_ARTICLE ?? "/bip/artykul/1", ...(process.env.BENCH_LIGHTHOUSE_PATHS?.split(",").filter(Boolean) ?? [])];
const GOALS = { performance: 90, accessibility: 100, "best-practices": 95, seo: 100 };
/** The metrics printed under each page's scores (what the performance score is made of). */
const METRICS = ["first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift", "speed-index", "server-response-time"];

/** Up to five offending elements or resources of a failed audit (selector, snippet or URL). */
function failingNodes(audit) {
  const items = audit.details?.items ?? [];
  return items.slice(0, 5).map((item) => {
    const node = item.node ?? item.source ?? item;
    return String(node.selector ?? node.snippet ?? node.url ?? item.url ?? JSON.stringify(item)).slice(0, 160);
  });
}


async function main() {
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
  });
  let missed = 0;
  try {
    console.log(`Lighthouse (mobile profile) on ${BASE}`);
    for (const p of PATHS) {
      const result = await lighthouse(`${BASE}${p}`, { port: chrome.port, output: "json", logLevel: "error", onlyCategories: Object.keys(GOALS) });
      if (!result) throw new Error(`Lighthouse returned nothing for ${p}`);
      const lhr = result.lhr;
      if (lhr.runtimeError) throw new Error(`${p}: ${lhr.runtimeError.message}`);
      const scores = Object.keys(GOALS).map((id) => [id, Math.round((lhr.categories[id]?.score ?? 0) * 100)]);
      console.log(`${p.padEnd(30)} ${scores.map(([id, s]) => `${id} ${s}${s < GOALS[id] ? " (goal " + GOALS[id] + ")" : ""}`).join("   ")}`);
      console.log(`    ${METRICS.map((id) => `${lhr.audits[id]?.title ?? id} ${lhr.audits[id]?.displayValue ?? "—"}`).join(" · ")}`);
      for (const [id, score] of scores) {
        if (score >= GOALS[id]) continue;
        missed++;
        for (const ref of lhr.categories[id].auditRefs) {
          const audit = lhr.audits[ref.id];
          if (audit && audit.score !== null && audit.score < 1 && audit.scoreDisplayMode !== "informative" && audit.scoreDisplayMode !== "notApplicable") {
            console.log(`    ${id}: ${audit.title}${audit.displayValue ? ` — ${audit.displayValue}` : ""} (${Math.round(audit.score * 100)})`);
            if (id !== "performance") for (const node of failingNodes(audit)) console.log(`        ${node}`);
          }
        }
      }
    }
  } finally {
    chrome.kill();
  }
  if (missed > 0) process.exit(1);
}

void main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
