"use client";

import { PresenceStatus } from "@/modules/presence/components/presence-status";

/**
 * A person's presence in the Komunikator: available, away, on leave / absent until …, or offline —
 * a dot of its own shape with the status in words (for screen readers, or in full with `label`),
 * and the person's office when given.
 */
export function PresenceDot({ userId, label = false, office }: { userId: string; label?: boolean; office?: string | null }) {
  return <PresenceStatus userId={userId} label={label} office={office} />;
}
