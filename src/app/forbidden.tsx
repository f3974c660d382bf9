import { ErrorPage } from "@/components/error-page";
import { getT } from "@/server/i18n";

export default async function Forbidden() {
  const t = await getT();
  return <ErrorPage code="403" title={t("errors.forbiddenTitle")} text={t("errors.forbiddenText")} href="/pulpit" linkLabel={t("errors.toDashboard")} />;
}
