import { describe, expect, it } from 'vitest';
import { DIAGNOSTICS, makeContext } from './fixture.test-helper.js';
import { escapeAttr, escapeXml, junit, stripIllegalXml } from './junit.js';

interface XmlNode { name: string; attrs: Record<string, string>; children: XmlNode[]; text: string }

const ENTITY = /&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/y;
const decode = (s: string) => s.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_, e: string) =>
  ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[e] ??
  String.fromCodePoint(e.startsWith('#x') ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)));

/** A tiny, strict XML 1.0 well-formedness checker and parser (elements, attributes, text, entities). */
function parseXml(xml: string): XmlNode {
  if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/.test(xml)) throw new Error('illegal character');
  const decl = /^<\?xml version="1\.0" encoding="UTF-8"\?>\n/.exec(xml);
  if (!decl) throw new Error('missing XML declaration');
  let i = decl[0].length;
  const checkText = (s: string) => {
    for (let k = 0; k < s.length; k++) {
      if (s[k] === '<') throw new Error(`raw < in ${JSON.stringify(s)}`);
      if (s[k] === '&') { ENTITY.lastIndex = k; if (!ENTITY.test(s)) throw new Error(`bad entity in ${JSON.stringify(s)}`); }
    }
  };
  const root: XmlNode = { name: '#document', attrs: {}, children: [], text: '' };
  const stack: XmlNode[] = [root];
  const tag = /<(\/?)([A-Za-z_][\w.-]*)((?:\s+[A-Za-z_][\w.-]*="[^"]*")*)\s*(\/?)>/y;
  while (i < xml.length) {
    if (xml[i] === '<') {
      tag.lastIndex = i;
      const m = tag.exec(xml);
      if (!m) throw new Error(`bad tag at ${i}: ${xml.slice(i, i + 40)}`);
      i = tag.lastIndex;
      const [, close, name, rawAttrs, selfClose] = m;
      if (close) {
        const open = stack.pop()!;
        if (open.name !== name) throw new Error(`</${name}> closes <${open.name}>`);
        continue;
      }
      const attrs: Record<string, string> = {};
      for (const a of rawAttrs.matchAll(/([A-Za-z_][\w.-]*)="([^"]*)"/g)) {
        if (a[1] in attrs) throw new Error(`duplicate attribute ${a[1]}`);
        checkText(a[2]);
        attrs[a[1]] = decode(a[2]);
      }
      const node: XmlNode = { name, attrs, children: [], text: '' };
      stack[stack.length - 1].children.push(node);
      if (!selfClose) stack.push(node);
    } else {
      const next = xml.indexOf('<', i);
      const text = xml.slice(i, next < 0 ? xml.length : next);
      checkText(text);
      stack[stack.length - 1].text += decode(text);
      i = next < 0 ? xml.length : next;
    }
  }
  if (stack.length !== 1) throw new Error(`unclosed <${stack[stack.length - 1].name}>`);
  if (root.children.length !== 1) throw new Error('one root element expected');
  return root.children[0];
}

describe('junit', () => {
  it('is well-formed XML with one suite per file and one testcase per diagnostic', () => {
    const doc = parseXml(junit(DIAGNOSTICS, makeContext()));
    expect(doc.name).toBe('testsuites');
    expect(doc.attrs).toEqual({ name: 'yuan', tests: '6', failures: '4', errors: '0' });
    expect(doc.children.map((s) => [s.attrs.name, s.attrs.tests, s.attrs.failures])).toEqual([
      ['plans/chem/clean.md', '1', '0'],
      ['plans/chem/fire.yaml', '2', '2'],
      ['plans/chem/leak.md', '3', '2'],
    ]);
    expect(doc.children[2].children.map((t) => t.attrs.name)).toEqual(['level-overlap 14:15', 'role-undefined 21:24', 'report-deadline 21:35']);
  });

  it('gives clean files a passing testcase', () => {
    const clean = parseXml(junit(DIAGNOSTICS, makeContext())).children[0];
    expect(clean.children).toEqual([{ name: 'testcase', attrs: { classname: 'plans/chem/clean.md', name: 'yuan lint', file: 'plans/chem/clean.md' }, children: [], text: '' }]);
  });

  it('reports errors and warnings as failures with the place in the body, infos as passing output', () => {
    const leak = parseXml(junit(DIAGNOSTICS, makeContext())).children[2];
    const [overlap, role, deadline] = leak.children;
    expect(role.attrs).toEqual({ classname: 'plans/chem/leak.md', name: 'role-undefined 21:24', file: 'plans/chem/leak.md', line: '21' });
    expect(role.children[0].name).toBe('failure');
    expect(role.children[0].attrs).toEqual({ message: 'Unexpected unknown role `reportng`, expected a role of the organization table', type: 'error' });
    expect(role.children[0].text.split('\n')[0]).toBe('plans/chem/leak.md:21:24-21:32 error role-undefined');
    expect(overlap.children[0].attrs.type).toBe('warning');
    expect(overlap.children[0].text).toContain('↳ level III defined here: plans/chem/leak.md:13:16');
    expect(deadline.children.map((c) => c.name)).toEqual(['system-out']);
    expect(deadline.children[0].text).toContain('生产安全事故报告和调查处理条例 第九条');
  });

  it('escapes & < > " \' and keeps newlines in attributes', () => {
    const xml = junit(DIAGNOSTICS, makeContext());
    expect(xml).toContain('message="Unexpected operator &quot;&lt;&gt;&quot; in `gas_ppm &lt;&gt; 30 &amp;&amp; fire`, expected &quot;!=&quot; (100% of triggers must parse)&#10;use != &amp; and instead"');
    const failure = parseXml(xml).children[1].children[1].children[0];
    expect(failure.attrs.message).toBe(DIAGNOSTICS[3].message);
    expect(failure.text).toContain(DIAGNOSTICS[3].message);
    expect(escapeXml(`a&b<c>d"e'f`)).toBe('a&amp;b&lt;c&gt;d&quot;e&apos;f');
    expect(escapeAttr('x\ny\tz\r')).toBe('x&#10;y&#9;z&#13;');
  });

  it('strips characters XML 1.0 forbids, keeping tabs, newlines and astral characters', () => {
    expect(stripIllegalXml('a\u0000b\u0008c\u000Bd\u001Fe\tf\ng\uFFFEh\uD800i\uDC00j😀')).toBe('abcde\tf\nghij😀');
    const d = { ...DIAGNOSTICS[0], message: 'bad\u0000byte\u0007 & 名称' };
    const doc = parseXml(junit([d], makeContext({ lang: 'en', sources: new Map() })));
    expect(doc.children[0].children[0].children[0].attrs.message).toBe('badbyte & 名称');
  });

  it('uses the Chinese message with --lang zh', () => {
    const doc = parseXml(junit(DIAGNOSTICS, makeContext({ lang: 'zh' })));
    expect(doc.children[2].children[1].children[0].attrs.message).toBe('未知角色 `reportng`，应为组织机构表中的角色');
  });

  it('writes an empty but valid report when nothing was linted', () => {
    const doc = parseXml(junit([], makeContext({ sources: new Map() })));
    expect(doc).toEqual({ name: 'testsuites', attrs: { name: 'yuan', tests: '0', failures: '0', errors: '0' }, children: [], text: '\n' });
  });
});
