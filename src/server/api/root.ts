import { auditRouter } from "@/modules/audit/audit.router";
import { contactsRouter } from "@/modules/contacts/contacts.router";
import { lettersRouter } from "@/modules/letters/letters.router";
import { outgoingRouter } from "@/modules/outgoing/outgoing.router";
import { casesRouter } from "@/modules/cases/cases.router";
import { filesRouter } from "@/modules/files/files.router";
import { documentsRouter } from "@/modules/documents/documents.router";
import { dashboardRouter } from "@/modules/dashboard/dashboard.router";
import { jobsRouter } from "@/modules/jobs/jobs.router";
import { mailRouter } from "@/modules/mail/mail.router";
import { orgRouter } from "@/modules/org/org.router";
import { profileRouter } from "@/modules/profile/profile.router";
import { substitutionsRouter } from "@/modules/substitutions/substitutions.router";
import { usersRouter } from "@/modules/users/users.router";
import { notificationsRouter } from "@/modules/notifications/notifications.router";
import { realtimeRouter } from "@/modules/realtime/realtime.router";
import { signaturesRouter } from "@/modules/signatures/signatures.router";
import { bipRouter } from "@/modules/bip/bip.router";
import { chatRouter } from "@/modules/chat/chat.router";
import { tasksRouter } from "@/modules/tasks/tasks.router";
import { searchRouter } from "@/modules/search/search.router";
import { presenceRouter } from "@/modules/presence/presence.router";
import { createCallerFactory, createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  dashboard: dashboardRouter,
  profile: profileRouter,
  org: orgRouter,
  users: usersRouter,
  substitutions: substitutionsRouter,
  audit: auditRouter,
  jobs: jobsRouter,
  mail: mailRouter,
  contacts: contactsRouter,
  letters: lettersRouter,
  outgoing: outgoingRouter,
  cases: casesRouter,
  files: filesRouter,
  documents: documentsRouter,
  notifications: notificationsRouter,
  realtime: realtimeRouter,
  signatures: signaturesRouter,
  bip: bipRouter,
  chat: chatRouter,
  tasks: tasksRouter,
  search: searchRouter,
  presence: presenceRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
