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
export { DrillLog, readLogFile, type DrillLogOptions } from './log.js';
export { buildAgenda, MemorySink, sha256, type AgendaItem, type EventInput, type EventSink } from './run-agenda.js';
export { DrillClock } from './run-clock.js';
