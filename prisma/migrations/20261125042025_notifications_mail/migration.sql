-- CreateEnum
CREATE TYPE "NotificationDelivery" AS ENUM ('IN_APP', 'EMAIL', 'DIGEST', 'OFF');

-- CreateEnum
CREATE TYPE "EmailStatus" AS ENUM ('QUEUED', 'SENT', 'LOCAL', 'FAILED');

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "params" JSONB NOT NULL DEFAULT '{}',
    "link" TEXT,
    "delivery" "NotificationDelivery" NOT NULL,
    "dedupeKey" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" TIMESTAMPTZ(3),
    "digestedAt" TIMESTAMPTZ(3),

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NotificationPreference" (
    "userId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "delivery" "NotificationDelivery" NOT NULL,

    CONSTRAINT "NotificationPreference_pkey" PRIMARY KEY ("userId","type")
);

-- CreateTable
CREATE TABLE "EmailMessage" (
    "id" TEXT NOT NULL,
    "toAddress" TEXT NOT NULL,
    "toName" TEXT,
    "toUserId" TEXT,
    "subject" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "template" TEXT NOT NULL,
    "status" "EmailStatus" NOT NULL DEFAULT 'QUEUED',
    "transport" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "providerId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMPTZ(3),

    CONSTRAINT "EmailMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PasswordResetToken" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "usedAt" TIMESTAMPTZ(3),
    "requestedIp" TEXT,

    CONSTRAINT "PasswordResetToken_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Notification_userId_createdAt_idx" ON "Notification"("userId", "createdAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "Notification_userId_dedupeKey_key" ON "Notification"("userId", "dedupeKey");

-- CreateIndex
CREATE INDEX "EmailMessage_createdAt_idx" ON "EmailMessage"("createdAt" DESC);

-- CreateIndex
CREATE INDEX "EmailMessage_toUserId_createdAt_idx" ON "EmailMessage"("toUserId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "EmailMessage_status_createdAt_idx" ON "EmailMessage"("status", "createdAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "PasswordResetToken_tokenHash_key" ON "PasswordResetToken"("tokenHash");

-- CreateIndex
CREATE INDEX "PasswordResetToken_userId_createdAt_idx" ON "PasswordResetToken"("userId", "createdAt");

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NotificationPreference" ADD CONSTRAINT "NotificationPreference_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EmailMessage" ADD CONSTRAINT "EmailMessage_toUserId_fkey" FOREIGN KEY ("toUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PasswordResetToken" ADD CONSTRAINT "PasswordResetToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written (the schema language cannot say partial indexes):
-- the bell's unread count, and the daily digest's pending items.
CREATE INDEX "Notification_unread_idx" ON "Notification"("userId", "createdAt" DESC) WHERE "readAt" IS NULL;
CREATE INDEX "Notification_digest_pending_idx" ON "Notification"("userId", "createdAt") WHERE "delivery" = 'DIGEST' AND "digestedAt" IS NULL;

-- Wakes the outbox workers as soon as a transaction that enqueued jobs commits (NOTIFY is delivered
-- on commit only, so a worker never looks before the jobs are visible). Polling stays as the fallback.
CREATE FUNCTION obieg_outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('obieg_outbox', '');
  RETURN NULL;
END $$;
CREATE TRIGGER "OutboxJob_notify" AFTER INSERT ON "OutboxJob" FOR EACH STATEMENT EXECUTE FUNCTION obieg_outbox_notify();

-- Live signals: one outbox job per changed letter or case per transaction (the dedupe key holds the
-- transaction id), carrying the access lists from before the transaction; the job
-- (src/modules/realtime/realtime.jobs.ts) signals the channels of both the old and the new lists.
CREATE FUNCTION obieg_live_changed(kind text, entity_id text, former_users text[], former_departments text[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "OutboxJob" ("type", "payload", "dedupeKey", "maxAttempts")
  VALUES ('realtime.changed',
          jsonb_build_object('kind', kind, 'id', entity_id,
                             'formerUserIds', to_jsonb(COALESCE(former_users, '{}'::text[])),
                             'formerDepartmentIds', to_jsonb(COALESCE(former_departments, '{}'::text[]))),
          'live:' || kind || ':' || entity_id || ':' || txid_current()::text, 3)
  ON CONFLICT ("dedupeKey") DO NOTHING;
END $$;

CREATE FUNCTION obieg_live_document() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    PERFORM obieg_live_changed('document', NEW.id, OLD."accessUserIds", OLD."accessDepartmentIds");
  ELSE
    PERFORM obieg_live_changed('document', NEW.id, NULL, NULL);
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER "Document_live" AFTER INSERT OR UPDATE ON "Document" FOR EACH ROW EXECUTE FUNCTION obieg_live_document();

-- Dekretacja and approval steps change a letter's state without touching its row.
CREATE FUNCTION obieg_live_document_part() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM obieg_live_changed('document', CASE WHEN TG_OP = 'DELETE' THEN OLD."documentId" ELSE NEW."documentId" END, NULL, NULL);
  RETURN NULL;
END $$;
CREATE TRIGGER "DocumentAssignment_live" AFTER INSERT OR UPDATE OR DELETE ON "DocumentAssignment" FOR EACH ROW EXECUTE FUNCTION obieg_live_document_part();
CREATE TRIGGER "ApprovalStep_live" AFTER INSERT OR UPDATE OR DELETE ON "ApprovalStep" FOR EACH ROW EXECUTE FUNCTION obieg_live_document_part();

CREATE FUNCTION obieg_live_case() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    PERFORM obieg_live_changed('case', NEW.id, ARRAY[OLD."responsibleId"], ARRAY[OLD."departmentId"]);
  ELSE
    PERFORM obieg_live_changed('case', NEW.id, NULL, NULL);
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER "Case_live" AFTER INSERT OR UPDATE ON "Case" FOR EACH ROW EXECUTE FUNCTION obieg_live_case();
