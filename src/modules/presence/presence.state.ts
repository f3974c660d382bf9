/**
 * Presence rules, pure and client-safe (unit-tested): when one tab counts as away, how a person's
 * tabs add up, how long an absence lasts, and what one person's status is.
 *
 * - A tab is away after IDLE_MS without keyboard or pointer input, or when it has been hidden for
 *   HIDDEN_GRACE_MS (a quick look at another window does not make anyone "away").
 * - A person is away when every tab heard from in the last TAB_STALE_MS is away ("online if any tab
 *   is active"); tabs report on every change and every HEARTBEAT_MS, so a closed tab drops out.
 * - Someone absent today (a substitution covering today) is "on leave", whatever their tabs say.
 */

export const IDLE_MS = 10 * 60_000;
export const HIDDEN_GRACE_MS = 60_000;
export const HEARTBEAT_MS = 60_000;
export const TAB_STALE_MS = 3 * HEARTBEAT_MS;
/** How often a tab re-evaluates its own idleness. */
export const CHECK_MS = 15_000;

export type PresenceStatus = "online" | "away" | "leave" | "offline";

export interface TabActivity {
  /** Epoch ms of the last keyboard or pointer input (or of the tab's start). */
  lastInputAt: number;
  /** Epoch ms since the tab has been hidden, null while it is visible. */
  hiddenSince: number | null;
}

export function tabIsAway(tab: TabActivity, now: number): boolean {
  return now - tab.lastInputAt >= IDLE_MS || (tab.hiddenSince !== null && now - tab.hiddenSince >= HIDDEN_GRACE_MS);
}

export interface TabReport {
  away: boolean;
  /** Epoch ms of the tab's last report. */
  at: number;
}

export type TabReports = Record<string, TabReport>;

/** The tabs heard from recently (older reports belong to closed tabs or sleeping devices). */
export function freshTabs(tabs: TabReports, now: number): TabReports {
  return Object.fromEntries(Object.entries(tabs).filter(([, t]) => now - t.at < TAB_STALE_MS && t.at <= now + TAB_STALE_MS));
}

/** Away when at least one recent tab exists and all recent tabs are away. */
export function aggregateAway(tabs: TabReports, now: number): boolean {
  const fresh = Object.values(freshTabs(tabs, now));
  return fresh.length > 0 && fresh.every((t) => t.away);
}

/** Reads the stored JSON defensively (anything malformed counts as no tab). */
export function parseTabs(value: unknown): TabReports {
  if (!value || typeof value !== "object" || Array.isArray(value)) return {};
  const out: TabReports = {};
  for (const [id, t] of Object.entries(value as Record<string, unknown>)) {
    if (t && typeof t === "object" && typeof (t as TabReport).away === "boolean" && typeof (t as TabReport).at === "number") out[id] = { away: (t as TabReport).away, at: (t as TabReport).at };
  }
  return out;
}

export const MAX_TABS = 20;

/**
 * The person's tabs after one tab's report: stale ones dropped, at most MAX_TABS (the newest kept);
 * a tab being closed (`closed`) is dropped at once, so the person's other tabs decide.
 */
export function applyReport(tabs: TabReports, tabId: string, away: boolean, now: number, closed = false): TabReports {
  const next: TabReports = { ...freshTabs(tabs, now), [tabId]: { away, at: now } };
  if (closed) delete next[tabId];
  const entries = Object.entries(next).sort((a, b) => b[1].at - a[1].at);
  return Object.fromEntries(entries.slice(0, MAX_TABS));
}

/** Calendar-day arithmetic on `YYYY-MM-DD`. */
export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/**
 * The last day of the absence that covers `today` (inclusive), following absences that continue it
 * without a gap (e.g. leave, then a training the day after); null when nobody covers today.
 */
export function absentUntil(ranges: readonly { dateFrom: string; dateTo: string }[], today: string): string | null {
  let until: string | null = null;
  for (const r of ranges) if (r.dateFrom <= today && r.dateTo >= today && (!until || r.dateTo > until)) until = r.dateTo;
  if (!until) return null;
  for (let grown = true; grown; ) {
    grown = false;
    for (const r of ranges) {
      if (r.dateFrom <= addDays(until, 1) && r.dateTo > until) {
        until = r.dateTo;
        grown = true;
      }
    }
  }
  return until;
}

/** "Urlop wypoczynkowy" → on leave; any other reason (training, sick leave…) is shown only as "absent". */
export function isLeaveReason(reason: string | null | undefined): boolean {
  return /urlop/i.test(reason ?? "");
}

/** One person's status: an absence wins; otherwise connected and active, connected but away, or not connected. */
export function presenceStatus(p: { online: boolean; away: boolean; absent: boolean }): PresenceStatus {
  if (p.absent) return "leave";
  if (!p.online) return "offline";
  return p.away ? "away" : "online";
}
