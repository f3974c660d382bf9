import type { ReactNode } from "react";
import { PresenceDot } from "./presence-dot";

/** A colleague found by name: who they are, their presence and office. */
export interface Person {
  id: string;
  name: string;
  detail: string;
  office: string | null;
}

/** One person in a people picker (new conversation, adding members), with its action button. */
export function PersonRow({ person, children }: { person: Person; children: ReactNode }) {
  return (
    <li className="flex flex-wrap items-center justify-between gap-2 p-2">
      <span className="min-w-0 text-sm">
        <span className="font-semibold">{person.name}</span>
        {person.detail && <span className="block text-xs text-slate-700">{person.detail}</span>}
        <span className="block">
          <PresenceDot userId={person.id} label office={person.office} />
        </span>
      </span>
      {children}
    </li>
  );
}
