/**
 * The cached public BIP pages (src/app/(public)/bip/(publikacja): articles, change registers,
 * published versions) are dropped after every change an editor makes that a reader can see —
 * publication, withdrawal, the menu, the settings — and render again on their next visit.
 * Called by the BIP router after the service has committed; the services stay free of Next.js.
 */
import "server-only";
import { revalidatePath } from "next/cache";

/** Every page under /bip that Next keeps rendered (the layout of the (public)/bip route tree). */
export function revalidatePublicBip(): void {
  revalidatePath("/(public)/bip", "layout");
}

/** Awaits a change visible on the public BIP, then drops the cached pages; returns its result. */
export async function thenRevalidatePublicBip<T>(change: Promise<T>): Promise<T> {
  const result = await change;
  revalidatePublicBip();
  return result;
}
