"use client";

import { createContext, useContext } from "react";

const SelfContext = createContext<string | null>(null);

/** The signed-in person's id for Komunikator components (to leave oneself out of people pickers). */
export function SelfProvider({ id, children }: { id: string; children: React.ReactNode }) {
  return <SelfContext.Provider value={id}>{children}</SelfContext.Provider>;
}

export function useSelfId(): string | null {
  return useContext(SelfContext);
}
