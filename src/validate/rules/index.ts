import type { Rule } from '../rule.js';

/** Every built-in rule, in documentation order. No plugin loader: a rule is added by importing it here. */
export const allRules: Rule[] = [];
