-- Open cases by deadline ("Po terminie", "Zbliżający się termin", "Do mnie"): a partial index over
-- the statuses whose clock runs (src/modules/cases/cases.schemas.ts ACTIVE_CASE_STATUSES); the
-- schema language cannot state it.
CREATE INDEX "Case_open_dueDate_idx" ON "Case"("dueDate", "createdAt", "id") WHERE "status" IN ('NEW', 'IN_PROGRESS', 'REOPENED');
