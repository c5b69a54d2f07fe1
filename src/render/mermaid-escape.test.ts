import { describe, expect, it } from 'vitest';
import { IdMap, encodeLine, hash36, label, plainLines, stripEmoji, truncate, wrapLine } from './mermaid-escape.js';
import { HOSTILE } from './mermaid-fixture.test-helper.js';
import { flowDb, ganttDb, shownText, stateDb } from './mermaid-parse.test-helper.js';

/** What a label shows once Mermaid has decoded its entity codes (the same decoding as the helper's shownText). */
function decodeLabel(s: string): string {
  const named: Record<string, string> = { quot: '"', lt: '<', gt: '>', amp: '&' };
  return s.replace(/<br\/>/g, '\n')
    .replace(/#(\w+);/g, (m, n: string) => (/^\d+$/.test(n) ? String.fromCodePoint(Number(n)) : named[n] ?? m));
}

const SPECIALS = /["<>|;`[\]{}()#%:&\\]/;

describe('label', () => {
  it.each(Object.entries(HOSTILE))('%s: only entity codes, and decodes back to the text', (_, text) => {
    const out = label(text);
    // Outside entity codes and our own <br/>, no character that means something to a Mermaid grammar or to HTML.
    const bare = out.replace(/#\w+;/g, '').replace(/<br\/>/g, '');
    expect(bare).not.toMatch(SPECIALS);
    expect(decodeLabel(out)).toBe(plainLines(text).join('\n'));
  });

  it('never lets <script> through, in any context', () => {
    for (const ctx of ['flow', 'line', 'task'] as const) {
      const out = label(HOSTILE.script, ctx);
      expect(out).not.toMatch(/<script/i);
      expect(out).toBe('#lt;script#gt;alert#40;1#41;#lt;/script#gt;');
    }
  });

  it('turns newlines into <br/> in flow labels and spaces in line labels', () => {
    expect(label('一\n二\r\n三')).toBe('一<br/>二<br/>三');
    expect(label('一\n二', 'line')).toBe('一 二');
  });

  it('strips emoji (no emoji font in the renderer) but keeps text symbols', () => {
    expect(label(HOSTILE.emoji)).toBe('起火 注意 消防员');
    expect(stripEmoji('⚠ 注意 © ™ ≥ ℃')).toBe('⚠ 注意 © ™ ≥ ℃');
    expect(stripEmoji('✅完成🚒')).toBe('完成');
  });

  it('strips bidi overrides and zero-width characters', () => {
    expect(label(HOSTILE.bidi)).toBe('abcdcba');
  });

  it('gives a placeholder for empty text', () => {
    expect(label('')).toBe('—');
    expect(label('🔥')).toBe('—');
  });

  it('guards a gantt task name that starts with a keyword', () => {
    expect(label('section x', 'task')).toBe('#115;ection x');
    expect(label('click me', 'task')).toBe('#99;lick me');
    expect(label('2024-01-01 发布', 'task')).toBe('#50;024-01-01 发布');
    expect(label('1. 报警', 'task')).toBe('1. 报警');
    expect(label('section x', 'line')).toBe('section x');
  });

  it('wraps to the given width', () => {
    expect(label('发现泄漏立即报警，报告位置、介质和泄漏情况', 'flow', { width: 24 })).toBe('发现泄漏立即报警，<br/>报告位置、介质和泄漏情况');
  });
});

describe('wrapLine', () => {
  it('breaks CJK text at clause punctuation when the line stays reasonably full', () => {
    expect(wrapLine('确认安全后关闭紧急切断阀，切断泄漏源', 24)).toEqual(['确认安全后关闭紧急切断', '阀，切断泄漏源']);
    expect(wrapLine('设置警戒区，疏导无关人员，实施厂区交通管制', 24)).toEqual(['设置警戒区，', '疏导无关人员，', '实施厂区交通管制']);
  });

  it('does not start a line with closing punctuation', () => {
    for (const l of wrapLine('一二三四五六七八九十一二，三四五六七八九十', 24)) expect(l).not.toMatch(/^[，。、]/);
  });

  it('keeps Latin words and numbers with units whole', () => {
    expect(wrapLine('Deploy mobile pumps to waterlogging points and underpasses', 24))
      .toEqual(['Deploy mobile pumps to', 'waterlogging points and', 'underpasses']);
    expect(wrapLine('设置警戒区（IV级50米，II级以上300米）', 20).join('|')).not.toMatch(/50\|米|300\|米/);
  });

  it('keeps no-break-space groups together and prints them with plain spaces', () => {
    const lines = wrapLine('扩散至厂外 或 死亡人数\u00A0≥\u00A03\u00A0人 或 泄漏量\u00A0≥\u00A01000\u00A0kg', 24);
    expect(lines).toEqual(['扩散至厂外 或', '死亡人数 ≥ 3 人 或', '泄漏量 ≥ 1000 kg']);
  });

  it('cuts a word longer than the line', () => {
    expect(wrapLine('abcdefghijklmnopqrstuvwxyz', 10)).toEqual(['abcdefghij', 'klmnopqrst', 'uvwxyz']);
  });

  it('rebalances a short last line', () => {
    // Greedy would leave '点人数' alone on the last line.
    expect(wrapLine('11. 疏散周边单位人员并清点人数', 24)).toEqual(['11. 疏散周边单位', '人员并清点人数']);
  });

  it('never exceeds the width except for a single wide character', () => {
    const text = '佩戴空气呼吸器进入现场搜救被困人员、实施堵漏，Deploy boat teams on the first report of trapped persons';
    for (const w of [6, 10, 16, 24, 40]) for (const l of wrapLine(text, w)) expect([...l].reduce((n, c) => n + (c.charCodeAt(0) > 0x2e80 ? 2 : 1), 0)).toBeLessThanOrEqual(w);
  });
});

describe('truncate', () => {
  it('cuts by display width with an ellipsis', () => {
    expect(truncate('研判泄漏规模，确定响应级别并通知应急小组', 12)).toBe('研判泄漏规…');
    expect(truncate('短', 12)).toBe('短');
  });
});

describe('IdMap', () => {
  it('prefixes every id, so Mermaid keywords are safe', () => {
    const ids = new IdMap();
    for (const k of ['end', 'style', 'subgraph', 'click', 'class', 'classDef', 'graph', 'flowchart', 'default', 'note', 'state', 'direction']) {
      expect(ids.get('s', k)).toBe(`s_${k}`);
    }
  });

  it('hashes non-ASCII ids stably and keeps ids to [A-Za-z0-9_]', () => {
    const a = new IdMap().get('s', '报警');
    const b = new IdMap().get('s', '报警');
    expect(a).toBe(b);
    expect(a).toBe(`s_x${hash36('报警')}`);
    for (const raw of ['报警', 'a.b', 'a b', '-x', 'x"y', '<script>', '']) expect(new IdMap().get('s', raw)).toMatch(/^s_[A-Za-z0-9_]+$/);
  });

  it('resolves collisions in registration order and returns the same id for the same input', () => {
    const ids = new IdMap();
    expect(ids.get('s', 'a-b')).toBe('s_a_b');
    expect(ids.get('s', 'a_b')).toBe('s_a_b_2');
    expect(ids.get('s', 'a-b')).toBe('s_a_b');
    expect(ids.get('r', 'a-b')).toBe('r_a_b');
  });
});

describe('encodeLine', () => {
  it('codes each special character', () => {
    expect(encodeLine('"#;:|`<>&%[]{}()\\')).toBe('#quot;#35;#59;#58;#124;#96;#lt;#gt;#amp;#37;#91;#93;#123;#125;#40;#41;#92;');
  });
});

// The same labels, parsed by Mermaid: the text Mermaid holds must decode back to exactly what we meant.
describe('labels survive Mermaid’s own parser', () => {
  const cases = Object.entries(HOSTILE);

  it.each(cases)('flowchart node, edge and subgraph: %s', async (_, text) => {
    const l = label(text);
    const src = `flowchart TB\n  subgraph g_1["${l}"]\n    n_a["${l}"]\n  end\n  n_b{"${l}"}\n  n_a -->|"${l}"| n_b\n  n_a -.->|"${l}"| n_c(["${l}"])\n`;
    const db = await flowDb(src);
    expect([...db.vertices.keys()].sort()).toEqual(['n_a', 'n_b', 'n_c']);
    const expected = plainLines(text).join('\n') || '—';
    for (const v of db.vertices.values()) expect(shownText(v.text ?? '')).toBe(expected);
    expect(db.edges).toHaveLength(2);
    for (const e of db.edges) expect(shownText(e.text)).toBe(expected);
    expect(db.subgraphs.map((s) => shownText(s.title))).toEqual([expected]);
  });

  it.each(cases)('state description, transition and note: %s', async (_, text) => {
    const l = label(text);
    const src = `stateDiagram-v2\n  state "${l}" as a\n  a : ${l}\n  [*] --> a\n  a --> b : ${l}\n  note right of b : ${l}\n`;
    const db = await stateDb(src);
    expect([...db.states.keys()].filter((k) => !k.includes('start')).sort()).toEqual(['a', 'b']);
    const expected = plainLines(text).join('\n') || '—';
    expect(db.states.get('a')!.descriptions!.map(shownText)).toEqual([expected, expected]);
    expect(shownText(db.relations.find((r) => r.id1 === 'a')!.relationTitle!)).toBe(expected);
    expect(shownText(db.states.get('b')!.note!.text)).toBe(expected);
  });

  it.each(cases)('gantt title, section and task: %s', async (_, text) => {
    const src = `gantt\n  title ${label(text, 'line')}\n  dateFormat YYYY-MM-DD HH:mm:ss\n  section ${label(text, 'line')}\n  ${label(text, 'task')} : t_1, 2000-01-01 00:00:00, 2000-01-01 00:05:00\n`;
    const db = await ganttDb(src);
    const expected = plainLines(text).join(' ') || '—';
    expect(shownText(db.title)).toBe(expected);
    expect(db.sections.map(shownText)).toEqual([expected]);
    expect(db.tasks).toHaveLength(1);
    expect(shownText(db.tasks[0].task).trim()).toBe(expected);
    expect(db.tasks[0].id).toBe('t_1');
  });
});
