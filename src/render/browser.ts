import { spawnSync } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, dirname, join } from 'node:path';
// Type-only imports are erased: playwright-core itself is loaded lazily in `Renderer.open`, so `yuan lint` never loads it.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Diagnostic } from '../diagnostics.js';
import { diagramPageHtml, fitSvg, pdfOptions, svgSizeOf, type Box, type PdfLang } from './pdf.js';

/** Flags verified on Debian's chromium (see docs/DESIGN): no sandbox in containers, no GPU, no background traffic. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Font stack for every diagram and packet: Noto CJK from `fonts-noto-cjk` first. */
export const FONT_FAMILY = '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif';

/** Executable names looked up on PATH, in order. */
const PATH_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

const isExecutable = (p: string): boolean => {
  try { return statSync(p).isFile() && (accessSync(p, constants.X_OK), true); } catch { return false; }
};

/** Thrown when no Chromium can be found; the CLI prints it (in the chosen language) and exits 2. */
export class ChromiumNotFoundError extends Error {
  readonly code = 'YUAN_NO_CHROMIUM';
  readonly messageZh: string;
  constructor(detail?: { en: string; zh: string }) {
    super(`${detail ? `${detail.en}. ` : ''}Chromium not found: install it (Debian: apt-get install chromium fonts-noto-cjk) or set YUAN_CHROMIUM=/path/to/chrome`);
    this.name = 'ChromiumNotFoundError';
    this.messageZh = `${detail ? `${detail.zh}。` : ''}未找到 Chromium：请安装（Debian：apt-get install chromium fonts-noto-cjk），或设置 YUAN_CHROMIUM=/path/to/chrome`;
  }
}

/**
 * Finds a Chromium executable: `YUAN_CHROMIUM` (must exist when set), then `CHROME_PATH` (skipped when stale),
 * then chromium, chromium-browser, google-chrome on PATH. Undefined when there is none.
 */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string | undefined {
  try { return findChromium(env); } catch { return undefined; }
}

/** Like `chromiumPath` but throws `ChromiumNotFoundError` with the reason. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const explicit = env.YUAN_CHROMIUM;
  if (explicit) {
    if (isExecutable(explicit)) return explicit;
    throw new ChromiumNotFoundError({ en: `YUAN_CHROMIUM=${explicit} is not an executable file`, zh: `YUAN_CHROMIUM=${explicit} 不是可执行文件` });
  }
  if (env.CHROME_PATH && isExecutable(env.CHROME_PATH)) return env.CHROME_PATH;
  for (const name of PATH_NAMES) {
    for (const dir of (env.PATH ?? '').split(delimiter)) {
      if (dir && isExecutable(join(dir, name))) return join(dir, name);
    }
  }
  throw new ChromiumNotFoundError();
}

let fontsChecked = false;

/** A warning (en, zh) when fontconfig lists no Chinese font; undefined when one exists or fc-list is unavailable. */
export function cjkFontWarning(): { en: string; zh: string } | undefined {
  const r = spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8', timeout: 10_000 });
  if (r.error || r.status !== 0) return undefined; // no fontconfig tools: cannot tell, do not cry wolf
  if (r.stdout.trim()) return undefined;
  return {
    en: 'yuan: warning: no CJK font found (fc-list :lang=zh is empty); Chinese text will render as boxes. Install fonts-noto-cjk.',
    zh: 'yuan：警告：未找到中文字体（fc-list :lang=zh 为空），中文将显示为方框。请安装 fonts-noto-cjk。',
  };
}

/** Path of mermaid's browser bundle. */
export function mermaidBundlePath(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('mermaid/package.json')), 'dist', 'mermaid.min.js');
}

/** A diagram that mermaid could not render; `diagnostic` names the diagram and, when known, the line. */
export class DiagramError extends Error {
  constructor(readonly diagram: string, readonly diagnostic: Diagnostic) {
    super(`${diagram}: ${diagnostic.message}`);
    this.name = 'DiagramError';
  }
}

/** Turns mermaid's error text into a diagnostic on the diagram ("Parse error on line 2: …"). */
export function mermaidDiagnostic(diagram: string, error: string): Diagnostic {
  const m = /(?:Parse|Lexical) error on line (\d+)/i.exec(error);
  const line = m ? Number(m[1]) : 1;
  const at = { line, column: 1, offset: 0 };
  const detail = error.replace(/\s+/g, ' ').trim()
    // jison lists every acceptable token; the first few and what it got are what a person needs.
    .replace(/Expecting ((?:'[^']*', ){3})(?:'[^']*', )+/, 'Expecting $1… ')
    .slice(0, 400);
  // A TypeError from inside mermaid is a layout failure (dagre's known bug with some subgraph layouts), not bad syntax.
  const layout = !m && /Cannot (?:set|read) propert(?:y|ies) .*of undefined/i.test(error);
  return {
    ruleId: 'render/mermaid', severity: 'error', file: diagram, place: { start: at, end: at },
    message: layout
      ? `Unexpected Mermaid layout failure in diagram ${diagram} (a mermaid/dagre bug with this arrangement of subgraphs, not a syntax error): ${detail}`
      : `Unexpected Mermaid error in diagram ${diagram}: ${detail}`,
    messageZh: layout
      ? `图 ${diagram} 布局失败（mermaid/dagre 对这种子图结构的已知缺陷，并非语法错误）：${detail}`
      : `图 ${diagram} 的 Mermaid 文本有误：${detail}`,
  };
}

/** Options of `Renderer.open`. */
export interface RendererOptions {
  /** Chromium executable (default: `findChromium()`). */
  executablePath?: string;
  /** Pages rendering mermaid in parallel (default 1; see bench/render.ts for the measurement). */
  pages?: number;
  /** Per-diagram time limit in ms (default 60 s); a diagram over it fails and its page is replaced. */
  timeoutMs?: number;
  /** Receives the one-time missing-CJK-font warning (default: stderr, English and Chinese). */
  onWarning?: (w: { en: string; zh: string }) => void;
}

/** Options of a single-diagram or HTML PDF. */
export interface RenderPdfOptions {
  /** Orientation; default picks the one where the diagram is drawn larger. */
  landscape?: boolean;
  /** Caption printed above a diagram. */
  title?: string;
  /** Footer with page numbers (default: for HTML documents, and for a diagram tiled over several pages). */
  footer?: boolean;
  /** Add readable tiles after the whole diagram when it only fits a page below 55 % (default true). */
  tiles?: boolean;
  lang?: PdfLang;
}

interface Slot { page: Page; queue: Promise<unknown> }

/** An SVG and where its text is: `[x, y, width, height]` boxes in the SVG's viewBox coordinates. */
export interface RenderedSvg { svg: string; textBoxes: Box[] }
export type { Box };

/** mermaid config: strict security (labels are sanitised, no click handlers), CJK fonts, SVG-text labels. */
const MERMAID_CONFIG = {
  startOnLoad: false,
  securityLevel: 'strict',
  theme: 'default',
  fontFamily: FONT_FAMILY,
  // SVG <text> labels, not HTML in <foreignObject>: mermaid's HTML-label SVG is not well-formed XML (unclosed <br>),
  // so it does not open as a standalone .svg file or <img>, and many viewers ignore foreignObject. SVG-text labels wrap
  // CJK per character at the same width; `fixKinsoku` below keeps punctuation off line starts. Verified in SVG and PDF.
  htmlLabels: false,
  // Slightly tighter than mermaid's 50/50 spacing: large response flowcharts print ≈ 10 % larger on A4.
  flowchart: { useMaxWidth: false, wrappingWidth: 200, nodeSpacing: 30, rankSpacing: 40 },
  state: { useMaxWidth: false },
  // mermaid sizes a gantt to its container (the page's width); a fixed 1000 px prints at 100 % on landscape A4.
  gantt: { useMaxWidth: false, useWidth: 1000 },
  // Generated plans can be large (150 steps); mermaid's defaults (50 000 chars, 500 edges) are for hand-written diagrams.
  maxTextSize: 2_000_000,
  maxEdges: 5000,
};

/**
 * Runs in the page (a fixed function; only JSON arguments cross over): renders one diagram with mermaid, then moves
 * CJK punctuation that must not start a line (，。、；：！？）》」 …) to the end of the previous line and opening
 * brackets that must not end one to the start of the next (禁则处理), and serialises well-formed XML.
 */
async function renderInPage(args: { id: string; text: string }): Promise<{ svg?: string; error?: string; boxes?: [number, number, number, number][] }> {
  const CLOSE = '，。、；：！？）》」』】〕〉”’,.;:!?)]}%';
  const OPEN = '（《「『【〔〈“‘([{';
  type Api = { render(id: string, text: string): Promise<{ svg: string }> };
  const mermaid = (globalThis as unknown as { mermaid: Api }).mermaid;
  let svg: string;
  try {
    svg = (await mermaid.render(args.id, args.text)).svg;
  } catch (e) {
    return { error: String((e as Error)?.message ?? e) };
  } finally {
    // mermaid leaves its scratch container behind on errors.
    for (const id of [args.id, `d${args.id}`, `i${args.id}`]) document.getElementById(id)?.remove();
  }
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  if (doc.getElementsByTagName('parsererror').length) return { svg, boxes: [] };
  const firstLeaf = (row: Element): Element | undefined => {
    const leaves = [...row.querySelectorAll('tspan')].filter((t) => !t.querySelector('tspan') && (t.textContent ?? '') !== '');
    return leaves[0];
  };
  const lastLeaf = (row: Element): Element | undefined => {
    const leaves = [...row.querySelectorAll('tspan')].filter((t) => !t.querySelector('tspan') && (t.textContent ?? '') !== '');
    return leaves[leaves.length - 1];
  };
  // Belt and braces over mermaid's strict mode (DOMPurify): no script, event handler or javascript: link survives into
  // a .svg file (which a browser would run when opened) or into the page measuring the text below.
  for (const el of [...doc.getElementsByTagName('script')]) el.remove();
  for (const el of [...doc.getElementsByTagName('*')]) {
    for (const a of [...el.attributes]) {
      if (/^on/i.test(a.name) || (/href$/i.test(a.name) && /^\s*javascript:/i.test(a.value))) el.removeAttribute(a.name);
    }
  }
  // stateDiagram classDefs put the shape's fill and a 2 px stroke on the label group too; with SVG-text labels the
  // text inherits the stroke and becomes an unreadable blot. A label group is never a shape: drop its paint.
  for (const g of [...doc.querySelectorAll('g.label[style]')]) {
    const kept = (g.getAttribute('style') ?? '').split(';').filter((d) => d.trim() && !/^\s*(fill|stroke|stroke-width)\s*:/i.test(d));
    g.setAttribute('style', kept.join(';'));
  }
  for (const text of [...doc.getElementsByTagName('text')]) {
    const rows = [...text.children].filter((c) => c.tagName === 'tspan' && c.classList.contains('row'));
    for (let i = 1; i < rows.length; i++) {
      const prev = lastLeaf(rows[i - 1]);
      let head = firstLeaf(rows[i]);
      if (!prev || !head) continue;
      while (head && CLOSE.includes((head.textContent ?? '').charAt(0))) {
        const s = head.textContent ?? '';
        prev.textContent = (prev.textContent ?? '') + s.charAt(0);
        head.textContent = s.slice(1);
        if (!head.textContent) head = firstLeaf(rows[i]);
      }
      // An opening bracket must not end a line: move it to the start of the next one.
      const tail = lastLeaf(rows[i - 1]);
      head = firstLeaf(rows[i]);
      const s = tail?.textContent ?? '';
      if (tail && head && (rows[i - 1].textContent ?? '').length > 1 && OPEN.includes(s.charAt(s.length - 1))) {
        tail.textContent = s.slice(0, -1);
        head.textContent = s.charAt(s.length - 1) + (head.textContent ?? '');
      }
    }
    for (const row of rows) if (!(row.textContent ?? '').length && rows.length > 1 && row === rows[rows.length - 1]) row.remove();
  }
  const out = new XMLSerializer().serializeToString(doc.documentElement);
  // Where the text is, in the SVG's own (viewBox) coordinates: printing uses it to leave out tiles with no text.
  const boxes: [number, number, number, number][] = [];
  const host = document.createElement('div');
  host.style.cssText = 'position:absolute;left:0;top:0;visibility:hidden';
  document.body.appendChild(host);
  try {
    host.appendChild(document.importNode(doc.documentElement, true));
    const root = host.firstElementChild as SVGSVGElement;
    const toRoot = root.getScreenCTM()?.inverse();
    for (const t of [...root.querySelectorAll('text')]) {
      if (!(t.textContent ?? '').trim()) continue;
      const b = t.getBBox();
      const m = t.getScreenCTM();
      if (!m || !toRoot || !b.width) continue;
      const k = toRoot.multiply(m);
      const xs = [b.x, b.x + b.width].flatMap((x) => [b.y, b.y + b.height].map((y) => new DOMPoint(x, y).matrixTransform(k)));
      const x0 = Math.min(...xs.map((p) => p.x)); const y0 = Math.min(...xs.map((p) => p.y));
      boxes.push([x0, y0, Math.max(...xs.map((p) => p.x)) - x0, Math.max(...xs.map((p) => p.y)) - y0]);
    }
  } finally {
    host.remove();
  }
  return { svg: out, boxes };
}

/** Runs in the page once: initialises mermaid with the fixed config passed as JSON. */
function initInPage(config: Record<string, unknown>): void {
  const mermaid = (globalThis as unknown as { mermaid: { initialize(c: Record<string, unknown>): void } }).mermaid;
  mermaid.initialize(config);
}

const BLANK = '<!doctype html><html><head><meta charset="utf-8"></head><body></body></html>';

/**
 * One headless Chromium for many diagrams: `pages` pages with mermaid loaded (one diagram at a time each), plus as
 * many print pages (JavaScript disabled) for PNG screenshots and PDFs. Mermaid errors become `DiagramError`s.
 */
export class Renderer {
  private slots: Slot[] = [];
  private next = 0;
  private seq = 0;
  private prints: Promise<Slot>[] = [];
  private nextPrint = 0;
  private printContext?: Promise<BrowserContext>;
  private closed = false;

  private constructor(private browser: Browser, private context: BrowserContext, private opts: Required<Pick<RendererOptions, 'timeoutMs'>>) {}

  /** Launches Chromium and prepares the mermaid pages. Throws `ChromiumNotFoundError` when there is no browser. */
  static async open(opts: RendererOptions = {}): Promise<Renderer> {
    const executablePath = opts.executablePath ?? findChromium();
    if (!fontsChecked) {
      fontsChecked = true;
      const w = cjkFontWarning();
      if (w) (opts.onWarning ?? ((x) => process.stderr.write(`${x.en}\n${x.zh}\n`)))(w);
    }
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
    try {
      const context = await browser.newContext();
      await blockNetwork(context);
      const r = new Renderer(browser, context, { timeoutMs: opts.timeoutMs ?? 60_000 });
      r.pagesWanted = Math.max(1, Math.min(8, opts.pages ?? 1));
      return r;
    } catch (err) {
      await browser.close().catch(() => {});
      throw err;
    }
  }

  /** Number of pages rendering mermaid (and printing) in parallel. */
  get pageCount(): number { return this.pagesWanted; }

  private pagesWanted = 1;
  private mermaidReady?: Promise<void>;

  /**
   * Loads mermaid into its pages on first use: a run that only prints (swimlane flowcharts, packets without a
   * mermaid diagram) never pays for parsing mermaid's 3 MB bundle.
   */
  private mermaidPages(): Promise<void> {
    this.mermaidReady ??= Promise.all(Array.from({ length: this.pagesWanted }, async () => ({ page: await this.newMermaidPage(), queue: Promise.resolve() as Promise<unknown> })))
      .then((slots) => { this.slots = slots; });
    return this.mermaidReady;
  }

  private async newMermaidPage(): Promise<Page> {
    const page = await this.context.newPage();
    await page.setContent(BLANK);
    // Functions passed to page.evaluate are serialised from their compiled source; esbuild-based runners (tsx, vitest)
    // wrap nested functions in a `__name` helper that does not exist in the page. A no-op keeps them working.
    await page.addScriptTag({ content: 'globalThis.__name = globalThis.__name || function (f) { return f; };' });
    await page.addScriptTag({ path: mermaidBundlePath() });
    await page.evaluate(initInPage, MERMAID_CONFIG);
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    return page;
  }

  /** Runs `fn` on a slot after the slot's previous work (one diagram at a time per page). */
  private run<T>(slot: Slot, fn: (page: Page) => Promise<T>): Promise<T> {
    const result = slot.queue.then(() => fn(slot.page));
    slot.queue = result.catch(() => undefined);
    return result;
  }

  /** Renders Mermaid text to an SVG string. Throws `DiagramError` (with a diagnostic) when mermaid rejects it. */
  async renderSvg(text: string, name = 'diagram'): Promise<string> {
    return (await this.renderDiagram(text, name)).svg;
  }

  /**
   * Renders Mermaid text to SVG and reports where its text is (boxes in the SVG's viewBox coordinates), which
   * `svgToPdf` and the packet use to leave out tiles of a large diagram that would print no text.
   */
  async renderDiagram(text: string, name = 'diagram'): Promise<RenderedSvg> {
    if (this.closed) throw new Error('Renderer is closed');
    await this.mermaidPages();
    const slot = this.slots[this.next++ % this.slots.length];
    const id = `yuan-${++this.seq}`;
    return this.run(slot, async (page) => {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`timed out after ${this.opts.timeoutMs} ms`)), this.opts.timeoutMs);
      });
      try {
        const evaluation = page.evaluate(renderInPage, { id, text });
        evaluation.catch(() => undefined); // after a timeout the page is closed under it: not an unhandled rejection
        const r = await Promise.race([evaluation, timeout]);
        if (r.error !== undefined || !r.svg) throw new DiagramError(name, mermaidDiagnostic(name, r.error ?? 'empty output'));
        return { svg: r.svg, textBoxes: r.boxes ?? [] };
      } catch (err) {
        if (err instanceof DiagramError) throw err;
        // Timeout or a crashed page: replace the page so the rest of the batch carries on.
        await slot.page.close().catch(() => {});
        slot.page = await this.newMermaidPage();
        throw new DiagramError(name, mermaidDiagnostic(name, (err as Error).message));
      } finally {
        clearTimeout(timer);
      }
    });
  }

  /**
   * A print page: its own context with JavaScript disabled and the network blocked (packets hold user text). There
   * are as many print pages as mermaid pages, handed out round-robin, so N workers print in parallel.
   */
  private async printSlot(): Promise<Slot> {
    this.printContext ??= this.browser.newContext({ javaScriptEnabled: false }).then(async (c) => { await blockNetwork(c); return c; });
    const context = this.printContext;
    const i = this.nextPrint++ % this.pagesWanted;
    this.prints[i] ??= context.then((c) => c.newPage()).then((page) => ({ page, queue: Promise.resolve() }));
    return this.prints[i];
  }

  /** Renders Mermaid text to a PNG at `scale` × the diagram's natural size (vector-scaled, white background). */
  async renderPng(text: string, scale = 2, name = 'diagram'): Promise<Buffer> {
    return this.svgToPng(await this.renderSvg(text, name), scale);
  }

  /** Rasterises an SVG from `renderSvg` (capped at 16 000 px a side and 12 megapixels). */
  async svgToPng(svg: string, scale = 2): Promise<Buffer> {
    const { width, height } = svgSizeOf(svg);
    // At most 16 000 px a side and 12 megapixels: a 2× screenshot of a poster-sized flowchart takes seconds to encode.
    const s = Math.min(scale, 16_000 / Math.max(width, 1), 16_000 / Math.max(height, 1), Math.sqrt(12e6 / Math.max(1, width * height)));
    const w = Math.max(1, Math.ceil(width * s));
    const h = Math.max(1, Math.ceil(height * s));
    const slot = await this.printSlot();
    return this.run(slot, async (page) => {
      await page.setViewportSize({ width: w, height: h });
      await page.setContent(`<!doctype html><html><head><meta charset="utf-8"><style>html,body{margin:0;padding:0;background:#fff;overflow:hidden}svg{display:block}</style></head><body>${fitSvg(svg, w, h, 'px')}</body></html>`);
      return page.screenshot({ type: 'png', clip: { x: 0, y: 0, width: w, height: h } });
    });
  }

  /**
   * A4 PDF of Mermaid text (one diagram, fitted to the page) or of a whole HTML document (`{ html }`, printed with
   * the page's CSS `@page` sizes and a "第 X 页 / 共 Y 页" footer).
   */
  async renderPdf(source: string | { html: string }, opts: RenderPdfOptions = {}): Promise<Buffer> {
    if (typeof source === 'string') return this.svgToPdf(await this.renderDiagram(source, opts.title ?? 'diagram'), opts);
    return this.htmlToPdf(source.html, { footer: opts.footer ?? true, lang: opts.lang ?? 'zh', landscape: opts.landscape, outline: true });
  }

  /**
   * An A4 PDF of an SVG from `renderSvg`/`renderDiagram`: the whole diagram on page 1, in the orientation that draws it
   * larger, plus readable tiles when it is too large for one page (tiles without text are left out when the text
   * boxes are known).
   */
  async svgToPdf(svg: string | RenderedSvg, opts: RenderPdfOptions = {}): Promise<Buffer> {
    const lang = opts.lang ?? 'zh';
    const d = typeof svg === 'string' ? { svg, textBoxes: undefined } : svg;
    const html = diagramPageHtml(d.svg, { title: opts.title, landscape: opts.landscape, lang, textBoxes: d.textBoxes, minScale: opts.tiles === false ? 0 : undefined });
    // Page numbers only when the diagram was tiled over several pages.
    const pages = html.split('<section ').length - 1;
    return this.htmlToPdf(html, { footer: opts.footer ?? pages > 1, lang });
  }

  /** Prints an HTML document (JavaScript off, network blocked) to PDF; CSS `@page` sizes win over `landscape`. */
  async htmlToPdf(html: string, opts: { footer: boolean; lang: PdfLang; landscape?: boolean; outline?: boolean }): Promise<Buffer> {
    const slot = await this.printSlot();
    return this.run(slot, async (page) => {
      await page.setContent(html, { waitUntil: 'load' });
      return page.pdf(pdfOptions(opts));
    });
  }

  /** Closes the browser (idempotent). */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.browser.close().catch(() => {});
  }
}

/** Aborts every request that would leave the machine (mermaid is injected from disk; packets are self-contained). */
async function blockNetwork(context: BrowserContext): Promise<void> {
  await context.route(/^(?!data:|about:|blob:)/i, (route) => route.abort());
}
