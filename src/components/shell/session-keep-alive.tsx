"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

const REFRESH_MS = 10 * 60_000;

/**
 * Keeps an active user's session alive (the idle expiry counts from the last activity, not from
 * sign-in) and sends a user whose session has ended to the sign-in page with a message.
 */
export function SessionKeepAlive() {
  const router = useRouter();
  useEffect(() => {
    let last = Date.now();
    const refresh = async () => {
      last = Date.now();
      const res = await fetch("/api/auth/session", { cache: "no-store" }).catch(() => null);
      if (!res?.ok) return;
      const session = (await res.json().catch(() => null)) as { user?: unknown } | null;
      if (!session?.user) router.push(`/logowanie?wygasla=1&callbackUrl=${encodeURIComponent(window.location.pathname)}`);
    };
    const onActivity = () => {
      if (Date.now() - last > REFRESH_MS) void refresh();
    };
    const events = ["pointerdown", "keydown", "visibilitychange"] as const;
    events.forEach((e) => window.addEventListener(e, onActivity, { passive: true }));
    return () => events.forEach((e) => window.removeEventListener(e, onActivity));
  }, [router]);
  return null;
}
