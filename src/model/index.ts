/** The Plan model: one place that defines every node type. */
export * from './place.js';
export * from './duration.js';
export * from './plan.js';
export * from './duration-text.js';
export * from './expr.js';
export * from './duty.js';
export * from './role-kind.js';
