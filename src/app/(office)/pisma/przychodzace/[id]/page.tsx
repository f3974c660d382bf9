import type { Metadata } from "next";
import { LetterPage, letterPageMetadata } from "@/modules/letters/components/letter-page";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  return letterPageMetadata((await params).id, "INCOMING");
}

export default async function IncomingLetterPage({ params }: { params: Promise<{ id: string }> }) {
  return <LetterPage id={(await params).id} kind="INCOMING" />;
}
