/** The ESP sign-in e-mail: a 6-digit code and a one-time link. */
import { Heading, Text } from "@react-email/components";
import { PREVIEW_CONTEXT, safeUrl, translatorOf, type EmailContext, type EmailDefinition } from "../context";
import { ActionButton, EmailLayout, headingStyle, LinkHint, mutedStyle, textLayout, textStyle } from "../components/layout";
import type { EmailTemplates } from "../templates";

type Props = EmailTemplates["esp-login"];

export default function EspLoginEmail({ context = PREVIEW_CONTEXT, ...props }: Props & { context?: EmailContext }) {
  const t = translatorOf(context);
  const url = safeUrl(props.loginUrl, context.appUrl);
  return (
    <EmailLayout context={context} title={t("esp.mail.loginSubject", { code: props.code })} preview={t("esp.mail.loginPreview", { minutes: props.validMinutes })}>
      <Heading as="h1" className="obieg-text" style={headingStyle}>
        {t("esp.mail.loginCode", { code: props.code })}
      </Heading>
      <Text className="obieg-text" style={textStyle}>
        {t("esp.mail.loginIntro", { office: context.officeName })}
      </Text>
      <ActionButton href={url}>{t("esp.mail.loginAction")}</ActionButton>
      <Text className="obieg-text" style={textStyle}>
        {t("esp.mail.loginValidity", { minutes: props.validMinutes })}
      </Text>
      <LinkHint label={t("mail.templates.layout.linkHint")} href={url} />
      <Text className="obieg-muted" style={mutedStyle}>
        {t("esp.mail.loginIgnore")}
      </Text>
    </EmailLayout>
  );
}

EspLoginEmail.PreviewProps = {
  code: "123456",
  loginUrl: "http://localhost:3000/esp/logowanie/link?token=przyklad",
  validMinutes: 15,
  context: PREVIEW_CONTEXT,
} satisfies Props & { context: EmailContext };

export const espLoginEmail: EmailDefinition<Props> = {
  Component: EspLoginEmail,
  subject: (props, context) => translatorOf(context)("esp.mail.loginSubject", { code: props.code }),
  text(props, context) {
    const t = translatorOf(context);
    const url = safeUrl(props.loginUrl, context.appUrl);
    return textLayout(context, [
      t("esp.mail.loginCode", { code: props.code }),
      t("esp.mail.loginIntro", { office: context.officeName }),
      `${t("esp.mail.loginAction")}:\n${url}`,
      t("esp.mail.loginValidity", { minutes: props.validMinutes }),
      t("esp.mail.loginIgnore"),
    ]);
  },
};
