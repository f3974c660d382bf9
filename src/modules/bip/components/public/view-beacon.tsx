import { bipArticleHref } from "../../bip.schemas";

/**
 * The counter image of a cached article page: loading it counts one view (see the route
 * /bip/artykul/[seq]/odslona). Works without JavaScript; invisible, takes no space, not announced.
 */
export function ViewBeacon({ seq }: { seq: number }) {
  return (
    // eslint-disable-next-line @next/next/no-img-element -- a counter pixel, not content to optimise
    <img src={`${bipArticleHref(seq)}/odslona`} alt="" width={1} height={1} decoding="async" className="pointer-events-none absolute h-px w-px opacity-0" />
  );
}
