/**
 * Terminal mode (终端模式): one facilitator at a keyboard runs a live drill — the same `LiveDrill` (engine, clock,
 * durable log) as the web server, driven by typed commands. Every committed event is printed as it lands.
 *
 * Commands (`help` lists them):
 *
 * ```
 * start | pause | resume | speed <n> | status | upcoming | reveal <inject> | roles | steps [role]
 * inject <role,role|all> <message>        note <text>        end        quit
 * <role> step <step-id> [text]     <role> do <free text>     <role> level <id>     <role> notify <role> [text]
 * <role> ack [inject]              <role> note <text>        <role> terminate
 * ```
 */
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { DrillEvent } from '../drill/types.js';
import { clock as fmt } from '../score/index.js';
import { DrillError, type LiveDrill } from './drill.js';
import { readClock } from './events.js';
import type { LiveAction } from './session.js';

const HELP = `命令 · Commands
  start | pause | resume | speed <n>        开始/暂停/继续/倍速 · clock
  status | upcoming | roles | steps [role]  状态/待发布注入/角色/步骤 · show
  reveal <inject>                           立即发布注入 · reveal a scheduled inject now
  inject <role,role|all> <message>          人工注入 · manual inject
  note <text>                               导调记录 · facilitator note
  <role> step <step-id> [text]              完成步骤 · step done
  <role> do <free text>                     按文字匹配步骤 · action matched by text
  <role> level <id>                         启动响应级别 · declare a level
  <role> notify <role> [text]               通知 · notify
  <role> ack [inject]                       确认收到 · acknowledge
  <role> note <text>                        角色记录 · note by a role
  <role> terminate                          宣布响应终止 · terminate
  end                                       结束演练并评估 · end and score
  quit                                      退出（可 --resume 继续）· leave, resumable`;

/** One event as a terminal line. */
export function eventLine(e: DrillEvent): string {
  const c = readClock(e);
  const head = `[${fmt(e.t)}] #${e.seq}`;
  if (c) return `${head} 时钟 clock ${c.op} x${c.speed}`;
  switch (e.type) {
    case 'drill.start': return `${head} 演练开始 drill.start (${e.mode})`;
    case 'inject': return `${head} 注入 inject ${e.inject} → ${e.to.length ? e.to.join(',') : '全体 all'}: ${e.message}`;
    case 'level.warranted': return `${head} 态势对应级别 warranted: ${e.level ?? '—'}`;
    case 'level.declared': return `${head} ${e.role} 启动响应 declared ${e.level}`;
    case 'step.done': return `${head} ${e.role} 完成步骤 step ${e.step}${e.match === 'text' ? ' (text)' : ''}${e.text ? `: ${e.text}` : ''}`;
    case 'step.overdue': return `${head} 超时 overdue ${e.step}`;
    case 'notify': return `${head} ${e.role} 通知 notify ${e.to}${e.text ? `: ${e.text}` : ''}`;
    case 'ack': return `${head} ${e.role} 确认 ack${e.inject ? ` ${e.inject}` : ''}`;
    case 'action.unmatched': return `${head} ${e.role} 未匹配 unmatched: ${e.text}`;
    case 'note': return `${head} ${e.role ?? '导调 facilitator'} 记录 note: ${e.text}`;
    case 'terminate': return `${head} ${e.role} 宣布响应终止 terminate`;
    case 'drill.end': return `${head} 演练结束 drill.end (${e.reason})`;
    case 'schedule': return `${head} 调整注入 schedule ${e.inject} ${e.op}${e.at !== undefined ? ` → ${fmt(e.at)}` : ''}`;
    default: return head;
  }
}

/** Options of `runTerminal`. */
export interface TerminalOptions {
  input: Readable;
  output: Writable;
  /** Called when the drill has ended (writes the report); its lines are printed. */
  onEnd?: () => string[] | Promise<string[]>;
  /** Show a prompt (interactive terminals). */
  prompt?: boolean;
}

/**
 * Runs the command loop until `end`, `quit` or the end of input. Resolves with whether the drill ended. Input lines
 * are handled one after another (each waits until its events are on disk), so piped scripts run deterministically.
 */
export async function runTerminal(drill: LiveDrill, opts: TerminalOptions): Promise<{ ended: boolean }> {
  const out = (s: string) => { opts.output.write(`${s}\n`); };
  const unsubscribe = drill.subscribe((m) => {
    if (m.kind === 'events') for (const e of m.events) out(eventLine(e));
  });
  const rl = createInterface({ input: opts.input, terminal: false });
  const roles = new Set(drill.plan.roles.map((r) => r.id));
  const status = () => {
    const c = drill.clockView();
    const s = drill.session.status();
    return `[${fmt(c.t)}] ${c.ended ? '已结束 ended' : !c.started ? '未开始 not started' : c.running ? `进行中 running x${c.speed}` : '已暂停 paused'}` +
      ` · 态势级别 warranted ${s.level ?? '—'} · 已发布注入 revealed ${drill.session.revealed.size}` +
      (drill.blind ? ' · 双盲 blind' : ` · 待发布 upcoming ${drill.session.upcoming().length}`);
  };

  const handle = async (line: string): Promise<'end' | 'quit' | undefined> => {
    const words = line.trim().split(/\s+/);
    const [cmd, ...rest] = words;
    const tail = (n: number) => line.trim().split(/\s+/).slice(n).join(' ');
    if (!cmd) return undefined;
    switch (cmd) {
      case 'help': case '?': out(HELP); return undefined;
      case 'start': case '开始': await drill.start(); return undefined;
      case 'resume': case '继续': await drill.resume(); return undefined;
      case 'pause': case '暂停': await drill.pause(); return undefined;
      case 'speed': await drill.setSpeed(Number(rest[0])); out(status()); return undefined;
      case 'status': case '状态': await drill.tick(); out(status()); return undefined;
      case 'roles': out(drill.plan.roles.map((r) => `${r.id}  ${r.name}`).join('\n')); return undefined;
      case 'steps': out(drill.plan.steps.filter((s) => !rest[0] || s.role === rest[0]).map((s) => `${s.id}  [${s.role ?? '—'}]  ${s.action}`).join('\n')); return undefined;
      case 'upcoming':
        if (drill.blind) { out('双盲演练：未发布的注入已密封 · blind drill: upcoming injects are sealed'); return undefined; }
        await drill.tick();
        out(drill.session.upcoming().map((i) => `${fmt(i.at)} ${i.id} → ${i.to.length ? i.to.join(',') : 'all'}: ${i.message}`).join('\n') || '—');
        return undefined;
      case 'reveal': await drill.revealNow(rest[0] ?? ''); return undefined;
      case 'inject': {
        const to = rest[0] === 'all' || rest[0] === '全体' ? [] : (rest[0] ?? '').split(',').filter(Boolean);
        const bad = to.filter((r) => !roles.has(r));
        if (bad.length || !tail(2)) throw new DrillError(`usage: inject <role,role|all> <message>${bad.length ? ` (unknown role ${bad.join(', ')})` : ''}`);
        await drill.inject({ message: tail(2), to });
        return undefined;
      }
      case 'note': case '记录': if (!tail(1)) throw new DrillError('usage: note <text>'); await drill.note(tail(1)); return undefined;
      case 'end': case '结束': await drill.end(); return 'end';
      case 'quit': case 'exit': return 'quit';
      default: break;
    }
    if (!roles.has(cmd)) throw new DrillError(`unknown command or role ${cmd} (help)`);
    const verb = rest[0];
    const a: LiveAction = { role: cmd, kind: 'note' };
    switch (verb) {
      case 'step': if (!rest[1]) throw new DrillError('usage: <role> step <step-id> [text]'); Object.assign(a, { kind: 'step', step: rest[1], ...(tail(3) ? { text: tail(3) } : {}) }); break;
      case 'do': if (!tail(2)) throw new DrillError('usage: <role> do <text>'); Object.assign(a, { kind: 'step', text: tail(2) }); break;
      case 'level': if (!rest[1]) throw new DrillError('usage: <role> level <id>'); Object.assign(a, { kind: 'level', level: rest[1] }); break;
      case 'notify':
        if (!rest[1] || !roles.has(rest[1])) throw new DrillError('usage: <role> notify <role> [text]');
        Object.assign(a, { kind: 'notify', to: rest[1], ...(tail(3) ? { text: tail(3) } : {}) });
        break;
      case 'ack': Object.assign(a, { kind: 'ack', ...(rest[1] ? { inject: rest[1] } : {}) }); break;
      case 'note': if (!tail(2)) throw new DrillError('usage: <role> note <text>'); Object.assign(a, { kind: 'note', text: tail(2) }); break;
      case 'terminate': Object.assign(a, { kind: 'terminate' }); break;
      default: throw new DrillError(`unknown action ${verb ?? ''} (step, do, level, notify, ack, note, terminate)`);
    }
    await drill.act(a, 'facilitator');
    return undefined;
  };

  out(status());
  out('输入 help 查看命令 · type help for commands');
  let ended = drill.ended;
  try {
    for await (const line of rl) {
      try {
        const r = await handle(line);
        if (r === 'end') {
          ended = true;
          for (const l of (await opts.onEnd?.()) ?? []) out(l);
          break;
        }
        if (r === 'quit') break;
      } catch (err) {
        out(`! ${(err as Error).message}`);
      }
    }
  } finally {
    rl.close();
    unsubscribe();
  }
  return { ended };
}
