/** The drafting checker (标准起草检查): public API. */
export { runChecker } from './runChecker.js';
export { RULES, ruleById } from './rules/index.js';
export type {
  CheckContext,
  CheckResult,
  Finding,
  FindingFix,
  LocalizedText,
  Location,
  MessageParams,
  Rule,
  RuleHit,
  Severity,
} from './types.js';
