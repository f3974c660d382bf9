"use client";

import { useEffect, useId, useRef } from "react";
import { useT } from "@/components/i18n";
import type { MessageKey } from "@/lib/i18n/translator";
import { safeHref, sanitizeBipHtml } from "../../bip.sanitize";

type Command = { key: string; label: MessageKey; text: string; command: string; value?: string };

const COMMANDS: Command[] = [
  { key: "b", label: "bipEditor.bold", text: "B", command: "bold" },
  { key: "i", label: "bipEditor.italic", text: "I", command: "italic" },
  { key: "u", label: "bipEditor.underline", text: "U", command: "underline" },
  { key: "h2", label: "bipEditor.heading2", text: "H2", command: "formatBlock", value: "<h2>" },
  { key: "h3", label: "bipEditor.heading3", text: "H3", command: "formatBlock", value: "<h3>" },
  { key: "p", label: "bipEditor.paragraph", text: "¶", command: "formatBlock", value: "<p>" },
  { key: "ul", label: "bipEditor.bulletList", text: "• —", command: "insertUnorderedList" },
  { key: "ol", label: "bipEditor.numberedList", text: "1.", command: "insertOrderedList" },
  { key: "q", label: "bipEditor.quote", text: "❝", command: "formatBlock", value: "<blockquote>" },
  { key: "a", label: "bipEditor.link", text: "Link", command: "createLink" },
  { key: "unlink", label: "bipEditor.unlink", text: "−Link", command: "unlink" },
  { key: "clear", label: "bipEditor.clearFormat", text: "Tx", command: "removeFormat" },
];

/**
 * A small rich-text field: a labelled toolbar over a contentEditable area. It produces HTML that
 * the server sanitises again (allow-list, bip.sanitize.ts); pasted content is cleaned at once.
 * Keyboard: Tab reaches the toolbar buttons and the area; Ctrl+B / Ctrl+I / Ctrl+U work inside.
 */
export function RichTextEditor({
  id,
  label,
  hint,
  error,
  initialHtml,
  onChange,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string | null;
  initialHtml: string;
  onChange: (html: string) => void;
}) {
  const t = useT();
  const area = useRef<HTMLDivElement>(null);
  const labelId = useId();

  useEffect(() => {
    if (area.current) area.current.innerHTML = initialHtml;
    document.execCommand("defaultParagraphSeparator", false, "p");
    // Only on mount: the area is uncontrolled afterwards.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const emit = () => onChange(area.current?.innerHTML ?? "");
  function run(c: Command) {
    const el = area.current;
    if (!el) return;
    let value = c.value;
    if (c.command === "createLink") {
      const raw = window.prompt(t("bipEditor.linkPrompt"), "https://");
      value = raw ? (safeHref(raw) ?? undefined) : undefined;
      if (!value) return;
    }
    el.focus();
    document.execCommand(c.command, false, value);
    onChange(el.innerHTML);
  }

  return (
    <div>
      <span id={labelId} className="label">
        {label}
      </span>
      <div className={`rounded-md border ${error ? "border-red-700" : "border-slate-400"} bg-white focus-within:ring-2 focus-within:ring-brand-600`}>
        <div role="toolbar" aria-label={t("bipEditor.toolbar")} aria-controls={id} className="flex flex-wrap gap-1 border-b border-slate-300 bg-slate-50 p-1">
          {COMMANDS.map((c) => (
            <button
              key={c.key}
              type="button"
              title={t(c.label)}
              aria-label={t(c.label)}
              className="min-h-9 min-w-9 rounded border border-slate-300 bg-white px-2 text-sm font-semibold text-slate-900 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-brand-700"
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => run(c)}
            >
              <span aria-hidden="true" className={c.key === "i" ? "italic" : c.key === "u" ? "underline" : undefined}>
                {c.text}
              </span>
            </button>
          ))}
        </div>
        <div
          ref={area}
          id={id}
          role="textbox"
          aria-multiline="true"
          aria-labelledby={labelId}
          aria-describedby={[hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined}
          aria-invalid={error ? true : undefined}
          contentEditable
          suppressContentEditableWarning
          tabIndex={0}
          data-testid="bip-body-editor"
          className="bip-rich min-h-64 max-w-none px-3 py-2 text-slate-900 outline-none [&_a]:text-brand-800 [&_a]:underline [&_blockquote]:border-l-4 [&_blockquote]:border-slate-300 [&_blockquote]:pl-3 [&_h2]:mt-3 [&_h2]:text-xl [&_h2]:font-semibold [&_h3]:mt-3 [&_h3]:text-lg [&_h3]:font-semibold [&_h4]:font-semibold [&_ol]:list-decimal [&_ol]:pl-6 [&_p]:my-2 [&_ul]:list-disc [&_ul]:pl-6"
          onInput={emit}
          onBlur={emit}
          onPaste={(e) => {
            e.preventDefault();
            const html = e.clipboardData.getData("text/html");
            const plain = e.clipboardData.getData("text/plain");
            const clean = html ? sanitizeBipHtml(html).bodyHtml : plain.replace(/[&<>]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;" })[c]!).replace(/\n/g, "<br>");
            document.execCommand("insertHTML", false, clean);
            emit();
          }}
        />
      </div>
      {hint && (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-700">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-800">
          {error}
        </p>
      )}
    </div>
  );
}
