/**
 * The e-mails the system sends. Every template is a pure react-email component in this folder
 * (with PreviewProps); `renderEmail` turns one into { subject, html, text } in the reader's language.
 * Client code imports ./templates (types and names only) instead of this file.
 */
export type { EmailTemplates, EmailTemplateName } from "./templates";
export { EMAIL_TEMPLATE_NAMES } from "./templates";
export type { EmailContext } from "./context";
export { renderEmail, type RenderedEmail } from "./render";
