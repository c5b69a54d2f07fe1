/** XML 1.0 text rules shared by every writer of XML, HTML and SVG: which characters may appear, and escaping. */

/** Characters XML 1.0 forbids anywhere (C0 controls other than TAB/LF/CR, lone surrogates, U+FFFE/U+FFFF). */
const ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Removes characters that XML 1.0 cannot contain, even as character references. */
export function stripIllegalXml(s: string): string {
  return s.replace(ILLEGAL, '');
}

/** Escapes text content: `& < > " '` become entities. */
export function escapeXml(s: string): string {
  return stripIllegalXml(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** Escapes an attribute value; line breaks and tabs become character references so parsers keep them. */
export function escapeAttr(s: string): string {
  return escapeXml(s).replace(/\r/g, '&#13;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}
