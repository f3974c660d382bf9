import type { Metadata } from "next";
import { LetterPage, letterPageMetadata } from "@/modules/letters/components/letter-page";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  return letterPageMetadata((await params).id, "INTERNAL");
}

export default async function InternalLetterPage({ params }: { params: Promise<{ id: string }> }) {
  return <LetterPage id={(await params).id} kind="INTERNAL" />;
}
