import { BipFrame, bipFrameMetadata } from "@/modules/bip/components/public/bip-frame";

/** The BIP pages rendered for each request: the home page, the menu's pages (with ?strona=), search. */
export const dynamic = "force-dynamic";

export const generateMetadata = bipFrameMetadata;

export default BipFrame;
