/**
 * Bulk data for the kancelaria benchmark: contacts, letters (incoming, outgoing, internal) with
 * their dekretacja, and cases, generated inside PostgreSQL with generate_series (a million rows
 * in a few minutes). Deterministic for a given year: row i always gets the same values; letters
 * and cases of past years are finished, this year's are partly waiting or in progress. Registers and spis spraw
 * counters are set past the generated numbers, so registrations during the benchmark continue them.
 */
import type { Client } from "pg";

export interface BulkSizes {
  letters: number;
  cases: number;
  contacts: number;
}

const SUBJECTS = [
  "Wniosek o wydanie decyzji o środowiskowych uwarunkowaniach",
  "Wniosek o udostępnienie informacji publicznej",
  "Skarga na działalność wydziału",
  "Wniosek o wycinkę drzew",
  "Zawiadomienie o zajęciu pasa drogowego",
  "Wniosek o wydanie zaświadczenia o niezaleganiu w podatkach",
  "Odwołanie od decyzji",
  "Petycja mieszkańców osiedla Żółkiewskiego",
  "Wniosek o przydział lokalu komunalnego",
  "Faktura za dostawę energii",
  "Zapytanie ofertowe na remont świetlicy",
  "Wniosek o dofinansowanie wymiany pieca",
  "Uzgodnienie projektu organizacji ruchu",
  "Wezwanie do uzupełnienia braków formalnych",
  "Informacja o wynikach kontroli",
  "Wniosek o zmianę miejscowego planu",
  "Zgłoszenie awarii oświetlenia ulicznego",
  "Wniosek o zwrot podatku akcyzowego",
  "Zaproszenie na posiedzenie komisji",
  "Deklaracja o wysokości opłaty za odpady",
];

/** SQL that folds Polish letters like src/lib/polish.ts foldText (lower case, no diacritics). */
const fold = (expr: string) => `translate(lower(${expr}), 'ąćęłńóśźż', 'acelnoszz')`;

export async function generateBulkData(pg: Client, sizes: BulkSizes, log: (line: string) => void): Promise<void> {
  const { rows: staff } = await pg.query<{ user_id: string; department_id: string; symbol: string }>(
    `SELECT u.id AS user_id, d.id AS department_id, d.symbol FROM "User" u JOIN "Department" d ON d.id = u."departmentId" WHERE u.active ORDER BY u.email`,
  );
  const { rows: leaves } = await pg.query<{ id: string; symbol: string }>(`SELECT id, symbol FROM "JrwaClass" WHERE "isLeaf" AND active ORDER BY symbol`);
  const { rows: registry } = await pg.query<{ id: string }>(`SELECT id FROM "User" WHERE 'KANCELARIA' = ANY(roles) ORDER BY email LIMIT 1`);
  if (staff.length === 0 || leaves.length === 0 || registry.length === 0) throw new Error("Seed the demo office and the JRWA first");

  await pg.query(`CREATE TEMP TABLE bench_staff (n int PRIMARY KEY, user_id text, department_id text, symbol text)`);
  for (const [i, s] of staff.entries()) await pg.query(`INSERT INTO bench_staff VALUES ($1, $2, $3, $4)`, [i, s.user_id, s.department_id, s.symbol]);
  await pg.query(`CREATE TEMP TABLE bench_jrwa (n int PRIMARY KEY, id text, symbol text)`);
  for (const [i, j] of leaves.entries()) await pg.query(`INSERT INTO bench_jrwa VALUES ($1, $2, $3)`, [i, j.id, j.symbol]);
  await pg.query(`CREATE TEMP TABLE bench_subject (n int PRIMARY KEY, subject text)`);
  for (const [i, s] of SUBJECTS.entries()) await pg.query(`INSERT INTO bench_subject VALUES ($1, $2)`, [i, s]);
  const nStaff = staff.length;
  const nJrwa = leaves.length;
  const nSubjects = SUBJECTS.length;
  // Letters and cases of past years are finished; only this year's are waiting or in progress.
  const thisYear = Number(new Intl.DateTimeFormat("en", { timeZone: "Europe/Warsaw", year: "numeric" }).format(new Date()));

  const step = async (label: string, sql: string, params: unknown[] = []) => {
    const started = Date.now();
    const result = await pg.query(sql, params);
    log(`  ${label}: ${result.rowCount ?? 0} rows in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  };

  // Search indexing (one outbox job per record) stays off too: `npm run search:reindex` indexes the lot.
  const SEARCH_TRIGGERS = ["Contact", "Case", "Document", "DocumentFile", "CaseParty", "CaseAccess"].map((t) => `"${t}" DISABLE TRIGGER "${t}_search"`);
  for (const t of SEARCH_TRIGGERS) await pg.query(`ALTER TABLE ${t}`);
  await step(
    "contacts",
    `INSERT INTO "Contact" (id, kind, name, "firstName", "lastName", email, "sortKey", "searchText", "updatedAt")
     SELECT 'bc' || i, CASE WHEN i % 5 = 0 THEN 'COMPANY' ELSE 'PERSON' END::"ContactKind",
            CASE WHEN i % 5 = 0 THEN 'Przedsiębiorstwo Usługowe nr ' || i ELSE 'Nowak-' || i || ' Jan' END,
            CASE WHEN i % 5 = 0 THEN NULL ELSE 'Jan' END, CASE WHEN i % 5 = 0 THEN NULL ELSE 'Nowak-' || i END,
            'osoba' || i || '@example.com', 'n' || lpad(i::text, 8, '0'), ${fold("'nowak ' || i || ' jan'")}, now()
     FROM generate_series(1, $1::int) AS i`,
    [sizes.contacts],
  );

  // A bulk load is not a million live changes: the live-signal triggers (one outbox job per changed
  // letter or case) stay off while the registers are generated.
  const LIVE_TRIGGERS = [`"Case" DISABLE TRIGGER "Case_live"`, `"Document" DISABLE TRIGGER "Document_live"`, `"DocumentAssignment" DISABLE TRIGGER "DocumentAssignment_live"`, `"ApprovalStep" DISABLE TRIGGER "ApprovalStep_live"`];
  for (const t of LIVE_TRIGGERS) await pg.query(`ALTER TABLE ${t}`);

  // Cases first (letters point at them). Number = position within (department, class, year).
  await step(
    "cases",
    `INSERT INTO "Case" (id, mark, "departmentId", "departmentSymbol", "jrwaClassId", year, number, title, status, "responsibleId",
                         "deadlineType", "startDate", "dueDate", "closedAt", "createdById", "createdAt", "updatedAt", "searchText")
     SELECT 'bk' || g.i, g.symbol || '.' || g.jrwa_symbol || '.' || g.number || '.' || g.year, g.department_id, g.symbol, g.jrwa_id, g.year, g.number,
            g.subject || ' (' || g.i || ')',
            (CASE WHEN g.year < ${thisYear} OR g.i % 20 < 12 THEN 'CLOSED' WHEN g.i % 20 < 18 THEN 'IN_PROGRESS' WHEN g.i % 20 = 18 THEN 'NEW' ELSE 'SUSPENDED' END)::"CaseStatus",
            g.user_id, 'KPA_1M'::"CaseDeadlineType", g.start, g.start + 30,
            CASE WHEN g.year < ${thisYear} OR g.i % 20 < 12 THEN g.start + 20 ELSE NULL END, g.user_id, g.start, g.start,
            ${fold("g.subject || ' ' || g.symbol || '.' || g.jrwa_symbol || '.' || g.number || '.' || g.year")}
     FROM (
       SELECT i, s.user_id, s.department_id, s.symbol, j.id AS jrwa_id, j.symbol AS jrwa_symbol, b.subject,
              2020 + i % 7 AS year, make_date(2020 + i % 7, 1 + (i * 7) % 12, 1 + (i * 13) % 28) AS start,
              row_number() OVER (PARTITION BY s.department_id, j.id, 2020 + i % 7 ORDER BY i)::int AS number
       FROM generate_series(1, $1::int) AS i
       JOIN bench_staff s ON s.n = (i * 7) % ${nStaff}
       JOIN bench_jrwa j ON j.n = i % ${nJrwa}
       JOIN bench_subject b ON b.n = i % ${nSubjects}
     ) g`,
    [sizes.cases],
  );

  await step(
    "letters",
    `INSERT INTO "Document" (id, kind, status, channel, "registerNo", "registerYear", "registerSeq", subject, "senderId", "senderReference",
                             "receivedAt", "departmentId", "assigneeId", "dueDate", "caseId", "createdById", "createdAt", "updatedAt", "searchText")
     SELECT 'bd' || g.i, g.kind::"DocumentKind", g.status::"DocumentStatus", g.channel::"DocumentChannel",
            CASE WHEN g.numbered THEN g.prefix || '/' || g.i || '/' || g.year END,
            CASE WHEN g.numbered THEN g.year END, CASE WHEN g.numbered THEN g.i END,
            g.subject, CASE WHEN g.kind = 'INCOMING' THEN 'bc' || (1 + g.i % $3::int) END,
            CASE WHEN g.kind = 'INCOMING' THEN 'ZN.' || (g.i % 997) || '.' || g.year END,
            CASE WHEN g.kind = 'INCOMING' THEN g.at END, g.department_id,
            CASE WHEN g.status = 'REGISTERED' THEN NULL ELSE g.user_id END,
            (g.at + interval '30 days')::date,
            CASE WHEN g.i % 5 < 2 THEN 'bk' || (1 + (g.i / 5) % $2::int) END,
            CASE WHEN g.kind = 'INCOMING' THEN $4 ELSE g.user_id END, g.at, g.at,
            ${fold("g.subject || ' ' || g.prefix || '/' || g.i || '/' || g.year")}
     FROM (
       SELECT i, s.user_id, s.department_id, b.subject || ' ' || i AS subject, 2020 + i % 7 AS year,
              make_timestamptz(2020 + i % 7, 1 + (i * 7) % 12, 1 + (i * 13) % 28, 7 + i % 9, i % 60, 0, 'Europe/Warsaw') AS at,
              CASE WHEN i % 10 < 7 THEN 'INCOMING' WHEN i % 10 < 9 THEN 'OUTGOING' ELSE 'INTERNAL' END AS kind,
              CASE WHEN i % 10 < 7 THEN 'RPW' WHEN i % 10 < 9 THEN 'PWY' ELSE 'WEW' END AS prefix,
              CASE WHEN i % 10 < 7 THEN (ARRAY['PAPER','PAPER','PAPER','EMAIL','ESP','EPUAP','E_DORECZENIA','COURIER'])[1 + i % 8]
                   WHEN i % 10 < 9 THEN (ARRAY['REGISTERED_MAIL','REGISTERED_MAIL','ORDINARY_MAIL','EMAIL','E_DORECZENIA'])[1 + i % 5]
                   ELSE 'INTERNAL' END AS channel,
              CASE WHEN i % 10 < 7 THEN (CASE WHEN 2020 + i % 7 < ${thisYear} THEN 'DONE' WHEN i % 20 = 0 THEN 'REGISTERED' WHEN i % 20 < 8 THEN 'IN_PROGRESS' ELSE 'DONE' END)
                   WHEN i % 10 < 9 THEN (CASE WHEN i % 40 = 7 THEN 'DRAFT' WHEN i % 40 = 17 THEN 'AWAITING_APPROVAL' WHEN i % 40 = 27 THEN 'APPROVED' ELSE 'DISPATCHED' END)
                   ELSE 'IN_PROGRESS' END AS status,
              NOT (i % 10 BETWEEN 7 AND 8 AND i % 40 IN (7, 17, 27)) AS numbered
       FROM generate_series(1, $1::int) AS i
       JOIN bench_staff s ON s.n = (i * 17) % ${nStaff}
       JOIN bench_subject b ON b.n = i % ${nSubjects}
     ) g`,
    [sizes.letters, sizes.cases, sizes.contacts, registry[0]!.id],
  );

  await step(
    "dekretacja of incoming letters",
    `INSERT INTO "DocumentAssignment" (id, "documentId", role, status, "departmentId", "userId", "assignedById", "createdAt", "updatedAt", "decidedAt")
     SELECT 'ba' || substr(d.id, 3), d.id, 'LEADING', (CASE d.status WHEN 'REGISTERED' THEN 'TO_DEPARTMENT' WHEN 'DONE' THEN 'DONE' ELSE 'ACCEPTED' END)::"AssignmentStatus",
            d."departmentId", d."assigneeId", $1, d."createdAt", d."createdAt", CASE WHEN d.status = 'REGISTERED' THEN NULL ELSE d."createdAt" END
     FROM "Document" d WHERE d.id LIKE 'bd%' AND d.kind = 'INCOMING'`,
    [registry[0]!.id],
  );

  await step(
    "register counters",
    `INSERT INTO "RegisterCounter" (register, year, last)
     SELECT CASE kind WHEN 'INCOMING' THEN 'RPW' WHEN 'OUTGOING' THEN 'OUTGOING' ELSE 'INTERNAL' END, "registerYear", max("registerSeq")
     FROM "Document" WHERE "registerSeq" IS NOT NULL GROUP BY 1, 2
     ON CONFLICT (register, year) DO UPDATE SET last = GREATEST("RegisterCounter".last, EXCLUDED.last)`,
  );
  await step(
    "spis spraw counters",
    `INSERT INTO "CaseCounter" ("departmentId", "jrwaClassId", year, last)
     SELECT "departmentId", "jrwaClassId", year, max(number) FROM "Case" GROUP BY 1, 2, 3
     ON CONFLICT ("departmentId", "jrwaClassId", year) DO UPDATE SET last = GREATEST("CaseCounter".last, EXCLUDED.last)`,
  );
  for (const t of LIVE_TRIGGERS) await pg.query(`ALTER TABLE ${t.replace("DISABLE", "ENABLE")}`);
  for (const t of SEARCH_TRIGGERS) await pg.query(`ALTER TABLE ${t.replace("DISABLE", "ENABLE")}`);
  await step("ANALYZE", `ANALYZE`);
}
