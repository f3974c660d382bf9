-- The office has one headquarters: at most one active SIEDZIBA, also under concurrent edits
-- (the service checks first and explains; this index closes the race).
CREATE UNIQUE INDEX "Location_one_active_siedziba" ON "Location" ("kind") WHERE "kind" = 'SIEDZIBA' AND "active";
