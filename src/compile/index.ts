/** Compile stage: Plan → plain statechart config → runnable xstate machine; reachability over it. */
export {
  compileStatechart, deadlineDelay, escapeKey, FOLLOW_UP_DELAY, periodDelay, STATECHART_FORMAT,
  type FactMap, type Json, type NamedRef, type PlanContext, type StateConfig, type StatechartConfig, type StepStatus,
  type TransitionConfig,
} from './statechart.js';
export {
  createPlanMachine, deadlineEvent, declareEvent, factsEvent, incidentEvent, notifyEvent, stepDone, terminateEvent,
  type FactInput, type PlanEvent, type PlanMachine, type TriggerParams,
} from './machine.js';
export { stepStatuses, mergeFacts, type StepModel } from './steps.js';
export { controlState, reachableStates, sampleValuations, type Reachability, type ReachOptions } from './reach.js';
