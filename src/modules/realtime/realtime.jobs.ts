/**
 * Live signals after commit. Database triggers (migration notifications_mail) enqueue one
 * `realtime.changed` job per changed letter or case per transaction, with the access lists it had
 * before the transaction; this job reads the lists it has now and signals both sets of channels,
 * so whoever gained or lost the record refreshes.
 */
import { z } from "zod";
import { publishRealtime } from "@/server/integrations/realtime";
import { defineJob, enqueue } from "@/server/jobs/outbox";
import type { Db, Tx } from "@/server/db";
import { CHANNEL, TOPICS, type ChangedSignal, type Topic } from "./realtime.channels";

const ZChanged = z.object({
  kind: z.enum(["document", "case"]),
  id: z.string(),
  formerUserIds: z.array(z.string()).default([]),
  formerDepartmentIds: z.array(z.string()).default([]),
});

export async function changedChannels(db: Db, payload: z.infer<typeof ZChanged>): Promise<string[]> {
  const users = new Set(payload.formerUserIds);
  const departments = new Set(payload.formerDepartmentIds);
  let confidential = false;
  if (payload.kind === "document") {
    const doc = await db.document.findUnique({ where: { id: payload.id }, select: { accessUserIds: true, accessDepartmentIds: true, confidential: true } });
    doc?.accessUserIds.forEach((u) => users.add(u));
    doc?.accessDepartmentIds.forEach((d) => departments.add(d));
    confidential = doc?.confidential ?? false;
  } else {
    const found = await db.case.findUnique({
      where: { id: payload.id },
      select: { responsibleId: true, createdById: true, departmentId: true, confidential: true, access: { select: { userId: true } } },
    });
    if (found) {
      [found.responsibleId, found.createdById, ...found.access.map((a) => a.userId)].forEach((u) => users.add(u));
      departments.add(found.departmentId);
      confidential = found.confidential;
    }
  }
  // A confidential record is signalled only to the people on it, never to whole departments.
  return [...[...users].map(CHANNEL.user), ...(confidential ? [] : [...[...departments].map(CHANNEL.department), CHANNEL.registry])];
}

const SIGNAL_ATTEMPTS = 3;

/**
 * A late signal is worth little (pages load fresh data anyway): retry briefly, then let it go
 * instead of parking it among the jobs an administrator must look at.
 */
async function publishSignal(channels: string[], signal: ChangedSignal, attempt: number): Promise<void> {
  if (channels.length === 0) return;
  try {
    await publishRealtime([{ channels, name: "changed", data: signal }]);
  } catch (error) {
    if (attempt < SIGNAL_ATTEMPTS) throw error;
    console.warn(`[realtime] signal dropped after ${SIGNAL_ATTEMPTS} attempts`, error);
  }
}

export const realtimeChangedJob = defineJob({
  type: "realtime.changed",
  payload: ZChanged,
  maxAttempts: SIGNAL_ATTEMPTS,
  async run(payload, { db, attempt }) {
    const channels = await changedChannels(db, payload);
    await publishSignal(channels, { topics: [payload.kind === "document" ? "documents" : "cases"], id: payload.id }, attempt);
  },
});

const ZSignal = z.object({ channels: z.array(z.string()).min(1), topics: z.array(z.enum(TOPICS)).min(1), id: z.string().optional() });

export const realtimeSignalJob = defineJob({
  type: "realtime.signal",
  payload: ZSignal,
  maxAttempts: SIGNAL_ATTEMPTS,
  async run(payload, { attempt }) {
    await publishSignal(payload.channels, { topics: payload.topics, ...(payload.id && { id: payload.id }) }, attempt);
  },
});

/** Signals the given people's open tabs after the transaction commits (e.g. their notifications changed). */
export async function signalUsers(tx: Pick<Tx, "outboxJob">, userIds: string[], topics: Topic[]): Promise<void> {
  const channels = [...new Set(userIds)].map(CHANNEL.user);
  if (channels.length > 0) await enqueue(tx, realtimeSignalJob, { channels, topics });
}
