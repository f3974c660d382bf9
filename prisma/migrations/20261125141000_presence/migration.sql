-- Presence (issue 8): "away" (every open tab idle or hidden) announced to the whole office; one row per person.

-- CreateTable
CREATE TABLE "PresenceState" (
    "userId" TEXT NOT NULL,
    "away" BOOLEAN NOT NULL DEFAULT false,
    "tabs" JSONB NOT NULL DEFAULT '{}',
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PresenceState_pkey" PRIMARY KEY ("userId")
);

-- AddForeignKey
ALTER TABLE "PresenceState" ADD CONSTRAINT "PresenceState_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
