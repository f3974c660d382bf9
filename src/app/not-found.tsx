import { ErrorPage } from "@/components/error-page";
import { getT } from "@/server/i18n";

export default async function NotFound() {
  const t = await getT();
  return <ErrorPage code="404" title={t("errors.notFoundTitle")} text={t("errors.notFoundText")} href="/" linkLabel={t("errors.toHome")} />;
}
