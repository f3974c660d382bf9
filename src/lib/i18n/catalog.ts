/** All message namespaces, composed once. A module adds its `<m>.messages.ts` here. */
import * as audit from "@/modules/audit/audit.messages";
import * as jobs from "@/modules/jobs/jobs.messages";
import * as org from "@/modules/org/org.messages";
import * as substitutions from "@/modules/substitutions/substitutions.messages";
import * as users from "@/modules/users/users.messages";
import * as core from "./core.messages";

const pl = { ...core.pl, org: org.pl, users: users.pl, substitutions: substitutions.pl, audit: audit.pl, jobs: jobs.pl };

export type Messages = typeof pl;

const en: Messages = { ...core.en, org: org.en, users: users.en, substitutions: substitutions.en, audit: audit.en, jobs: jobs.en };

export const catalog = { pl, en } as const;
