/** Renders a template into what is stored and sent: subject, HTML and a hand-written plain text. */
import { render } from "@react-email/render";
import { oneLine, type EmailContext, type EmailDefinition } from "./context";
import { digestEmail } from "./digest";
import type { EmailTemplates } from "./templates";
import { notificationEmail } from "./notification";
import { passwordResetEmail } from "./password-reset";
import { espLoginEmail } from "./esp/esp-login";
import { espSubmissionEmail } from "./esp/esp-submission";
import { espDeliveryEmail } from "./esp/esp-delivery";

const definitions: { [K in keyof EmailTemplates]: EmailDefinition<EmailTemplates[K]> } = {
  "password-reset": passwordResetEmail,
  notification: notificationEmail,
  digest: digestEmail,
  "esp-login": espLoginEmail,
  "esp-submission": espSubmissionEmail,
  "esp-delivery": espDeliveryEmail,
};

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

export async function renderEmail<K extends keyof EmailTemplates>(template: K, props: EmailTemplates[K], context: EmailContext): Promise<RenderedEmail> {
  const definition = definitions[template] as EmailDefinition<EmailTemplates[K]>;
  // Templates are pure components without hooks: calling one gives the element tree to render.
  const html = await render(definition.Component({ ...props, context }));
  return { subject: oneLine(definition.subject(props, context), 200), html, text: definition.text(props, context) };
}
