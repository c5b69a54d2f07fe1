import type { Rule } from '../rule.js';
import planRegime from './plan-regime.js';
import requiredSections from './required-sections.js';
import metaOwner from './meta-owner.js';
import metaVersion from './meta-version.js';
import stalePlan from './stale-plan.js';
import roleUndefined from './role-undefined.js';
import roleUnused from './role-unused.js';
import roleDeputy from './role-deputy.js';
import roleContact from './role-contact.js';
import roleConflict from './role-conflict.js';
import roleVague from './role-vague.js';
import contactAmbiguous from './contact-ambiguous.js';
import notifyUndefined from './notify-undefined.js';
import levelTrigger from './level-trigger.js';
import unmeasurableCriterion from './unmeasurable-criterion.js';
import undefinedQuantifier from './undefined-quantifier.js';
import circularCriterion from './circular-criterion.js';
import undefinedTerm from './undefined-term.js';
import ambiguousCompoundBand from './ambiguous-compound-band.js';
import levelCoverage from './level-coverage.js';
import levelOverlap from './level-overlap.js';
import duplicatedCriterion from './duplicated-criterion.js';
import referenceGradeDeviation from './reference-grade-deviation.js';
import referenceGradeConflict from './reference-grade-conflict.js';
import levelMonotonic from './level-monotonic.js';
import levelGrading from './level-grading.js';
import levelDecider from './level-decider.js';
import levelActivation from './level-activation.js';
import levelUnreachable from './level-unreachable.js';
import escalationPath from './escalation-path.js';
import terminationRequired from './termination-required.js';
import terminationUnreachable from './termination-unreachable.js';
import factUnused from './fact-unused.js';
import stepOwner from './step-owner.js';
import stepDeadline from './step-deadline.js';
import stepCycle from './step-cycle.js';
import stepDangling from './step-dangling.js';
import stepDeadlineChain from './step-deadline-chain.js';
import stepLevelGap from './step-level-gap.js';
import stepUnreachable from './step-unreachable.js';
import stepPrerequisite from './step-prerequisite.js';
import resourceUndefined from './resource-undefined.js';
import resourceShortage from './resource-shortage.js';
import reportAuthority from './report-authority.js';
import reportDeadlineMissing from './report-deadline-missing.js';
import ambiguousAnchor from './ambiguous-anchor.js';
import firstReportToUnitHead from './first-report-to-unit-head.js';
import warningCriteria from './warning-criteria.js';
import warningMeasurable from './warning-measurable.js';
import warningOverlap from './warning-overlap.js';
import warningOrder from './warning-order.js';
import warningIssuer from './warning-issuer.js';
import warningActions from './warning-actions.js';
import warningCallback from './warning-callback.js';
import systemParent from './system-parent.js';
import systemLevelMapping from './system-level-mapping.js';
import systemRoleConsistency from './system-role-consistency.js';
import systemEscalatesTo from './system-escalates-to.js';

/** Every built-in rule, in documentation order. No plugin loader: a rule is added by importing it here. */
export const allRules: Rule[] = [
  planRegime, requiredSections, metaOwner, metaVersion, stalePlan,
  roleUndefined, roleUnused, roleDeputy, roleContact, roleConflict, roleVague, contactAmbiguous, notifyUndefined,
  levelTrigger, unmeasurableCriterion, undefinedQuantifier, undefinedTerm, circularCriterion, ambiguousCompoundBand, levelCoverage, levelOverlap, duplicatedCriterion, referenceGradeDeviation, referenceGradeConflict, levelMonotonic, levelGrading, levelDecider, levelActivation, levelUnreachable, escalationPath, terminationRequired, terminationUnreachable, factUnused,
  stepOwner, stepDeadline, stepCycle, stepDangling, stepDeadlineChain, stepLevelGap, stepUnreachable, stepPrerequisite,
  resourceUndefined, resourceShortage, reportAuthority, reportDeadlineMissing, ambiguousAnchor, firstReportToUnitHead,
  warningCriteria, warningMeasurable, warningOverlap, warningOrder, warningIssuer, warningActions, warningCallback,
  systemParent, systemLevelMapping, systemRoleConsistency, systemEscalatesTo,
];
