/** "You have a new letter in the ESP": a link to the delivery and the 14-day rule — never the letter's content. */
import { Heading, Text } from "@react-email/components";
import { PREVIEW_CONTEXT, safeUrl, translatorOf, type EmailContext, type EmailDefinition } from "../context";
import { ActionButton, EmailLayout, headingStyle, LinkHint, textLayout, textStyle } from "../components/layout";
import type { EmailTemplates } from "../templates";

type Props = EmailTemplates["esp-delivery"];

export default function EspDeliveryEmail({ context = PREVIEW_CONTEXT, ...props }: Props & { context?: EmailContext }) {
  const t = translatorOf(context);
  const url = safeUrl(props.deliveryUrl, context.appUrl);
  return (
    <EmailLayout context={context} title={t("esp.deliveryMail.subject", { office: context.officeName })} preview={t("esp.deliveryMail.preview")}>
      <Heading as="h1" className="obieg-text" style={headingStyle}>
        {t("esp.deliveryMail.subject", { office: context.officeName })}
      </Heading>
      <Text className="obieg-text" style={textStyle}>
        {t("esp.deliveryMail.intro", { office: context.officeName })}
      </Text>
      <Text className="obieg-text" style={textStyle}>
        {t("esp.deliveryMail.howTo")}
      </Text>
      <ActionButton href={url}>{t("esp.deliveryMail.action")}</ActionButton>
      <Text className="obieg-text" style={textStyle}>
        {t("esp.deliveryMail.rule", { deadline: props.deadlineLabel })}
      </Text>
      <LinkHint label={t("mail.templates.layout.linkHint")} href={url} />
    </EmailLayout>
  );
}

EspDeliveryEmail.PreviewProps = {
  deliveryUrl: "http://localhost:3000/esp/pisma/cm0przyklad0000000000000",
  deadlineLabel: "09.12.2026",
  context: PREVIEW_CONTEXT,
} satisfies Props & { context: EmailContext };

export const espDeliveryEmail: EmailDefinition<Props> = {
  Component: EspDeliveryEmail,
  subject: (_props, context) => translatorOf(context)("esp.deliveryMail.subject", { office: context.officeName }),
  text(props, context) {
    const t = translatorOf(context);
    return textLayout(context, [
      t("esp.deliveryMail.intro", { office: context.officeName }),
      t("esp.deliveryMail.howTo"),
      `${t("esp.deliveryMail.action")}:\n${safeUrl(props.deliveryUrl, context.appUrl)}`,
      t("esp.deliveryMail.rule", { deadline: props.deadlineLabel }),
    ]);
  },
};
