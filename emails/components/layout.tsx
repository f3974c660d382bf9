/**
 * The shared frame of every e-mail: office name header, content, automatic-message footer. Readable
 * contrast (≥ 7:1 for body text), no images, a dark-mode palette for clients that honour
 * prefers-color-scheme, and the `lang` of the reader's language.
 */
import { Body, Button, Container, Head, Hr, Html, Link, Preview, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";
import { translatorOf, type EmailContext } from "../context";

export const colors = {
  text: "#1f2937",
  muted: "#4b5563",
  background: "#f3f4f6",
  card: "#ffffff",
  border: "#d1d5db",
  accent: "#1d4ed8",
  onAccent: "#ffffff",
} as const;

const darkCss = `
:root { color-scheme: light dark; supported-color-schemes: light dark; }
@media (prefers-color-scheme: dark) {
  .obieg-body { background-color: #111827 !important; }
  .obieg-card { background-color: #1f2937 !important; border-color: #374151 !important; }
  .obieg-text { color: #f3f4f6 !important; }
  .obieg-muted { color: #d1d5db !important; }
  .obieg-link { color: #93c5fd !important; }
  .obieg-button { background-color: #93c5fd !important; color: #111827 !important; }
}`;

export const textStyle = { color: colors.text, fontSize: "16px", lineHeight: "24px", margin: "0 0 16px" } as const;
export const mutedStyle = { color: colors.muted, fontSize: "14px", lineHeight: "20px", margin: "0 0 12px" } as const;
export const linkStyle = { color: colors.accent, textDecoration: "underline", wordBreak: "break-all" } as const;
export const headingStyle = { color: colors.text, fontSize: "22px", lineHeight: "30px", fontWeight: 700, margin: "0 0 16px" } as const;
export const buttonStyle = {
  backgroundColor: colors.accent,
  color: colors.onAccent,
  borderRadius: "6px",
  fontSize: "16px",
  fontWeight: 600,
  padding: "12px 20px",
  textDecoration: "none",
  display: "inline-block",
} as const;

export function EmailLayout({ context, title, preview, children }: { context: EmailContext; title: string; preview: string; children: ReactNode }) {
  const t = translatorOf(context);
  return (
    <Html lang={context.locale} dir="ltr">
      <Head>
        <title>{title}</title>
        <meta name="color-scheme" content="light dark" />
        <meta name="supported-color-schemes" content="light dark" />
        <style>{darkCss}</style>
      </Head>
      <Preview>{preview}</Preview>
      <Body className="obieg-body" style={{ backgroundColor: colors.background, fontFamily: "Arial, Helvetica, sans-serif", margin: 0, padding: "24px 8px" }}>
        <Container className="obieg-card" style={{ backgroundColor: colors.card, border: `1px solid ${colors.border}`, borderRadius: "8px", maxWidth: "600px", padding: "24px" }}>
          <Section>
            <Text className="obieg-text" style={{ color: colors.text, fontSize: "15px", fontWeight: 700, lineHeight: "22px", margin: 0 }}>
              {context.officeName}
            </Text>
          </Section>
          <Hr style={{ borderColor: colors.border, margin: "16px 0 24px" }} />
          <Section>{children}</Section>
          <Hr style={{ borderColor: colors.border, margin: "24px 0 16px" }} />
          <Section>
            <Text className="obieg-muted" style={mutedStyle}>
              {t("mail.templates.layout.footer")}
            </Text>
            <Text className="obieg-muted" style={{ ...mutedStyle, margin: 0 }}>
              {t("mail.templates.layout.footerOffice", { office: context.officeName })}{" "}
              <Link className="obieg-link" href={context.appUrl} style={linkStyle}>
                {context.appUrl}
              </Link>
            </Text>
          </Section>
        </Container>
      </Body>
    </Html>
  );
}

/** The plain-text frame matching EmailLayout. */
export function textLayout(context: EmailContext, blocks: (string | false | null | undefined)[]): string {
  const t = translatorOf(context);
  const body = blocks.filter((b): b is string => typeof b === "string" && b.length > 0);
  return [
    context.officeName,
    "=".repeat(Math.min(context.officeName.length, 72)),
    "",
    body.join("\n\n"),
    "",
    "-- ",
    t("mail.templates.layout.footer"),
    `${t("mail.templates.layout.footerOffice", { office: context.officeName })} ${context.appUrl}`,
    "",
  ].join("\n");
}

/** A paragraph per line break in user-provided text, so it keeps its shape in HTML. */
export function Paragraphs({ text, className = "obieg-text", style = textStyle }: { text: string; className?: string; style?: object }) {
  return (
    <>
      {text
        .split(/\r?\n\s*\r?\n|\r?\n/)
        .map((line) => line.trim())
        .filter(Boolean)
        .map((line, i) => (
          <Text key={i} className={className} style={style}>
            {line}
          </Text>
        ))}
    </>
  );
}

/** The message's one call to action: a button with room around it. */
export function ActionButton({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Section style={{ margin: "8px 0 24px" }}>
      <Button className="obieg-button" href={href} style={buttonStyle}>
        {children}
      </Button>
    </Section>
  );
}

/** "If the button does not work, open this address:" with the address, for clients that hide buttons. */
export function LinkHint({ label, href }: { label: string; href: string }) {
  return (
    <Text className="obieg-muted" style={mutedStyle}>
      {label}{" "}
      <Link className="obieg-link" href={href} style={linkStyle}>
        {href}
      </Link>
    </Text>
  );
}
