import { describe, expect, it } from 'vitest';
import { RULES, ruleById } from '@shared/checker/rules/index.js';
import { runChecker } from '@shared/checker/runChecker.js';
import { DOCUMENT_KINDS } from '@shared/domain/project.js';
import { chapter, clause, doc, foreword, p } from './build.js';
import { miniStandard } from './miniStandard.js';

describe('runChecker', () => {
  it('finds nothing in a complete, clean mini standard', () => {
    const result = runChecker(miniStandard(), 'standard');
    expect(result.findings, JSON.stringify(result.findings, null, 2)).toEqual([]);
    expect(result.counts).toEqual({ errors: 0, warnings: 0 });
  });

  it('counts errors and warnings', () => {
    const json = doc(chapter('scope', '范围', p('杯体必须光洁，不得有划痕。')));
    const { findings, counts } = runChecker(json, 'standard');
    expect(counts.errors).toBe(findings.filter((f) => f.severity === 'error').length);
    expect(counts.warnings).toBe(findings.filter((f) => f.severity === 'warning').length);
    expect(counts.errors).toBeGreaterThan(0);
    expect(counts.warnings).toBeGreaterThan(0);
  });

  it('sorts findings in document order (whole-document findings first)', () => {
    const json = doc(
      foreword(p('企业应建立追溯制度。')),
      chapter('scope', '范围', clause('a', p('杯体必须光洁。')), clause('b', p('杯盖不得松动。'))),
    );
    const labels = runChecker(json, 'standard').findings.map((f) => f.clauseLabel);
    const firstNonNull = labels.findIndex((l) => l !== null);
    expect(labels.slice(0, firstNonNull).every((l) => l === null)).toBe(true);
    expect(labels.slice(firstNonNull)).toEqual(['前言', '1.1', '1.2']);
  });

  it('runs only the rules that apply to the document kind', () => {
    const json = doc(chapter('other', '工作简况', p('任务必须按期完成。')));
    const ids = runChecker(json, 'explanation').findings.map((f) => f.ruleId);
    expect(ids).not.toContain('wording.must');
    expect(ids).not.toContain('structure.required-chapter-missing');
    expect(ids).not.toContain('cover.field-missing');
  });

  it('is pure: the same input gives the same result and is not modified', () => {
    const json = miniStandard();
    const snapshot = JSON.stringify(json);
    const broken = doc(chapter('scope', '范围', clause('a', p('必须。'))));
    expect(runChecker(broken, 'standard')).toEqual(runChecker(broken, 'standard'));
    runChecker(json, 'standard');
    expect(JSON.stringify(json)).toBe(snapshot);
    expect('checkedAt' in runChecker(json, 'standard')).toBe(false);
  });

  it('gives every finding a message in Chinese and English', () => {
    const json = doc(chapter('scope', '范围', clause('a', p('［在此填写］必须。'))), chapter('scope', '范围', p('')));
    for (const finding of runChecker(json, 'standard').findings) {
      expect(finding.message.zh.length, finding.ruleId).toBeGreaterThan(0);
      expect(finding.message.en.length, finding.ruleId).toBeGreaterThan(0);
      expect(finding.message.zh).not.toContain('undefined');
      expect(finding.message.en).not.toContain('undefined');
    }
  });

  it('accepts an empty document', () => {
    expect(() => runChecker({ type: 'doc' }, 'standard')).not.toThrow();
    expect(runChecker({ type: 'doc', content: [] }, 'explanation').findings).toEqual([]);
  });
});

describe('RULES', () => {
  it('has unique, stable theme.name ids', () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z]+(-[a-z]+)*\.[a-z]+(-[a-z]+)*$/);
  });

  it('describes every rule in both languages, for known document kinds', () => {
    for (const rule of RULES) {
      expect(rule.title.zh.length, rule.id).toBeGreaterThan(0);
      expect(rule.title.en.length, rule.id).toBeGreaterThan(0);
      expect(['error', 'warning']).toContain(rule.severity);
      expect(rule.appliesTo.length, rule.id).toBeGreaterThan(0);
      for (const kind of rule.appliesTo) expect(DOCUMENT_KINDS).toContain(kind);
    }
  });

  it('looks rules up by id', () => {
    expect(ruleById('wording.must')?.severity).toBe('error');
    expect(ruleById('no.such-rule')).toBeUndefined();
  });

  it('is covered by the tests: every rule id has a test file entry', async () => {
    const { readdir, readFile } = await import('node:fs/promises');
    const dir = new URL('./', import.meta.url);
    const files = (await readdir(dir)).filter((f) => f.endsWith('.test.ts') && f !== 'runChecker.test.ts');
    const sources = (await Promise.all(files.map((f) => readFile(new URL(f, dir), 'utf8')))).join('\n');
    for (const rule of RULES) expect(sources.includes(`'${rule.id}'`), rule.id).toBe(true);
  });
});
