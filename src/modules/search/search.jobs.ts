/**
 * "search.index": enqueued by database triggers (migration 20261125090000_search) once per changed
 * record per transaction; brings that record's index entry up to date after commit. An engine that
 * is down makes the job throw: the outbox retries with backoff (12 attempts, up to an hour apart).
 */
import { z } from "zod";
import { defineJob } from "@/server/jobs/outbox";
import { SEARCH_TYPES } from "@/server/integrations/search/types";
import { indexEntity, reindexAll, SEARCH_JOB_TYPE, SEARCH_REINDEX_JOB_TYPE } from "./search.service";

export const searchIndexJob = defineJob({
  type: SEARCH_JOB_TYPE,
  payload: z.object({ type: z.enum(SEARCH_TYPES), id: z.string().min(1).max(64) }),
  maxAttempts: 12,
  async run(payload, { db }) {
    await indexEntity(db, payload);
  },
});

/**
 * "search.reindex": a full rebuild requested from /admin/wyszukiwarka (or at start-up when the
 * index is empty). It runs in the outbox worker, so the request that asked for it returns at once.
 */
export const searchReindexJob = defineJob({
  type: SEARCH_REINDEX_JOB_TYPE,
  payload: z.object({ reason: z.enum(["admin", "startup"]) }),
  maxAttempts: 3,
  async run(_payload, { db }) {
    await reindexAll(db);
  },
});
