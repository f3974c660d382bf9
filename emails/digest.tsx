/** The daily summary of notifications for users who chose digest delivery. */
import { Heading, Hr, Link, Section, Text } from "@react-email/components";
import { PREVIEW_CONTEXT, safeUrl, translatorOf, type EmailContext, type EmailDefinition } from "./context";
import { colors, EmailLayout, headingStyle, linkStyle, mutedStyle, Paragraphs, textLayout, textStyle } from "./components/layout";
import type { EmailTemplates } from "./templates";

type Props = EmailTemplates["digest"];

export default function DigestEmail({ context = PREVIEW_CONTEXT, ...props }: Props & { context?: EmailContext }) {
  const t = translatorOf(context);
  const count = props.items.length;
  return (
    <EmailLayout context={context} title={t("mail.templates.digest.subject", { date: props.dateLabel })} preview={t("mail.templates.digest.preview", { count, date: props.dateLabel })}>
      <Heading as="h1" className="obieg-text" style={headingStyle}>
        {t("mail.templates.digest.subject", { date: props.dateLabel })}
      </Heading>
      <Text className="obieg-text" style={textStyle}>
        {t("mail.templates.digest.greeting", { name: props.name })}
      </Text>
      <Text className="obieg-text" style={textStyle}>
        {count > 0 ? t("mail.templates.digest.intro", { count, date: props.dateLabel }) : t("mail.templates.digest.empty")}
      </Text>
      {props.items.map((item, i) => (
        <Section key={i} style={{ borderLeft: `4px solid ${colors.accent}`, padding: "4px 0 4px 12px", margin: "0 0 16px" }}>
          <Heading as="h2" className="obieg-text" style={{ ...headingStyle, fontSize: "17px", lineHeight: "24px", margin: "0 0 4px" }}>
            <Link className="obieg-link" href={safeUrl(item.url, context.appUrl)} style={{ ...linkStyle, wordBreak: "normal" }}>
              {item.title}
            </Link>
          </Heading>
          <Text className="obieg-muted" style={{ ...mutedStyle, margin: "0 0 4px" }}>
            {item.when}
          </Text>
          {item.body ? <Paragraphs text={item.body} style={{ ...textStyle, margin: "0 0 4px" }} /> : null}
        </Section>
      ))}
      <Hr style={{ borderColor: colors.border, margin: "16px 0" }} />
      <Text className="obieg-muted" style={mutedStyle}>
        {t("mail.templates.digest.preferencesHint")}{" "}
        <Link className="obieg-link" href={safeUrl(props.preferencesUrl, context.appUrl)} style={linkStyle}>
          {t("mail.templates.digest.preferences")}
        </Link>
      </Text>
    </EmailLayout>
  );
}

DigestEmail.PreviewProps = {
  name: "Anna Kowalska",
  dateLabel: "24.11.2026",
  items: [
    { title: "Przydzielono Ci pismo RPW/125/2026", body: "Wniosek o wydanie zaświadczenia.", url: "http://localhost:3000/pisma/przychodzace/a", when: "24.11.2026, 09:14" },
    { title: "Zbliża się termin sprawy GK.6220.3.2026", url: "http://localhost:3000/sprawy/b", when: "24.11.2026, 07:00" },
  ],
  preferencesUrl: "http://localhost:3000/profil/powiadomienia",
  context: PREVIEW_CONTEXT,
} satisfies Props & { context: EmailContext };

export const digestEmail: EmailDefinition<Props> = {
  Component: DigestEmail,
  subject: (props, context) => translatorOf(context)("mail.templates.digest.subject", { date: props.dateLabel }),
  text(props, context) {
    const t = translatorOf(context);
    const count = props.items.length;
    return textLayout(context, [
      t("mail.templates.digest.greeting", { name: props.name }),
      count > 0 ? t("mail.templates.digest.intro", { count, date: props.dateLabel }) : t("mail.templates.digest.empty"),
      ...props.items.map((item, i) => [`${i + 1}. ${item.title}`, `   ${item.when}`, item.body ? `   ${item.body.trim().replace(/\r?\n/g, "\n   ")}` : null, `   ${safeUrl(item.url, context.appUrl)}`].filter(Boolean).join("\n")),
      `${t("mail.templates.digest.preferencesHint")}\n${safeUrl(props.preferencesUrl, context.appUrl)}`,
    ]);
  },
};
