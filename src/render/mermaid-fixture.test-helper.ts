/** Test fixtures for the Mermaid generators: a small plan builder and a plan full of hostile text. */
import { parseExpr } from '../expr/index.js';
import type { Duration, Fact, Level, Plan, Role, Step, Trigger } from '../model/index.js';

export function trigger(text: string): Trigger {
  const r = parseExpr(text);
  return { text, ast: r.ast };
}

export function minutes(m: number, anchor: Duration['anchor'] = { kind: 'incident' }): Duration {
  return { kind: 'limit', seconds: m * 60, text: `${m}分钟`, anchor };
}

export function step(id: string, action: string, role: string | undefined, extra: Partial<Step> = {}): Step {
  return { id, action, role, levels: [], after: [], afterAny: [], alternatives: [], support: [], resources: [], notify: [], ...extra };
}

export function role(id: string, name: string, holder?: string): Role {
  return { id, name, holder, deputies: [], duties: [] };
}

export function level(id: string, rank: number, extra: Partial<Level> = {}): Level {
  const out: Level = { id, rank, criteria: [], deciderAlternatives: [], ...extra };
  if (extra.trigger && !extra.criteria) out.criteria = [extra.trigger];
  return out;
}

export function plan(parts: Partial<Plan> & { title?: string; language?: string }): Plan {
  const { title, language, ...rest } = parts;
  return {
    file: 'fixture.yaml', format: 'yaml',
    meta: { id: 'fixture', title: title ?? '测试预案', kind: 'special', language },
    facts: [], roles: [], warnings: [], levels: [], standby: [], constraints: [], steps: [], escalations: [], resources: [], reports: [], sections: [],
    ...rest,
  };
}

/** Text that tries every way out of a Mermaid label. */
export const HOSTILE = {
  inject: '"]; click A call alert(1) %%',
  script: '<script>alert(1)</script>',
  html: '<img src=x onerror=alert(1)> & <b>bold</b>',
  pipes: 'a|b|c -->|x| B',
  entity: '#quot; #lt;script#gt; #35; &amp; &lt;',
  backtick: '`**markdown**` ```fence```',
  brackets: '[x] {y} (z) ((w)) [[v]] {{u}} >t]',
  semicolon: 'a; b; style A fill:#f00; classDef x fill:#000',
  newline: 'line one\nline two\r\nline three\u2028four',
  keywords: 'end',
  emoji: '🔥 起火 ⚠️ 注意 👨‍🚒 消防员 🇨🇳',
  gantt: 'section x : crit, 2000-01-01, 1d',
  comment: '%%{init: {"securityLevel": "loose"}}%%',
  bidi: 'abc\u202Edcba\u200B',
} as const;

const facts: Fact[] = [
  { id: 'leak_kg', label: '泄漏量 "<b>"', type: 'number', unit: 'kg' },
  { id: 'fire', label: '起火 | 爆炸', type: 'boolean' },
  { id: 'medium', label: '介质', type: 'enum', values: ['ammonia', 'chlorine'] },
];

/**
 * A plan whose every label is hostile and whose ids are Mermaid keywords, CJK, or collide after sanitising:
 * step ids `end`, `style`, `subgraph`, `click`, `报警`, `a-b`/`a_b`, role ids `end`/`subgraph`, level ids `end`/`class`.
 */
export function hostilePlan(): Plan {
  const h = HOSTILE;
  return plan({
    title: `${h.script} ${h.inject}`,
    facts,
    roles: [
      role('end', h.inject, h.script),
      role('subgraph', h.keywords, h.semicolon),
      role('值班', '值班长 🔥', '当班'),
      role('style', h.brackets),
    ],
    levels: [
      level('end', 1, { name: h.script, colour: 'red', trigger: trigger('leak_kg >= 100 or fire'), decidedBy: 'end', activation: minutes(15) }),
      level('class', 2, { name: h.inject, colour: 'yellow', trigger: trigger("leak_kg < 100 and not fire and medium in [ammonia, 'chlorine']"), decidedBy: '值班', activation: minutes(5) }),
    ],
    steps: [
      step('报警', h.newline, '值班', { deadline: minutes(1) }),
      step('end', h.inject, 'end', { after: ['报警'], deadline: minutes(3) }),
      step('style', h.script, 'subgraph', { after: ['报警'], levels: ['end'], deadline: minutes(10) }),
      step('subgraph', h.html, 'style', { after: ['style'], levels: ['end'], deadline: minutes(5, { kind: 'step', step: 'style' }) }),
      step('click', h.pipes, 'end', { after: ['end'], levels: ['class'], deadline: minutes(20), condition: trigger('leak_kg >= 10') }),
      step('a-b', h.entity, '值班', { after: ['end'], deadline: minutes(30) }),
      step('a_b', h.backtick, '值班', { after: ['a-b'], deadline: minutes(5, { kind: 'level' }) }),
      step('a.b', h.brackets, undefined, { after: ['a_b'] }),
      step('x1', h.semicolon, 'ghost-role', { after: ['end'], deadline: minutes(40) }),
      step('x2', h.emoji, '值班', { after: ['x1'], deadline: minutes(45) }),
      step('x3', h.gantt, 'subgraph', { after: ['x1'], deadline: minutes(50) }),
      step('x4', h.comment, 'subgraph', { after: ['x3'], deadline: minutes(55) }),
      step('x5', h.bidi, 'subgraph', { after: ['x4'], deadline: minutes(58) }),
      step('x6', h.keywords, 'subgraph', { after: ['x5'], deadline: minutes(59) }),
    ],
    escalations: [
      { from: 'class', to: 'end', when: trigger('leak_kg >= 100') },
      { from: 'end', to: 'class', when: { text: h.inject } },
    ],
    termination: { when: { text: h.script }, decidedBy: 'end', followUp: { kind: 'limit', seconds: 86400, text: '24小时', anchor: { kind: 'incident' } } },
    reports: [{ to: h.inject, within: minutes(60), by: 'end', levels: [] }, { to: h.script, within: minutes(60), levels: ['end'] }],
  });
}
