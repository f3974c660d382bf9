import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/** Fails with each WCAG 2.1 A/AA violation axe finds on the page (`exclude`: a part checked apart, e.g. a sandboxed frame). */
export async function expectNoViolations(page: Page, what: string, options: { exclude?: string } = {}) {
  let builder = new AxeBuilder({ page }).withTags(WCAG_TAGS);
  if (options.exclude) builder = builder.exclude(options.exclude);
  const results = await builder.analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join("; ")})`), what).toEqual([]);
}
