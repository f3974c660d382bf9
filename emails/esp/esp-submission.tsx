/** The ESP receipt e-mail: the submission's numbers and links to the UPP downloads and the status page. */
import { Heading, Link, Text } from "@react-email/components";
import { PREVIEW_CONTEXT, safeUrl, translatorOf, type EmailContext, type EmailDefinition } from "../context";
import { ActionButton, EmailLayout, headingStyle, linkStyle, mutedStyle, textLayout, textStyle } from "../components/layout";
import type { EmailTemplates } from "../templates";

type Props = EmailTemplates["esp-submission"];

export default function EspSubmissionEmail({ context = PREVIEW_CONTEXT, ...props }: Props & { context?: EmailContext }) {
  const t = translatorOf(context);
  const receiptUrl = safeUrl(props.receiptUrl, context.appUrl);
  const statusUrl = safeUrl(props.statusUrl, context.appUrl);
  return (
    <EmailLayout context={context} title={t("esp.mail.submissionSubject", { number: props.number })} preview={t("esp.mail.submissionPreview", { number: props.number })}>
      <Heading as="h1" className="obieg-text" style={headingStyle}>
        {t("esp.mail.submissionSubject", { number: props.number })}
      </Heading>
      <Text className="obieg-text" style={textStyle}>
        {t("esp.mail.submissionIntro", { office: context.officeName, title: props.title, received: props.receivedLabel })}
      </Text>
      <Text className="obieg-text" style={textStyle}>
        {t("esp.mail.submissionNumbers", { number: props.number, registerNo: props.registerNo })}
      </Text>
      <ActionButton href={receiptUrl}>{t("esp.mail.submissionDownload")}</ActionButton>
      <Text className="obieg-muted" style={mutedStyle}>
        {t("esp.mail.submissionDownloadHint")}
      </Text>
      <Text className="obieg-muted" style={mutedStyle}>
        {t("esp.mail.submissionStatus", { url: "" })}
        <Link className="obieg-link" href={statusUrl} style={linkStyle}>
          {statusUrl}
        </Link>
      </Text>
    </EmailLayout>
  );
}

EspSubmissionEmail.PreviewProps = {
  number: "ESP/1/2026",
  registerNo: "RPW/12/2026",
  title: "Wniosek o wycinkę drzewa",
  receivedLabel: "25.11.2026, 09:01",
  receiptUrl: "http://localhost:3000/esp/zlozone/ESP-1-2026",
  statusUrl: "http://localhost:3000/status-sprawy?numer=ESP%2F1%2F2026",
  context: PREVIEW_CONTEXT,
} satisfies Props & { context: EmailContext };

export const espSubmissionEmail: EmailDefinition<Props> = {
  Component: EspSubmissionEmail,
  subject: (props, context) => translatorOf(context)("esp.mail.submissionSubject", { number: props.number }),
  text(props, context) {
    const t = translatorOf(context);
    return textLayout(context, [
      t("esp.mail.submissionIntro", { office: context.officeName, title: props.title, received: props.receivedLabel }),
      t("esp.mail.submissionNumbers", { number: props.number, registerNo: props.registerNo }),
      `${t("esp.mail.submissionDownload")}:\n${safeUrl(props.receiptUrl, context.appUrl)}`,
      t("esp.mail.submissionDownloadHint"),
      t("esp.mail.submissionStatus", { url: safeUrl(props.statusUrl, context.appUrl) }),
    ]);
  },
};
