import { BipFrame, bipFrameMetadata } from "@/modules/bip/components/public/bip-frame";

/**
 * The BIP's publications — an article, its change register, its published versions — are rendered
 * once and then served from Next's cache (no database work per visit). They render again:
 * - at once (on the next visit) after an editor publishes, withdraws, or changes the menu or the
 *   settings (revalidatePublicBip, called by the BIP router);
 * - at most `revalidate` seconds later otherwise: a scheduled publication coming due, the view and
 *   download counters, the office's data.
 * Rendered without the request (force-static: no cookies, no headers), so in the BIP's own language
 * (Polish) for every reader; views are counted by the page's counter image (ViewBeacon).
 */
export const dynamic = "force-static";
export const revalidate = 60;

export const generateMetadata = bipFrameMetadata;

export default BipFrame;
