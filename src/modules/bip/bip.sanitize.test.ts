import { describe, expect, it } from "vitest";
import { decodeEntities, safeHref, sanitizeBipHtml } from "./bip.sanitize";

const html = (s: string) => sanitizeBipHtml(s).bodyHtml;

describe("sanitizeBipHtml", () => {
  it("keeps the allowed structure", () => {
    const src = '<h2>Ogłoszenie</h2><p>Tekst <strong>ważny</strong>, <em>ukośny</em> i <u>podkreślony</u>.</p><ul><li>jeden</li><li>dwa</li></ul><ol start="3"><li>trzy</li></ol><blockquote>cytat</blockquote><hr><pre><code>kod</code></pre>';
    expect(html(src)).toBe(src.replace("<hr>", "<hr>"));
  });

  it("keeps tables with header scope and drops other attributes", () => {
    expect(html('<table border="1" style="x"><thead><tr><th scope="col" class="a">Nazwa</th></tr></thead><tbody><tr><td colspan="2" onclick="x()">A</td></tr></tbody></table>')).toBe(
      '<table><thead><tr><th scope="col">Nazwa</th></tr></thead><tbody><tr><td colspan="2">A</td></tr></tbody></table>',
    );
  });

  it("drops script, style, iframe, svg and math with their content", () => {
    expect(html("<p>a<script>alert(1)</script>b</p>")).toBe("<p>ab</p>");
    expect(html("<style>p{color:red}</style><p>x</p>")).toBe("<p>x</p>");
    expect(html('<iframe src="https://evil"></iframe><p>x</p>')).toBe("<p>x</p>");
    expect(html('<svg><g><script>alert(1)</script></g><svg></svg>text</svg><p>ok</p>')).toBe("<p>ok</p>");
    expect(html("<math><mi>x</mi><maction actiontype='statusline'>y</maction></math>z")).toBe("z");
    expect(html("<SCRIPT>alert(1)</SCRIPT >x")).toBe("x");
    expect(html("<script>never closed <p>x</p>")).toBe("");
    expect(html("<scr<script>ipt>alert(1)</script>")).not.toMatch(/<script/i);
  });

  it("drops event handlers and upper-case attributes", () => {
    expect(html('<P ONCLICK="x()" Style="a">t</P>')).toBe("<p>t</p>");
    expect(html('<a HREF="https://bip.gov.pl" ONMOUSEOVER="x">l</a>')).toBe('<a href="https://bip.gov.pl" rel="noopener noreferrer nofollow">l</a>');
    expect(html("<img src=x onerror=alert(1)>")).toBe("");
  });

  it("allows only http(s), mailto and relative links", () => {
    expect(html('<a href="javascript:alert(1)">x</a>')).toBe("x");
    expect(html('<a href="JaVaScRiPt:alert(1)">x</a>')).toBe("x");
    expect(html('<a href="java&#x09;script:alert(1)">x</a>')).toBe("x");
    expect(html('<a href="java\tscript:alert(1)">x</a>')).toBe("x");
    expect(html('<a href="&#106;avascript:alert(1)">x</a>')).toBe("x");
    expect(html('<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>')).toBe("x");
    expect(html('<a href="vbscript:x">x</a>')).toBe("x");
    expect(html('<a href="//evil.example/">x</a>')).toBe("x");
    expect(html('<a href="mailto:bip@boguchwala.pl">m</a>')).toBe('<a href="mailto:bip@boguchwala.pl">m</a>');
    expect(html('<a href="/bip/artykul/3">r</a>')).toBe('<a href="/bip/artykul/3">r</a>');
    expect(html("<a href='https://x.pl/?a=1&amp;b=2' target=_blank>q</a>")).toBe('<a href="https://x.pl/?a=1&amp;b=2" rel="noopener noreferrer nofollow">q</a>');
  });

  it("decodes and re-escapes entities and text", () => {
    expect(html("<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot; &#322;&oacute;d&#x17A;</p>")).toBe("<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; \"x\" łódź</p>");
    expect(html("<p>a < b > c</p>")).toBe("<p>a &lt; b &gt; c</p>");
    expect(html("<p>&bogus; &#0; &#xD800;</p>")).toBe("<p>&amp;bogus; \ufffd \ufffd</p>");
  });

  it("drops comments, CDATA, doctype and processing instructions", () => {
    expect(html("<!-- <script>alert(1)</script> --><p>x</p>")).toBe("<p>x</p>");
    expect(html("<p>a<![CDATA[<script>alert(1)</script>]]>b</p>")).toBe("<p>ab</p>");
    expect(html('<!DOCTYPE html><?xml version="1.0"?><p>x</p>')).toBe("<p>x</p>");
    expect(html("<!-- never closed <p>x</p>")).toBe("");
  });

  it("balances unclosed and misnested tags", () => {
    expect(html("<p>one<p>two")).toBe("<p>one</p><p>two</p>");
    expect(html("<ul><li>a<li>b</ul>")).toBe("<ul><li>a</li><li>b</li></ul>");
    expect(html("<strong><em>x</strong></em>")).toBe("<strong><em>x</em></strong>");
    expect(html("</p></div>text")).toBe("text");
    expect(html("<p>x<ul><li>y</li></ul>")).toBe("<p>x</p><ul><li>y</li></ul>");
    expect(html("<a href='/a'>1<a href='/b'>2</a>")).toBe('<a href="/a">1</a><a href="/b">2</a>');
  });

  it("renames b/i/h1 and turns divs into paragraphs, unwraps other tags", () => {
    expect(html("<h1>T</h1><div>a</div><div>b</div>")).toBe("<h2>T</h2><p>a</p><p>b</p>");
    expect(html("<b>x</b><i>y</i><span style='color:red'>z</span><font>w</font>")).toBe("<strong>x</strong><em>y</em>zw");
    expect(html("<form action='/x'><input name=a><button>go</button></form>")).toBe("go");
    expect(html("<p><o:p>word</o:p>ok</p>")).toBe("<p>ok</p>");
  });

  it("removes empty paragraphs and keeps line breaks", () => {
    expect(html("<p></p><p>&nbsp;</p><p><br></p><p>a<br/>b</p>")).toBe("<p>a<br>b</p>");
  });

  it("produces plain text with one line per block", () => {
    const { bodyText } = sanitizeBipHtml("<h2>Tytuł</h2><p>Akapit   <strong>pierwszy</strong></p><ul><li>a</li><li>b</li></ul><table><tr><td>x</td><td>y</td></tr></table><script>nope</script>");
    expect(bodyText).toBe("Tytuł\nAkapit pierwszy\na\nb\nx y");
  });

  it("is idempotent", () => {
    const once = html('<div>a<b>b</b><a href="https://x.pl">c</a></div><table><tr><th scope=row>h</th></tr></table>');
    expect(html(once)).toBe(once);
  });

  it("handles unclosed tags and stray quotes without throwing", () => {
    expect(html('<p title="x>y')).not.toMatch(/<p title/);
    expect(html("<p")).toBe(""); // a tag cut off by the end of input is dropped, as browsers do
    expect(html("<")).toBe("&lt;");
    expect(html("")).toBe("");
  });

  it("is linear on large inputs", () => {
    const big = "<p>a<strong>b</strong></p>".repeat(20_000);
    const started = Date.now();
    expect(html(big).length).toBe(big.length);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe("safeHref and decodeEntities", () => {
  it("refuses schemes other than http(s)/mailto", () => {
    expect(safeHref(" https://a.pl ")).toBe("https://a.pl");
    expect(safeHref("ftp://a.pl")).toBeNull();
    expect(safeHref("\u0001javascript:x")).toBeNull();
    expect(safeHref("x/y:z")).toBe("x/y:z");
    expect(safeHref("?q=1")).toBe("?q=1");
  });
  it("decodes numeric references", () => {
    expect(decodeEntities("&#65;&#x42;&amp;")).toBe("AB&");
  });
});
