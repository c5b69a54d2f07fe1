import { createHash } from 'node:crypto';
import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { localize, type Diagnostic, type Severity } from '../diagnostics.js';
import { placeholders, type Lang, type Message } from '../i18n/index.js';
import type { Place } from '../model/place.js';
import type { RuleMeta } from '../validate/rule.js';
import { compare, displayPath, findRule, informationUri, reportedFiles, sortForOutput, sourceOf, type FormatContext } from './context.js';

/** The OASIS schema URI of SARIF 2.1.0 (errata 01), as SARIF validators expect in `$schema`. */
export const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

/** The `uriBaseId` all artifact URIs are relative to: the repository root (the working directory). */
export const SRCROOT = '%SRCROOT%';

/** Name of the partial fingerprint (versioned: change the suffix if the recipe ever changes). */
export const FINGERPRINT_KEY = 'yuan/v1';

type Level = 'error' | 'warning' | 'note' | 'none';

// The subset of the SARIF object model this formatter writes.
interface SarifMessage { text: string; markdown?: string; id?: string; arguments?: string[] }
interface SarifRegion { startLine: number; startColumn?: number; endLine?: number; endColumn?: number }
interface SarifArtifactLocation { uri: string; uriBaseId?: string; index?: number }
interface SarifPhysicalLocation { artifactLocation: SarifArtifactLocation; region?: SarifRegion }
interface SarifLocation { id?: number; physicalLocation: SarifPhysicalLocation; message?: SarifMessage }
interface SarifRule {
  id: string;
  name: string;
  shortDescription: SarifMessage;
  fullDescription?: SarifMessage;
  help?: SarifMessage;
  helpUri?: string;
  defaultConfiguration?: { enabled?: boolean; level: Level };
  messageStrings?: Record<string, { text: string }>;
  properties?: Record<string, unknown>;
}
interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: Level;
  message: SarifMessage;
  locations: SarifLocation[];
  relatedLocations?: SarifLocation[];
  partialFingerprints: Record<string, string>;
  properties?: Record<string, unknown>;
}
interface SarifArtifact {
  location: SarifArtifactLocation;
  length?: number;
  mimeType?: string;
  sourceLanguage?: string;
  roles: string[];
}
/** A SARIF 2.1.0 log with one run. */
export interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: {
    tool: { driver: { name: string; version: string; semanticVersion?: string; informationUri: string; language?: string; rules: SarifRule[] } };
    language?: string;
    columnKind: 'utf16CodeUnits';
    artifacts: SarifArtifact[];
    results: SarifResult[];
  }[];
}

const LEVEL: Record<Severity | 'off', Level> = { error: 'error', warning: 'warning', info: 'note', off: 'none' };

/** A relative, forward-slash URI reference with each path segment percent-encoded (CJK file names included). */
export function artifactUri(file: string, cwd: string): string {
  return displayPath(file, cwd).split('/').map((s) => (s === '..' || s === '.' ? s : encodeURIComponent(s))).join('/');
}

function artifactLocation(file: string, cwd: string, index?: number): SarifArtifactLocation {
  const path = displayPath(file, cwd);
  const at = index !== undefined ? { index } : {};
  // Files outside the working directory cannot be relative to %SRCROOT%: give them as absolute file URIs.
  if (isAbsolute(path) || path === '..' || path.startsWith('../')) return { uri: pathToFileURL(resolve(cwd, file)).href, ...at };
  return { uri: artifactUri(file, cwd), uriBaseId: SRCROOT, ...at };
}

function region(place: Place | undefined): SarifRegion {
  if (!place) return { startLine: 1, startColumn: 1 };
  return { startLine: place.start.line, startColumn: place.start.column, endLine: place.end.line, endColumn: place.end.column };
}

/** A `{name}` placeholder as SARIF numbers them: its position among the English template's placeholders. */
const positional = (template: string, names: string[]) => template.replace(/\{([A-Za-z][A-Za-z0-9_]*)\}/g, (w, n: string) => (names.includes(n) ? `{${names.indexOf(n)}}` : w));

/** A rule's `meta.messages` as SARIF `messageStrings`, in the run's language, with SARIF's numbered placeholders. */
function messageStrings(messages: Readonly<Record<string, Message>>, lang: Lang): Record<string, { text: string }> {
  return Object.fromEntries(Object.entries(messages).map(([key, m]) => [key, { text: positional(m[lang], placeholders(m.en)) }]));
}

/** A result's `message.id` and `arguments` (in the English template's placeholder order), for a diagnostic made from `meta.messages`. */
function messageReference(d: Diagnostic, meta: RuleMeta | undefined): { id?: string; arguments?: string[] } {
  const template = d.messageId ? meta?.messages?.[d.messageId] : undefined;
  if (!d.messageId || !template) return {};
  const names = placeholders(template.en);
  return { id: d.messageId, ...(names.length ? { arguments: names.map((n) => String(d.data?.[n] ?? '')) } : {}) };
}

/** `level-overlap` → `LevelOverlap`, `parse/yaml-syntax` → `ParseYamlSyntax` (SARIF's identifier-like rule name). */
export function ruleName(id: string): string {
  return id.split(/[^A-Za-z0-9]+/).filter(Boolean).map((w) => w[0].toUpperCase() + w.slice(1)).join('');
}

function ruleDescriptor(id: string, meta: RuleMeta | undefined, sample: Diagnostic, lang: Lang): SarifRule {
  const helpUri = sample.url;
  if (!meta) {
    return {
      id, name: ruleName(id), shortDescription: { text: id },
      ...(helpUri ? { helpUri } : {}),
      defaultConfiguration: { level: LEVEL[sample.severity] },
      ...(sample.clause ? { properties: { clause: sample.clause } } : {}),
    };
  }
  const { en, zh } = meta.description;
  const clause = meta.clause ?? sample.clause;
  const md = [`**${en}**`, '', zh, ...(clause ? ['', `${clause}`] : []), ...(helpUri ? ['', `[Documentation / 文档](${helpUri})`] : [])];
  return {
    id,
    name: ruleName(id),
    shortDescription: { text: en },
    fullDescription: { text: clause ? `${en} (${clause})` : en },
    help: { text: [en, zh, ...(clause ? [clause] : []), ...(helpUri ? [helpUri] : [])].join('\n'), markdown: md.join('\n') },
    ...(helpUri ? { helpUri } : {}),
    defaultConfiguration: meta.severity === 'off' ? { enabled: false, level: 'none' } : { level: LEVEL[meta.severity] },
    ...(meta.messages ? { messageStrings: messageStrings(meta.messages, lang) } : {}),
    properties: { ...(clause ? { clause } : {}), descriptionZh: zh, tags: ['emergency-plan'] },
  };
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** Builds the SARIF log (exported for tests and for tools that post-process it). */
export function sarifLog(diagnostics: Diagnostic[], ctx: FormatContext): SarifLog {
  const sorted = sortForOutput(diagnostics, ctx.cwd);
  const files = reportedFiles(diagnostics, ctx);
  const fileIndex = new Map(files.map((f, i) => [f, i]));

  const ruleIds = [...new Set(sorted.map((d) => d.ruleId))].sort(compare);
  const ruleIndex = new Map(ruleIds.map((id, i) => [id, i]));
  const rules = ruleIds.map((id) => ruleDescriptor(id, findRule(ctx, id), sorted.find((d) => d.ruleId === id)!, ctx.lang));

  // Fingerprint: rule + file + English message (independent of --lang and of line moves); an occurrence
  // counter keeps identical findings in one file apart, as GitHub does with its own line hashes.
  const seen = new Map<string, number>();
  const results = sorted.map((d): SarifResult => {
    const key = sha256([d.ruleId, displayPath(d.file, ctx.cwd), d.message].join('\0'));
    const occurrence = (seen.get(key) ?? 0) + 1;
    seen.set(key, occurrence);
    const related = (d.related ?? []).map((r, i): SarifLocation => ({
      id: i + 1,
      physicalLocation: { artifactLocation: artifactLocation(r.file, ctx.cwd, fileIndex.get(displayPath(r.file, ctx.cwd))), region: region(r.place) },
      message: { text: localize(r, ctx.lang) },
    }));
    const properties = {
      ...(ctx.lang === 'zh' ? { messageEn: d.message } : d.messageZh ? { messageZh: d.messageZh } : {}),
      ...(d.clause ? { clause: d.clause } : {}),
    };
    return {
      ruleId: d.ruleId,
      ruleIndex: ruleIndex.get(d.ruleId)!,
      level: LEVEL[d.severity],
      message: { text: localize(d, ctx.lang), ...messageReference(d, findRule(ctx, d.ruleId)) },
      locations: [{ physicalLocation: { artifactLocation: artifactLocation(d.file, ctx.cwd, fileIndex.get(displayPath(d.file, ctx.cwd))), region: region(d.place) } }],
      ...(related.length ? { relatedLocations: related } : {}),
      partialFingerprints: { [FINGERPRINT_KEY]: `${key.slice(0, 32)}:${occurrence}` },
      ...(Object.keys(properties).length ? { properties } : {}),
    };
  });

  const artifacts = files.map((file): SarifArtifact => {
    const source = sourceOf(ctx, file);
    const yaml = /\.ya?ml$/i.test(file);
    const md = /\.(md|markdown)$/i.test(file);
    return {
      location: artifactLocation(file, ctx.cwd),
      ...(source !== undefined ? { length: Buffer.byteLength(source, 'utf8') } : {}),
      ...(yaml ? { mimeType: 'application/yaml', sourceLanguage: 'yaml' } : md ? { mimeType: 'text/markdown', sourceLanguage: 'markdown' } : {}),
      roles: ['analysisTarget'],
    };
  });

  const language = ctx.lang === 'zh' ? 'zh-CN' : 'en-US';
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: ctx.tool.name, version: ctx.tool.version, ...(/^\d+\.\d+\.\d+/.test(ctx.tool.version) ? { semanticVersion: ctx.tool.version } : {}), informationUri: informationUri(ctx), rules } },
      language,
      columnKind: 'utf16CodeUnits',
      artifacts,
      results,
    }],
  };
}

/** SARIF 2.1.0 for GitHub code scanning and other SARIF viewers. */
export const sarif = (diagnostics: Diagnostic[], ctx: FormatContext): string => `${JSON.stringify(sarifLog(diagnostics, ctx), null, 2)}\n`;
