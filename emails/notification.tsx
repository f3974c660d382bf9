/** One notification sent by e-mail (the user chose e-mail delivery for this kind of event). */
import { Heading, Hr, Link, Text } from "@react-email/components";
import { oneLine, PREVIEW_CONTEXT, safeUrl, translatorOf, type EmailContext, type EmailDefinition } from "./context";
import { ActionButton, colors, EmailLayout, headingStyle, LinkHint, linkStyle, mutedStyle, Paragraphs, textLayout, textStyle } from "./components/layout";
import type { EmailTemplates } from "./templates";

type Props = EmailTemplates["notification"];

export default function NotificationEmail({ context = PREVIEW_CONTEXT, ...props }: Props & { context?: EmailContext }) {
  const t = translatorOf(context);
  const actionUrl = safeUrl(props.actionUrl, context.appUrl);
  const preferencesUrl = safeUrl(props.preferencesUrl, context.appUrl);
  return (
    <EmailLayout context={context} title={props.title} preview={oneLine(props.body ?? props.title, 140)}>
      <Text className="obieg-text" style={textStyle}>
        {t("mail.templates.notification.greeting", { name: props.name })}
      </Text>
      <Heading as="h1" className="obieg-text" style={headingStyle}>
        {props.title}
      </Heading>
      {props.body ? <Paragraphs text={props.body} /> : null}
      <ActionButton href={actionUrl}>{props.actionLabel}</ActionButton>
      <LinkHint label={t("mail.templates.layout.linkHint")} href={actionUrl} />
      <Hr style={{ borderColor: colors.border, margin: "16px 0" }} />
      <Text className="obieg-muted" style={mutedStyle}>
        {t("mail.templates.notification.preferencesHint")}{" "}
        <Link className="obieg-link" href={preferencesUrl} style={linkStyle}>
          {t("mail.templates.notification.preferences")}
        </Link>
      </Text>
    </EmailLayout>
  );
}

NotificationEmail.PreviewProps = {
  name: "Anna Kowalska",
  title: "Przydzielono Ci pismo RPW/125/2026",
  body: "Wniosek o wydanie zaświadczenia o niezaleganiu w podatkach – termin załatwienia: 09.12.2026.",
  actionUrl: "http://localhost:3000/pisma/przychodzace/przyklad",
  actionLabel: "Otwórz pismo",
  preferencesUrl: "http://localhost:3000/profil/powiadomienia",
  context: PREVIEW_CONTEXT,
} satisfies Props & { context: EmailContext };

export const notificationEmail: EmailDefinition<Props> = {
  Component: NotificationEmail,
  subject: (props, context) => translatorOf(context)("mail.templates.notification.subject", { title: props.title }),
  text(props, context) {
    const t = translatorOf(context);
    return textLayout(context, [
      t("mail.templates.notification.greeting", { name: props.name }),
      props.title,
      props.body?.trim(),
      `${props.actionLabel}:\n${safeUrl(props.actionUrl, context.appUrl)}`,
      `${t("mail.templates.notification.preferencesHint")}\n${safeUrl(props.preferencesUrl, context.appUrl)}`,
    ]);
  },
};
