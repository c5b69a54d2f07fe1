import type { Step } from '../model/index.js';
import type { Finding } from './rule.js';

/** Target of one resource demand: the demand's own place when the parser gave one, else the step's resources cell. */
export function useTarget(step: Step, index: number): Pick<Finding, 'node' | 'field'> {
  const use = step.resources[index];
  return use?.place ? { node: use } : { node: step, field: 'resources' };
}
