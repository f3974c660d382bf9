/**
 * The allow-list HTML sanitiser of BIP article bodies (no dependency). A small tokenizer reads the
 * input, keeps only the allowed elements and attributes, drops dangerous elements with their
 * content (script, style, iframe, svg, math, …), decodes and re-escapes all text, balances the
 * tags, and produces the safe `bodyHtml` and its plain text `bodyText`. Pure and client-safe (the
 * editor may call it for a preview; the server always sanitises what it stores).
 */

/** Allowed elements (after renaming b→strong, i→em, h1→h2, div→p). */
const ALLOWED = new Set([
  "p", "h2", "h3", "h4", "ul", "ol", "li", "strong", "em", "u", "a",
  "table", "thead", "tbody", "tr", "th", "td", "blockquote", "br", "hr", "code", "pre",
]);
const VOID = new Set(["br", "hr"]);
const RENAME: Record<string, string> = { b: "strong", i: "em", h1: "h2", h5: "h4", h6: "h4", div: "p", section: "p", article: "p" };
/** Elements dropped together with everything inside them. */
const DROP_WITH_CONTENT = new Set([
  "script", "style", "iframe", "frame", "frameset", "svg", "math", "template", "object", "noscript", "noembed", "noframes",
  "textarea", "title", "head", "select", "xmp", "plaintext", "canvas", "audio", "video", "applet", "xml",
]);
/** Elements whose content is raw text up to their closing tag (no nested markup is parsed). */
const RAW_TEXT = new Set(["script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript", "plaintext"]);
/** Block elements: their boundaries end a line of the plain text. */
const BLOCK = new Set(["p", "h2", "h3", "h4", "ul", "ol", "li", "table", "thead", "tbody", "tr", "blockquote", "hr", "pre"]);
/** Opening one of these closes an open <p> first (as HTML does). */
const CLOSES_P = new Set(["p", "h2", "h3", "h4", "ul", "ol", "table", "blockquote", "hr", "pre"]);

const NAMED_ENTITIES: Record<string, string> = {
  amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0", shy: "\u00ad", ndash: "–", mdash: "—",
  hellip: "…", laquo: "«", raquo: "»", bdquo: "„", rdquo: "”", ldquo: "“", lsquo: "‘", rsquo: "’", sbquo: "‚",
  copy: "©", reg: "®", sect: "§", deg: "°", euro: "€", middot: "·", bull: "•", times: "×", frac12: "½",
  oacute: "ó", Oacute: "Ó", eacute: "é", Eacute: "É", aacute: "á", uuml: "ü", ouml: "ö", auml: "ä",
  tab: "\t", newline: "\n", colon: ":", lpar: "(", rpar: ")", sol: "/", num: "#", semi: ";", equals: "=",
};

/** Decodes character references (named from a small table, decimal, hexadecimal); unknown names stay as text. */
export function decodeEntities(s: string): string {
  return s.replace(/&(#[xX][0-9a-fA-F]{1,8}|#[0-9]{1,10}|[A-Za-z][A-Za-z0-9]{1,31});?/g, (whole, ref: string) => {
    if (ref.startsWith("#")) {
      const code = ref[1] === "x" || ref[1] === "X" ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
      if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return "\ufffd";
      return String.fromCodePoint(code);
    }
    const named = NAMED_ENTITIES[ref];
    return named !== undefined && whole.endsWith(";") ? named : named !== undefined && ["amp", "lt", "gt", "quot", "nbsp"].includes(ref) ? named : whole;
  });
}

const escapeText = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const escapeAttr = (s: string) => escapeText(s).replace(/"/g, "&quot;").replace(/'/g, "&#39;");
const CONTROL = /[\u0000-\u001f\u007f-\u009f\s]+/g;

/** A safe link target or null: http(s), mailto, or a relative address; never javascript:, data:, vbscript:, …. */
export function safeHref(raw: string): string | null {
  const value = decodeEntities(raw).trim();
  if (!value) return null;
  // Browsers ignore tabs, newlines and control characters inside a scheme ("java\tscript:").
  const squeezed = value.replace(CONTROL, "");
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(squeezed);
  if (scheme) {
    const name = scheme[1]!.toLowerCase();
    if (name !== "http" && name !== "https" && name !== "mailto") return null;
    return value.replace(/[\u0000-\u001f\u007f]/g, "");
  }
  // Backslashes are read as slashes by browsers; a relative reference must not hide a scheme.
  if (/^[\\/]{2}/.test(squeezed)) return null;
  if (/^[^/?#]*:/.test(squeezed)) return null;
  return value.replace(/[\u0000-\u001f\u007f]/g, "");
}

const isExternal = (href: string) => /^https?:/i.test(href);

interface Attr {
  name: string;
  value: string;
}

function parseAttributes(src: string): Attr[] {
  const out: Attr[] = [];
  const re = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(src))) out.push({ name: m[1]!.toLowerCase(), value: m[2] ?? m[3] ?? m[4] ?? "" });
  return out;
}

function allowedAttributes(tag: string, attrs: Attr[]): string {
  const get = (name: string) => attrs.find((a) => a.name === name)?.value;
  if (tag === "a") {
    const href = get("href");
    const safe = href === undefined ? null : safeHref(href);
    if (!safe) return "";
    const title = get("title");
    const rel = isExternal(safe) ? ' rel="noopener noreferrer nofollow"' : "";
    return ` href="${escapeAttr(safe)}"${title ? ` title="${escapeAttr(decodeEntities(title).slice(0, 300))}"` : ""}${rel}`;
  }
  if (tag === "th" || tag === "td") {
    let s = "";
    const scope = get("scope")?.trim().toLowerCase();
    if (tag === "th" && scope && ["col", "row", "colgroup", "rowgroup"].includes(scope)) s += ` scope="${scope}"`;
    for (const name of ["colspan", "rowspan"]) {
      const v = get(name)?.trim();
      if (v && /^[1-9][0-9]?$/.test(v)) s += ` ${name}="${v}"`;
    }
    return s;
  }
  if (tag === "ol") {
    const start = get("start")?.trim();
    return start && /^[0-9]{1,6}$/.test(start) ? ` start="${start}"` : "";
  }
  return "";
}

const TAG = /<(\/?)([A-Za-z][A-Za-z0-9:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)(>|$)/y;

export interface SanitizedHtml {
  bodyHtml: string;
  bodyText: string;
}

/** Sanitises untrusted HTML to the BIP allow-list; see the module comment. */
export function sanitizeBipHtml(input: string): SanitizedHtml {
  const html = input.replace(/\r\n?/g, "\n");
  const out: string[] = [];
  const text: string[] = [];
  const stack: string[] = [];
  let i = 0;

  const blockBreak = () => {
    if (text.length && text[text.length - 1] !== "\n") text.push("\n");
  };
  const open = (tag: string, attrs: string) => {
    if (CLOSES_P.has(tag) && stack.includes("p")) closeTo("p");
    if (tag === "li") closeIfOpenWithin("li", ["ul", "ol"]);
    if (tag === "tr") closeIfOpenWithin("tr", ["table", "thead", "tbody"]);
    if (tag === "td" || tag === "th") {
      closeIfOpenWithin("td", ["tr", "table"]);
      closeIfOpenWithin("th", ["tr", "table"]);
    }
    if (tag === "a" && stack.includes("a")) closeTo("a"); // no nested links
    if (BLOCK.has(tag)) blockBreak();
    out.push(`<${tag}${attrs}>`);
    if (tag === "br") text.push("\n");
    if (tag === "td" || tag === "th") text.push(text.length && text[text.length - 1] !== "\n" ? "\t" : "");
    if (!VOID.has(tag)) stack.push(tag);
  };
  const closeTo = (tag: string) => {
    const at = stack.lastIndexOf(tag);
    if (at < 0) return;
    while (stack.length > at) {
      const t = stack.pop()!;
      out.push(`</${t}>`);
      if (BLOCK.has(t)) blockBreak();
    }
  };
  /** Closes an open `tag` only when it is above the nearest container (an <li> of the same list). */
  const closeIfOpenWithin = (tag: string, containers: string[]) => {
    for (let k = stack.length - 1; k >= 0; k--) {
      if (stack[k] === tag) return closeTo(tag);
      if (containers.includes(stack[k]!)) return;
    }
  };
  const emitText = (raw: string) => {
    if (!raw) return;
    const decoded = decodeEntities(raw);
    out.push(escapeText(decoded));
    text.push(decoded);
  };
  /** Skips past the closing tag of `tag` (nested ones counted for svg/math-like containers). */
  const skipElement = (tag: string, from: number): number => {
    if (RAW_TEXT.has(tag)) {
      if (tag === "plaintext") return html.length;
      const close = new RegExp(`</${tag}(?=[\\s/>])[^>]*>?`, "ig");
      close.lastIndex = from;
      const m = close.exec(html);
      return m ? m.index + m[0].length : html.length;
    }
    const re = new RegExp(`<(/?)${tag}(?=[\\s/>])[^>]*>`, "ig");
    re.lastIndex = from;
    let depth = 1;
    let m: RegExpExecArray | null;
    while ((m = re.exec(html))) {
      if (m[1]) depth--;
      else if (!m[0].endsWith("/>")) depth++;
      if (depth === 0) return m.index + m[0].length;
    }
    return html.length;
  };

  while (i < html.length) {
    const lt = html.indexOf("<", i);
    if (lt < 0) {
      emitText(html.slice(i));
      break;
    }
    emitText(html.slice(i, lt));
    i = lt;
    if (html.startsWith("<!--", i)) {
      const end = html.indexOf("-->", i + 4);
      i = end < 0 ? html.length : end + 3;
      continue;
    }
    if (html.startsWith("<![CDATA[", i)) {
      const end = html.indexOf("]]>", i + 9);
      i = end < 0 ? html.length : end + 3;
      continue;
    }
    if (html[i + 1] === "!" || html[i + 1] === "?") {
      // <!DOCTYPE …>, <?xml …?> and other bogus comments: dropped up to the next ">".
      const end = html.indexOf(">", i);
      i = end < 0 ? html.length : end + 1;
      continue;
    }
    TAG.lastIndex = i;
    const m = TAG.exec(html);
    if (!m) {
      // A "<" that starts no tag is text.
      emitText("<");
      i += 1;
      continue;
    }
    i += m[0].length;
    const closing = m[1] === "/";
    const rawName = m[2]!.toLowerCase();
    const selfClosing = /\/\s*$/.test(m[3]!);
    if (!closing && DROP_WITH_CONTENT.has(rawName) || !closing && rawName.includes(":")) {
      if (!selfClosing || RAW_TEXT.has(rawName)) i = skipElement(rawName.includes(":") ? rawName.replace(/[^a-z0-9:-]/g, "") : rawName, i);
      continue;
    }
    const tag = RENAME[rawName] ?? rawName;
    if (!ALLOWED.has(tag)) continue; // unwrapped: the element goes, its text stays
    if (closing) {
      if (tag === "p" && rawName !== "p" && !stack.includes("p")) continue;
      if (VOID.has(tag)) continue;
      closeTo(tag);
      continue;
    }
    if (tag === "p" && rawName !== "p" && stack.some((t) => t === "p" || t === "li" || t === "td" || t === "th" || t === "blockquote")) {
      // A <div> inside a paragraph, list item or cell is only unwrapped (a line break keeps lines apart).
      if (out.length && !out[out.length - 1]!.endsWith(">")) open("br", "");
      continue;
    }
    const attrs = allowedAttributes(tag, parseAttributes(m[3]!));
    if (tag === "a" && !attrs) continue; // a link without a safe target is only its text
    open(tag, attrs);
  }
  while (stack.length) {
    const t = stack.pop()!;
    out.push(`</${t}>`);
  }
  const bodyHtml = out
    .join("")
    .replace(/<p>(?:\s|&nbsp;|\u00a0|<br>)*<\/p>/g, "")
    .replace(/<(strong|em|u|code)><\/\1>/g, "")
    .trim();
  const bodyText = text
    .join("")
    .replace(/\u00a0/g, " ")
    .split("\n")
    .map((line) => line.replace(/[ \t\f\v]+/g, " ").trim())
    .filter(Boolean)
    .join("\n");
  return { bodyHtml, bodyText };
}
