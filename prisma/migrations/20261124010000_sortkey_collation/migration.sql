-- Sort keys (src/lib/polish.ts polishSortKey) encode the Polish alphabet in byte order: compare
-- them byte by byte whatever collation the database was created with (pl_PL, en_US, C …).
-- Prisma's schema language does not model column collations, so this lives here only.
ALTER TABLE "Location" ALTER COLUMN "sortKey" TYPE TEXT COLLATE "C";
ALTER TABLE "Department" ALTER COLUMN "sortKey" TYPE TEXT COLLATE "C";
ALTER TABLE "Position" ALTER COLUMN "sortKey" TYPE TEXT COLLATE "C";
ALTER TABLE "User" ALTER COLUMN "sortKey" TYPE TEXT COLLATE "C";
