import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCsv } from './csv.js';

const values = (text: string, opts?: { delimiter?: string }) => readCsv(text, opts).rows.map((r) => r.cells.map((c) => c.value));

describe('readCsv', () => {
  it('reads plain rows', () => {
    expect(values('a,b,c\n1,2,3\n')).toEqual([['a', 'b', 'c'], ['1', '2', '3']]);
  });

  it('keeps commas inside quoted cells', () => {
    expect(values('id,text\n1,"通知值班长, 副总指挥"\n')).toEqual([['id', 'text'], ['1', '通知值班长, 副总指挥']]);
  });

  it('reads doubled quotes as one quote', () => {
    expect(values('a\n"he said ""go"""\n"""x"""\n""\n')).toEqual([['a'], ['he said "go"'], ['"x"'], ['']]);
  });

  it('reads CRLF, LF and lone CR line ends', () => {
    expect(values('a,b\r\n1,2\r\n3,4\n5,6\r7,8')).toEqual([['a', 'b'], ['1', '2'], ['3', '4'], ['5', '6'], ['7', '8']]);
  });

  it('keeps line breaks (CRLF too) inside quoted cells', () => {
    const r = readCsv('a,b\r\n1,"第一行\r\n第二行"\r\n2,x\r\n');
    expect(r.rows.map((x) => x.cells.map((c) => c.value))).toEqual([['a', 'b'], ['1', '第一行\r\n第二行'], ['2', 'x']]);
    expect(r.rows[2].start).toBe('a,b\r\n1,"第一行\r\n第二行"\r\n'.length);
  });

  it('skips a BOM but keeps offsets into the text as given', () => {
    const r = readCsv('\uFEFF时间,角色\n09:30,值班长\n');
    expect(r.rows[0].cells[0]).toEqual({ value: '时间', start: 1, end: 3, quoted: false });
    expect(r.rows[1].cells[1].start).toBe('\uFEFF时间,角色\n09:30,'.length);
  });

  it('returns ragged rows as they are', () => {
    expect(values('a,b,c\n1\n1,2,3,4\n')).toEqual([['a', 'b', 'c'], ['1'], ['1', '2', '3', '4']]);
  });

  it('keeps empty cells, including a trailing one', () => {
    expect(values('a,,c,\n,,\n')).toEqual([['a', '', 'c', ''], ['', '', '']]);
  });

  it('skips blank lines but not a row of empty quoted cells', () => {
    expect(values('a\n\n\n""\nb\n\n')).toEqual([['a'], [''], ['b']]);
  });

  it('records where each cell is, quotes included', () => {
    const r = readCsv('x,"a,b",c');
    expect(r.rows[0].cells).toEqual([
      { value: 'x', start: 0, end: 1, quoted: false },
      { value: 'a,b', start: 2, end: 7, quoted: true },
      { value: 'c', start: 8, end: 9, quoted: false },
    ]);
  });

  it('reports an unclosed quote at the quote and keeps the rest as the cell', () => {
    const r = readCsv('a,b\n1,"未闭合\n2,3\n');
    expect(r.problems).toEqual([{ kind: 'unclosed-quote', offset: 6 }]);
    expect(r.rows[1].cells[1].value).toBe('未闭合\n2,3\n');
  });

  it('reports text after a closing quote and keeps it', () => {
    const r = readCsv('"ab"c,d\n');
    expect(r.problems).toEqual([{ kind: 'text-after-quote', offset: 4 }]);
    expect(r.rows[0].cells.map((c) => c.value)).toEqual(['abc', 'd']);
  });

  it('takes a quote inside an unquoted cell literally', () => {
    expect(values('5"3,x\n')).toEqual([['5"3', 'x']]);
  });

  it('detects tab and semicolon delimiters from the first record', () => {
    expect(values('a\tb\n1,5\t2\n')).toEqual([['a', 'b'], ['1,5', '2']]);
    expect(values('a;b;c\n1,5;2;3\n')).toEqual([['a', 'b', 'c'], ['1,5', '2', '3']]);
    expect(readCsv('"a;b",c\n').delimiter).toBe(',');
  });

  it('starts at `from`', () => {
    const r = readCsv('# 注释, "不闭合\nx,y\n', { from: '# 注释, "不闭合\n'.length });
    expect(r.rows.map((x) => x.cells.map((c) => c.value))).toEqual([['x', 'y']]);
    expect(r.problems).toEqual([]);
  });

  it('reads back what an RFC 4180 writer wrote', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', '中', ',', '"', '\n', '\r\n', ' ', ';', '\t') , maxLength: 8 });
    fc.assert(fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 5 }), (rows) => {
      const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
      const text = rows.map((r) => r.map(quote).join(',')).join('\r\n');
      expect(values(text, { delimiter: ',' })).toEqual(rows);
    }));
  });

  it('never throws on arbitrary text', () => {
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom('a', '"', ',', '\n', '\r', '\uFEFF', ';', '\t'), maxLength: 40 }), (s) => {
      const r = readCsv(s);
      expect(Array.isArray(r.rows)).toBe(true);
    }));
  });
});
