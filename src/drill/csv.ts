/** One cell of a CSV row: its unquoted value and where it was written (0-based offsets into the text). */
export interface CsvCell {
  value: string;
  /** Offset of the cell's first character (the opening quote of a quoted cell). */
  start: number;
  /** Offset just after the cell's last character (after the closing quote). */
  end: number;
  quoted: boolean;
}

/** One record. A quoted cell may span several lines, so a record is not always one line. */
export interface CsvRow {
  cells: CsvCell[];
  /** Offset where the record starts. */
  start: number;
}

/** A place where the text is not well-formed RFC 4180 (the reader still returns its best reading). */
export interface CsvProblem {
  kind: 'unclosed-quote' | 'text-after-quote';
  /** Offset of the opening quote (unclosed) or of the first character after the closing quote. */
  offset: number;
}

export interface CsvResult {
  rows: CsvRow[];
  problems: CsvProblem[];
  /** The delimiter used (given, or detected from the first record). */
  delimiter: string;
}

/** Delimiters the reader detects: comma (RFC 4180), tab (copied from a spreadsheet), semicolon (European Excel). */
const DELIMITERS = [',', '\t', ';'];

/**
 * Reads CSV text (RFC 4180): quoted cells with embedded delimiters, doubled quotes (`""`) and line breaks; CRLF, LF
 * or CR line ends; a leading BOM (offsets stay those of the text as given). Reading starts at `from` (default 0).
 * Completely empty lines are skipped;
 * rows keep whatever number of cells they have (ragged rows are the caller's to judge). Never throws; malformed
 * quoting is reported in `problems`. The delimiter is detected from the first record unless given.
 */
export function readCsv(text: string, opts: { delimiter?: string; from?: number } = {}): CsvResult {
  let i = opts.from ?? (text.charCodeAt(0) === 0xfeff ? 1 : 0);
  const delimiter = opts.delimiter ?? detectDelimiter(text, i);
  const rows: CsvRow[] = [];
  const problems: CsvProblem[] = [];
  const n = text.length;

  while (i < n) {
    const rowStart = i;
    const cells: CsvCell[] = [];
    let endOfRow = false;
    while (!endOfRow) {
      const start = i;
      let value = '';
      let quoted = false;
      if (text[i] === '"') {
        quoted = true;
        i++;
        let closed = false;
        while (i < n) {
          const q = text.indexOf('"', i);
          if (q < 0) { value += text.slice(i); i = n; break; }
          value += text.slice(i, q);
          if (text[q + 1] === '"') { value += '"'; i = q + 2; continue; }
          i = q + 1;
          closed = true;
          break;
        }
        if (!closed) problems.push({ kind: 'unclosed-quote', offset: start });
        // Anything between the closing quote and the delimiter is kept, as spreadsheets do, but reported.
        const after = i;
        while (i < n && text[i] !== delimiter && text[i] !== '\n' && text[i] !== '\r') i++;
        if (i > after) { problems.push({ kind: 'text-after-quote', offset: after }); value += text.slice(after, i); }
      } else {
        while (i < n && text[i] !== delimiter && text[i] !== '\n' && text[i] !== '\r') i++;
        value = text.slice(start, i);
      }
      cells.push({ value, start, end: i, quoted });
      if (i < n && text[i] === delimiter) { i++; continue; }
      // End of record: CRLF, LF, lone CR or end of text.
      if (text[i] === '\r') i++;
      if (text[i] === '\n') i++;
      endOfRow = true;
    }
    const blank = cells.length === 1 && !cells[0].quoted && cells[0].value.trim() === '';
    if (!blank) rows.push({ cells, start: rowStart });
  }
  return { rows, problems, delimiter };
}

/** The delimiter that occurs most (outside quotes) in the record starting at `from`; comma when none does. */
function detectDelimiter(text: string, from: number): string {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let inQuote = false;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === '"') inQuote = !inQuote;
    else if (!inQuote && (c === '\n' || c === '\r')) break;
    else if (!inQuote && counts.has(c)) counts.set(c, counts.get(c)! + 1);
  }
  let best = ',';
  for (const d of DELIMITERS) if (counts.get(d)! > counts.get(best)!) best = d;
  return best;
}
