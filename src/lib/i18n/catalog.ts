/** All message namespaces, composed once. A module adds its `<m>.messages.ts` here. */
import * as audit from "@/modules/audit/audit.messages";
import * as contacts from "@/modules/contacts/contacts.messages";
import * as letters from "@/modules/letters/letters.messages";
import * as outgoing from "@/modules/outgoing/outgoing.messages";
import * as cases from "@/modules/cases/cases.messages";
import * as files from "@/modules/files/files.messages";
import * as jobs from "@/modules/jobs/jobs.messages";
import * as org from "@/modules/org/org.messages";
import * as substitutions from "@/modules/substitutions/substitutions.messages";
import * as users from "@/modules/users/users.messages";
import * as mail from "@/modules/mail/mail.messages";
import * as notifications from "@/modules/notifications/notifications.messages";
import * as passwordReset from "@/modules/password-reset/password-reset.messages";
import * as signatures from "@/modules/signatures/signatures.messages";
import * as bip from "@/modules/bip/bip.messages";
import * as bipEditor from "@/modules/bip/bip.editor.messages";
import * as esp from "@/modules/esp/esp.messages";
import * as search from "@/modules/search/search.messages";
import * as chat from "@/modules/chat/chat.messages";
import * as tasks from "@/modules/tasks/tasks.messages";
import * as presence from "@/modules/presence/presence.messages";
import * as core from "./core.messages";

const pl = { ...core.pl, org: org.pl, users: users.pl, substitutions: substitutions.pl, audit: audit.pl, jobs: jobs.pl, contacts: contacts.pl, letters: letters.pl, outgoing: outgoing.pl, cases: cases.pl, files: files.pl, mail: mail.pl, notifications: notifications.pl, passwordReset: passwordReset.pl, signatures: signatures.pl, bip: bip.pl, bipEditor: bipEditor.pl, esp: esp.pl, tasks: tasks.pl, search: search.pl, chat: chat.pl, presence: presence.pl };

export type Messages = typeof pl;

const en: Messages = { ...core.en, org: org.en, users: users.en, substitutions: substitutions.en, audit: audit.en, jobs: jobs.en, contacts: contacts.en, letters: letters.en, outgoing: outgoing.en, cases: cases.en, files: files.en, mail: mail.en, notifications: notifications.en, passwordReset: passwordReset.en, signatures: signatures.en, bip: bip.en, bipEditor: bipEditor.en, esp: esp.en, tasks: tasks.en, search: search.en, chat: chat.en, presence: presence.en };

export const catalog = { pl, en } as const;
