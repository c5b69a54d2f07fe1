/**
 * The drill stage: scenarios (演练脚本 / MSEL), the engine that runs a plan's statechart against them on a simulated
 * clock, the durable event log, and the importers for MSEL and observer CSVs.
 */
export type * from './types.js';
export {
  checkScenario, formatOffset, loadDrill, loadScenario, MAX_SCENARIO_BYTES, parseClock, parseOffset, parseScenario, parseWithin,
  readTextFile, resolvePlanPath, scenarioToYaml, type LoadedDrill, type ScenarioResult,
} from './scenario.js';
export { importMsel, importMselFile, type MselImport, type MselOptions } from './import-msel.js';
export { importObserverLog, importObserverLogFile, type ObserverImport } from './import-observer.js';
export { runObserved, runScripted, type RunOptions } from './engine.js';
export { actsFor, matchAction, MATCH_THRESHOLD, rankSteps, ROLE_BONUS, tokens, type ActionMatch } from './match.js';
export { DrillLog, LogDamagedError, readLogFile, resumeBlockers, type DrillLogOptions, type LogMark } from './log.js';
export { CHAIN_SEED, chainLine, chainOf, DRILL_LOG_SCHEMA_ID, drillLogSchema, EVENT_KEYS, MAX_LOG_LINE, REQUEST_ID, splitChain, validateEvent, writeEvent, writeLog } from './log-format.js';
export { LogWriteError, nodeLogFs, type LogFs } from './log-fs.js';
export { readLog, type LogReadResult } from './log-read.js';
export { buildAgenda, MemorySink, sha256, type AgendaItem, type EventInput, type EventSink } from './run-agenda.js';
export { DrillClock } from './run-clock.js';
export { DrillSession, modelText, type EndReason, type InjectChange, type LiveAction, type ManualInject, type StartInfo } from './session.js';
export { tells, toldRoles } from './told.js';
