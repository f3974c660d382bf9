import { Badge, type BadgeTone } from "@/components/badge";
import type { Translate } from "@/lib/i18n/translator";
import { formatDateTime, type Locale } from "@/lib/i18n/translator";

const ARTICLE_TONE: Record<"DRAFT" | "PUBLISHED" | "WITHDRAWN", BadgeTone> = { DRAFT: "slate", PUBLISHED: "green", WITHDRAWN: "red" };
const VERSION_TONE: Record<"DRAFT" | "SUBMITTED" | "APPROVED" | "RETURNED", BadgeTone> = { DRAFT: "slate", SUBMITTED: "amber", APPROVED: "green", RETURNED: "red" };

export function ArticleStatusBadge({ status, t }: { status: "DRAFT" | "PUBLISHED" | "WITHDRAWN"; t: Translate }) {
  return <Badge tone={ARTICLE_TONE[status]}>{t(`bipEditor.articleStatus.${status}`)}</Badge>;
}

/** A version's state; an approved one says whether it is public already or scheduled (computed on the server). */
export function VersionStatusBadge({ status, publishAt, scheduled, t, locale }: { status: "DRAFT" | "SUBMITTED" | "APPROVED" | "RETURNED"; publishAt: Date | null; scheduled: boolean; t: Translate; locale: Locale }) {
  if (status === "APPROVED" && scheduled) return <Badge tone="sky">{publishAt ? t("bipEditor.scheduled", { at: formatDateTime(publishAt, locale) }) : t("bipEditor.scheduledShort")}</Badge>;
  if (status === "APPROVED") return <Badge tone="green">{t("bipEditor.published")}</Badge>;
  return <Badge tone={VERSION_TONE[status]}>{t(`bipEditor.versionStatus.${status}`)}</Badge>;
}
