/**
 * Splits a PDF printed by Chromium (Skia: classic cross-reference table, direct stream lengths, no object streams)
 * into documents of consecutive pages. `yuan render --format pdf` prints every chart of a batch as one document and
 * splits it: Chromium's cost is per printed document (a new page, a font subset of Noto CJK each time), so one print
 * instead of ten is about three times cheaper. Each part keeps only the objects its pages reach; fonts are shared
 * subsets, copied into every part that uses them.
 */

/** One indirect object of the source: its number and the bytes between `N 0 obj` and `endobj`. */
interface PdfObject { num: number; body: Buffer; dict: string }

const latin1 = (b: Buffer) => b.toString('latin1');

/** Parses the objects of a Skia PDF. Throws on anything it does not understand (the caller falls back). */
function parseObjects(pdf: Buffer): Map<number, PdfObject> {
  const objects = new Map<number, PdfObject>();
  const head = /(\d+) 0 obj\s*/y;
  let pos = 0;
  const text = latin1(pdf);
  for (;;) {
    const start = text.indexOf(' 0 obj', pos);
    if (start < 0) break;
    let numStart = start;
    while (numStart > 0 && text.charCodeAt(numStart - 1) >= 48 && text.charCodeAt(numStart - 1) <= 57) numStart--;
    head.lastIndex = numStart;
    const m = head.exec(text);
    if (!m) { pos = start + 6; continue; }
    const num = Number(m[1]);
    const bodyStart = head.lastIndex;
    const streamAt = text.indexOf('stream', bodyStart);
    const endAt = text.indexOf('endobj', bodyStart);
    if (endAt < 0) throw new Error(`PDF object ${num} has no endobj`);
    let end = endAt;
    if (streamAt >= 0 && streamAt < endAt) {
      // A stream: skip its data by /Length (direct in Skia's output), then find endobj after it.
      const dict = text.slice(bodyStart, streamAt);
      const len = /\/Length (\d+)(?! \d+ R)/.exec(dict);
      if (!len) throw new Error(`PDF object ${num}: stream without a direct /Length`);
      let dataStart = streamAt + 'stream'.length;
      if (text[dataStart] === '\r') dataStart++;
      if (text[dataStart] === '\n') dataStart++;
      end = text.indexOf('endobj', dataStart + Number(len[1]));
      if (end < 0) throw new Error(`PDF object ${num} has no endobj`);
      objects.set(num, { num, body: pdf.subarray(bodyStart, end), dict });
    } else {
      objects.set(num, { num, body: pdf.subarray(bodyStart, end), dict: text.slice(bodyStart, end) });
    }
    pos = end + 'endobj'.length;
  }
  return objects;
}

const refs = (dict: string) => [...dict.matchAll(/(\d+) 0 R/g)].map((m) => Number(m[1]));

/** The page objects in reading order, from the trailer's /Root. */
function pageOrder(pdf: Buffer, objects: Map<number, PdfObject>): number[] {
  const text = latin1(pdf);
  const trailer = text.slice(text.lastIndexOf('trailer'));
  const root = /\/Root (\d+) 0 R/.exec(trailer);
  if (!root) throw new Error('PDF trailer has no /Root');
  const catalog = objects.get(Number(root[1]));
  const pagesRef = catalog && /\/Pages (\d+) 0 R/.exec(catalog.dict);
  if (!pagesRef) throw new Error('PDF catalog has no /Pages');
  const out: number[] = [];
  const walk = (num: number, depth: number) => {
    const o = objects.get(num);
    if (!o || depth > 64) throw new Error(`PDF page tree: bad node ${num}`);
    if (/\/Type \/Page\b(?!s)/.test(o.dict)) { out.push(num); return; }
    const kids = /\/Kids \[([^\]]*)\]/.exec(o.dict);
    if (!kids) throw new Error(`PDF page tree node ${num} has no /Kids`);
    for (const k of refs(kids[1])) walk(k, depth + 1);
  };
  walk(Number(pagesRef[1]), 0);
  return out;
}

/** UTF-16BE hex string for a PDF text string (titles). */
const pdfText = (s: string) => `<FEFF${[...Buffer.from(s, 'utf16le').swap16()].map((b) => b.toString(16).padStart(2, '0')).join('').toUpperCase()}>`;

/**
 * Splits `pdf` into parts of `counts[i]` consecutive pages (their sum must be the page count), each titled
 * `titles[i]`. Throws when the PDF is not one it can split.
 */
export function splitPdf(pdf: Uint8Array, counts: number[], titles: string[] = []): Buffer[] {
  const src = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  const objects = parseObjects(src);
  const pages = pageOrder(src, objects);
  const total = counts.reduce((a, b) => a + b, 0);
  if (total !== pages.length) throw new Error(`PDF has ${pages.length} pages, expected ${total}`);
  const maxNum = Math.max(0, ...objects.keys());
  const parts: Buffer[] = [];
  let first = 0;
  counts.forEach((count, i) => {
    const mine = pages.slice(first, first + count);
    first += count;
    const pagesNum = maxNum + 1;
    const catalogNum = maxNum + 2;
    const infoNum = maxNum + 3;
    // Objects the pages reach, the old page tree left out (a page's /Parent is rewritten to the part's own).
    const keep = new Set<number>();
    const stack = [...mine];
    while (stack.length) {
      const n = stack.pop()!;
      if (keep.has(n)) continue;
      const o = objects.get(n);
      if (!o) continue;
      keep.add(n);
      const dict = mine.includes(n) ? o.dict.replace(/\/Parent \d+ 0 R/, '') : o.dict;
      for (const r of refs(dict)) if (!keep.has(r)) stack.push(r);
    }
    const chunks: Buffer[] = [Buffer.from('%PDF-1.4\n%\xD3\xEB\xE9\xE1\n', 'latin1')];
    let offset = chunks[0].length;
    const offsets = new Map<number, number>();
    const emit = (num: number, body: Buffer) => {
      const b = Buffer.concat([Buffer.from(`${num} 0 obj\n`, 'latin1'), body, Buffer.from('endobj\n', 'latin1')]);
      offsets.set(num, offset);
      chunks.push(b);
      offset += b.length;
    };
    for (const n of [...keep].sort((a, b) => a - b)) {
      const o = objects.get(n)!;
      emit(n, mine.includes(n) ? Buffer.from(latin1(o.body).replace(/\/Parent \d+ 0 R/, `/Parent ${pagesNum} 0 R`), 'latin1') : o.body);
    }
    emit(pagesNum, Buffer.from(`<</Type /Pages\n/Count ${mine.length}\n/Kids [${mine.map((n) => `${n} 0 R`).join(' ')}]>>\n`, 'latin1'));
    emit(catalogNum, Buffer.from(`<</Type /Catalog\n/Pages ${pagesNum} 0 R>>\n`, 'latin1'));
    emit(infoNum, Buffer.from(`<<${titles[i] ? `/Title ${pdfText(titles[i])}\n` : ''}/Producer (yuan, from Skia/PDF)>>\n`, 'latin1'));
    const size = infoNum + 1;
    const xref = ['xref', `0 ${size}`, '0000000000 65535 f '];
    for (let n = 1; n < size; n++) {
      const at = offsets.get(n);
      xref.push(at === undefined ? '0000000000 00000 f ' : `${String(at).padStart(10, '0')} 00000 n `);
    }
    chunks.push(Buffer.from(`${xref.join('\n')}\ntrailer\n<</Size ${size}\n/Root ${catalogNum} 0 R\n/Info ${infoNum} 0 R>>\nstartxref\n${offset}\n%%EOF\n`, 'latin1'));
    parts.push(Buffer.concat(chunks));
  });
  return parts;
}
