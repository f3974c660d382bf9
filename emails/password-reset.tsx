/** "Set a new password": the link from the forgotten-password form. */
import { Heading, Text } from "@react-email/components";
import { PREVIEW_CONTEXT, safeUrl, translatorOf, type EmailContext, type EmailDefinition } from "./context";
import { ActionButton, EmailLayout, headingStyle, LinkHint, mutedStyle, textLayout, textStyle } from "./components/layout";
import type { EmailTemplates } from "./templates";

type Props = EmailTemplates["password-reset"];

export default function PasswordResetEmail({ context = PREVIEW_CONTEXT, ...props }: Props & { context?: EmailContext }) {
  const t = translatorOf(context);
  const url = safeUrl(props.resetUrl, context.appUrl);
  return (
    <EmailLayout context={context} title={t("mail.templates.passwordReset.subject")} preview={t("mail.templates.passwordReset.preview", { minutes: props.validMinutes })}>
      <Heading as="h1" className="obieg-text" style={headingStyle}>
        {t("mail.templates.passwordReset.subject")}
      </Heading>
      <Text className="obieg-text" style={textStyle}>
        {t("mail.templates.passwordReset.greeting", { name: props.name })}
      </Text>
      <Text className="obieg-text" style={textStyle}>
        {t("mail.templates.passwordReset.intro", { office: context.officeName })}
      </Text>
      <ActionButton href={url}>{t("mail.templates.passwordReset.action")}</ActionButton>
      <Text className="obieg-text" style={textStyle}>
        {t("mail.templates.passwordReset.validity", { minutes: props.validMinutes })}
      </Text>
      <LinkHint label={t("mail.templates.layout.linkHint")} href={url} />
      <Text className="obieg-muted" style={mutedStyle}>
        {t("mail.templates.passwordReset.ignore")}
      </Text>
    </EmailLayout>
  );
}

PasswordResetEmail.PreviewProps = {
  name: "Anna Kowalska",
  resetUrl: "http://localhost:3000/logowanie/nowe-haslo?token=przyklad",
  validMinutes: 60,
  context: PREVIEW_CONTEXT,
} satisfies Props & { context: EmailContext };

export const passwordResetEmail: EmailDefinition<Props> = {
  Component: PasswordResetEmail,
  subject: (_props, context) => translatorOf(context)("mail.templates.passwordReset.subject"),
  text(props, context) {
    const t = translatorOf(context);
    const url = safeUrl(props.resetUrl, context.appUrl);
    return textLayout(context, [
      t("mail.templates.passwordReset.greeting", { name: props.name }),
      t("mail.templates.passwordReset.intro", { office: context.officeName }),
      `${t("mail.templates.passwordReset.action")}:\n${url}`,
      t("mail.templates.passwordReset.validity", { minutes: props.validMinutes }),
      t("mail.templates.passwordReset.ignore"),
    ]);
  },
};
