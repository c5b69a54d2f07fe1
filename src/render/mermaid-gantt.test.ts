import { afterEach, describe, expect, it } from 'vitest';
import type { Plan } from '../model/index.js';
import { parsePlanFile } from '../parse/index.js';
import { stepsAt } from '../model/query.js';
import { absoluteDeadlines } from '../model/deadlines.js';
import { clock, gantt, timeline } from './mermaid-gantt.js';
import { hostilePlan, level, minutes, plan as makePlan, role, step } from './mermaid-fixture.test-helper.js';
import { ganttDb, shownText, type GanttTaskView } from './mermaid-parse.test-helper.js';

const leak = parsePlanFile('plans/chem/hazardous-chemical-leak.md').plan!;
const general = parsePlanFile('plans/chem/general.md').plan!;

/** Seconds from the incident of a date Mermaid computed (local time, like Mermaid's own axis). */
const since = (d: Date) => (d.getTime() - new Date(2000, 0, 1).getTime()) / 1000;
const byId = (tasks: GanttTaskView[]) => new Map(tasks.map((t) => [t.id, t] as const));

describe('gantt: the leak plan', () => {
  it.each(['I', 'II', 'III', 'IV'])('level %s: a bar per step from its prerequisites\' deadlines to its own', async (id) => {
    const db = await ganttDb(gantt(leak, id));
    const tasks = byId(db.tasks);
    const abs = absoluteDeadlines(leak, id);
    const steps = stepsAt(leak, id);
    expect(db.tasks.filter((t) => !t.milestone).map((t) => t.id).sort()).toEqual(steps.map((s) => `s_${s.id.replace(/-/g, '_')}`).sort());
    for (const s of steps) {
      const t = tasks.get(`s_${s.id.replace(/-/g, '_')}`)!;
      const start = Math.max(0, ...s.after.filter((a) => steps.some((x) => x.id === a)).map((a) => abs.get(a)?.seconds ?? 0));
      expect(since(t.startTime), s.id).toBe(start);
      expect(since(t.endTime), s.id).toBe(abs.get(s.id)!.seconds);
    }
  });

  it('puts hand-checked times on the bars', async () => {
    const t = byId((await ganttDb(gantt(leak, 'II'))).tasks);
    expect([since(t.get('s_alarm')!.startTime), since(t.get('s_alarm')!.endTime)]).toEqual([0, 60]);
    expect([since(t.get('s_assess')!.startTime), since(t.get('s_assess')!.endTime)]).toEqual([60, 300]);
    // first-aid: 10 min after rescue (15 min) → from 15 to 25 min.
    expect([since(t.get('s_first_aid')!.startTime), since(t.get('s_first_aid')!.endTime)]).toEqual([900, 1500]);
    expect(since(t.get('s_report')!.endTime)).toBe(3600);
    expect(shownText(t.get('s_first_aid')!.task).trim()).toBe('6. 检伤分类、现场急救，呼叫120并… ≤ 25分钟');
  });

  it('has one section per role with steps, then the milestones', async () => {
    const db = await ganttDb(gantt(leak, 'I'));
    const roles = leak.roles.filter((r) => stepsAt(leak, 'I').some((s) => s.role === r.id)).map((r) => r.name);
    expect([...db.sections].sort()).toEqual([...roles, '里程碑'].sort());
    expect(db.sections[0]).toBe('岗位操作工');
    expect(db.sections.at(-1)).toBe('里程碑');
    expect(shownText(db.title)).toBe('危险化学品泄漏事故专项应急预案 I级（社会级）时间线');
  });

  it('marks the level activation deadline and the reports due at the level as milestones', async () => {
    const m = (await ganttDb(gantt(leak, 'I'))).tasks.filter((t) => t.milestone);
    expect(m.map((t) => [shownText(t.task).trim(), since(t.startTime)])).toEqual([
      ['I级响应启动 ≤ 15分钟', 900],
      ['向县应急管理局、县生态环境局报告 ≤ 1小时', 3600],
    ]);
    const m4 = (await ganttDb(gantt(leak, 'IV'))).tasks.filter((t) => t.milestone);
    expect(m4.map((t) => shownText(t.task).trim())).toEqual(['IV级响应启动 ≤ 5分钟']);
  });

  it('writes a minutes axis from 00:00', () => {
    const text = gantt(leak, 'II');
    expect(text).toContain('\n  dateFormat YYYY-MM-DD HH:mm:ss\n  axisFormat %H:%M\n  tickInterval 5minute\n');
  });

  it('rejects an unknown level', () => {
    expect(() => gantt(leak, 'V')).toThrow(RangeError);
  });
});

describe('gantt: time zones', () => {
  const saved = process.env.TZ;
  afterEach(() => { if (saved === undefined) delete process.env.TZ; else process.env.TZ = saved; });

  it.each(['Asia/Shanghai', 'America/New_York', 'UTC', 'Pacific/Chatham'])('the incident is at 00:00 local time in %s', async (tz) => {
    process.env.TZ = tz;
    // The zone change took effect (Node re-reads TZ when it is assigned).
    if (tz === 'Asia/Shanghai') expect(new Date(2000, 0, 1).getTimezoneOffset()).toBe(-480);
    const t = byId((await ganttDb(gantt(leak, 'II'))).tasks);
    const alarm = t.get('s_alarm')!.startTime;
    // d3's local timeFormat('%H:%M') of this date is what the axis shows.
    expect([alarm.getHours(), alarm.getMinutes()]).toEqual([0, 0]);
    expect(since(t.get('s_report')!.endTime)).toBe(3600);
  });
});

describe('gantt: level-anchored deadlines, long spans, late and open steps', () => {
  it('adds the level activation to level-anchored deadlines', async () => {
    const t = byId((await ganttDb(gantt(general, 'II'))).tasks);
    // command-post: 15 min after activation (15 min) → 30 min; after assess (5 min).
    expect([since(t.get('s_command_post')!.startTime), since(t.get('s_command_post')!.endTime)]).toEqual([300, 1800]);
  });

  it('switches to a day axis beyond 24 hours', () => {
    const p = makePlan({ roles: [role('r', '角色')], levels: [level('I', 1, { activation: minutes(60) })], steps: [step('a', '长任务', 'r', { deadline: minutes(3 * 24 * 60) })] });
    const text = gantt(p, 'I');
    expect(text).toContain('axisFormat 第%-d天 %H:%M');
    expect(text).toContain('tickInterval 1day');
    expect(gantt({ ...p, meta: { ...p.meta, language: 'en' } }, 'I')).toContain('axisFormat day %-d %H:%M');
  });

  it('flags a deadline that falls before its prerequisites and shows open steps', async () => {
    const p: Plan = makePlan({
      roles: [role('r', '角色')],
      levels: [level('I', 1)],
      steps: [
        step('a', '先做', 'r', { deadline: minutes(20) }),
        step('b', '后做但时限更早', 'r', { after: ['a'], deadline: minutes(10) }),
        step('c', '无时限', 'r', { after: ['a'] }),
      ],
    });
    const tl = timeline(p, 'I');
    expect(tl.tasks.map((t) => [t.step.id, t.start, t.end, t.late])).toEqual([['a', 0, 1200, false], ['b', 1200, 600, true], ['c', 1200, undefined, false]]);
    const t = byId((await ganttDb(gantt(p, 'I'))).tasks);
    expect(t.get('s_b')!.crit).toBe(true);
    expect(shownText(t.get('s_b')!.task)).toContain('时限早于前序步骤完成');
    expect(shownText(t.get('s_c')!.task)).toContain('无时限');
    expect(since(t.get('s_c')!.startTime)).toBe(1200);
  });

  it('formats clock times from the fixed day', () => {
    expect(clock(0)).toBe('2000-01-01 00:00:00');
    expect(clock(3661)).toBe('2000-01-01 01:01:01');
    expect(clock(40 * 86400)).toBe('2000-02-10 00:00:00');
  });
});

describe('gantt: hostile text', () => {
  it('parses and keeps the hostile text as text', async () => {
    const text = gantt(hostilePlan(), 'end');
    expect(text).not.toMatch(/<script/i);
    const db = await ganttDb(text);
    expect(db.tasks.every((t) => /^[A-Za-z0-9_]+$/.test(t.id))).toBe(true);
    expect(db.tasks.some((t) => shownText(t.task).includes('section x #58; crit'))).toBe(false);
    expect(db.tasks.some((t) => shownText(t.task).startsWith('11. section x : crit, 2000-01'))).toBe(true);
    // Only the genuinely late step (a_b: 5 min after activation = 20 min, but after a-b at 30 min) is critical;
    // the text "crit, …" in a task name is not a tag.
    expect(db.tasks.filter((t) => t.crit).map((t) => t.id)).toEqual(['s_a_b_2']);
    for (const t of db.tasks) expect(Number.isNaN(t.startTime.getTime())).toBe(false);
  });
});
