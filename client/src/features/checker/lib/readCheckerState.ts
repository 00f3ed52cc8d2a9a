/**
 * Reading the drafting checker's result from the awareness states: the server's own entry
 * (`server: true`, shared/collab/serverPresence.ts). The data comes over the network: every field
 * is checked before use.
 */
import type { Awareness } from 'y-protocols/awareness';
import { isServerPresence } from '@shared/collab/serverPresence';
import type { CheckResult, Finding, LocalizedText, Severity } from '@shared/checker/types';
import { readFix } from './findingFix';

export interface CheckerSnapshot {
  result: CheckResult;
  checkedAt: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isSeverity(value: unknown): value is Severity {
  return value === 'error' || value === 'warning';
}

function readText(value: unknown): LocalizedText | null {
  if (!isRecord(value) || typeof value.zh !== 'string') return null;
  return { zh: value.zh, en: typeof value.en === 'string' ? value.en : value.zh };
}

function readFinding(value: unknown): Finding | null {
  if (!isRecord(value) || typeof value.ruleId !== 'string' || !isSeverity(value.severity)) return null;
  const message = readText(value.message);
  if (!message) return null;
  const finding: Finding = {
    ruleId: value.ruleId,
    severity: value.severity,
    message,
    nodeId: typeof value.nodeId === 'string' ? value.nodeId : null,
    clauseLabel: typeof value.clauseLabel === 'string' ? value.clauseLabel : null,
  };
  if (typeof value.excerpt === 'string' && value.excerpt) finding.excerpt = value.excerpt;
  const fix = readFix(value.fix);
  if (fix) finding.fix = fix;
  return finding;
}

export function readSnapshot(state: unknown): CheckerSnapshot | null {
  if (!isServerPresence(state)) return null;
  const checker: unknown = state.checker;
  if (!isRecord(checker) || !isRecord(checker.result) || !Array.isArray(checker.result.findings)) return null;
  const findings = checker.result.findings.map(readFinding).filter((f): f is Finding => f !== null);
  const counts = {
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
  };
  return { result: { findings, counts }, checkedAt: typeof checker.checkedAt === 'string' ? checker.checkedAt : '' };
}

/** The server's own awareness state (the raw object, unchanged until the server sets a new one), or null. */
export function serverState(awareness: Awareness): object | null {
  for (const state of awareness.getStates().values()) {
    if (isServerPresence(state)) return state;
  }
  return null;
}
