/**
 * The workflow's shared rules, without a server: the stage table, the gate items judged on crafted
 * facts (each reason to fail), the completeness of the explanation and report, time, jurisdiction.
 */
import { describe, expect, it } from 'vitest';
import { withCheckChar } from '@shared/domain/creditCode.js';
import { divisionOf, inJurisdiction, oversees } from '@shared/domain/jurisdiction.js';
import type { BureauInfo } from '@shared/domain/jurisdiction.js';
import { COVER_FIELDS } from '@shared/editor/structure/names.js';
import type { CoverField } from '@shared/editor/structure/names.js';
import { documentCompleteness } from '@shared/workflow/documentCompleteness.js';
import type { GateFacts } from '@shared/workflow/gateFacts.js';
import { evaluateGate, failingItems, gateRules } from '@shared/workflow/gates.js';
import {
  STAGE_TRANSITIONS,
  nextGate,
  provinceMovesFrom,
  textLockReason,
  transitionFrom,
} from '@shared/workflow/stages.js';
import { daysPerStage, dueState, roundOverdue, stagePeriods } from '@shared/workflow/time.js';
import { PROJECT_STAGES } from '@shared/domain/project.js';
import { documentTemplate } from '../../server/documents/templates/index.js';

const cover = (fields: Partial<Record<CoverField, string>> = {}): Record<CoverField, string> => ({
  ...(Object.fromEntries(COVER_FIELDS.map((f) => [f, ''])) as Record<CoverField, string>),
  ics: '97.040.60',
  ccs: 'Y 29',
  titleZh: '轻量化不锈钢真空保温杯',
  titleEn: 'Lightweight stainless steel vacuum insulated cup',
  standardNumber: 'T/ZZB 0123—2026',
  ...fields,
});

/** Facts of a project ready for its 送审稿. */
function readyFacts(): GateFacts {
  return {
    projectId: 'prj',
    documents: { standard: 'std', explanation: 'exp', 'application-report': 'rep' },
    standardChecker: {
      documentId: 'std',
      counts: { errors: 0, warnings: 2 },
      checkedAt: '2026-05-01T00:00:00Z',
      findings: null,
    },
    cover: cover(),
    rounds: [{ id: 'r1', number: 1, closed: true, items: 3, undecided: [], withoutReason: [] }],
    explanation: { documentId: 'exp', placeholders: [], emptySections: [] },
    applicationReport: { documentId: 'rep', placeholders: [], emptySections: [] },
    indicatorLinks: { total: 3, resolved: 3 },
    group: [
      { organizationId: 'o1', organizationName: '恒川杯业', relation: 'lead-unit' },
      { organizationId: 'o2', organizationName: '永康检验院', relation: 'testing-body' },
    ],
    productionChecks: [{ id: 'c1', date: '2026-05-20', result: 'passed', bureauName: '永康市市场监督管理局' }],
    review: {
      id: 'rev1',
      number: 1,
      passed: true,
      inFavour: 3,
      experts: 4,
      items: 2,
      undecided: [],
      withoutReason: [],
    },
    explanationReview: { documentId: 'exp', recorded: true, nodeId: null },
  };
}

const failing = (facts: GateFacts, target: '送审稿' | '报批稿' = '送审稿') =>
  failingItems(evaluateGate(target, facts, '2026-06-01T00:00:00Z')).map((i) => i.id);

describe('the stage table', () => {
  it('moves one stage at a time, each move by one action', () => {
    // Forward one stage at a time; the one move back: a failed technical review returns the 送审稿.
    for (const t of STAGE_TRANSITIONS)
      expect(PROJECT_STAGES.indexOf(t.to) - PROJECT_STAGES.indexOf(t.from), `${t.from} → ${t.to}`).toBe(
        t.by === 'review-failed' ? -1 : 1,
      );
    expect(transitionFrom('drafting', 'open-round')?.to).toBe('consultation');
    expect(transitionFrom('consultation', 'submit')?.to).toBe('review-submission');
    expect(transitionFrom('review-submission', 'accept')?.to).toBe('technical-review');
    expect(transitionFrom('consultation', 'accept')).toBeNull();
    expect(transitionFrom('review-submission', 'submit')).toBeNull();
    expect(transitionFrom('technical-review', 'review-passed')?.to).toBe('approval-submission');
    expect(transitionFrom('technical-review', 'review-failed')?.to).toBe('review-submission');
    expect(provinceMovesFrom('technical-review')).toEqual([]);
    expect(provinceMovesFrom('approval')).toEqual(['drafting']);
    expect(provinceMovesFrom('consultation')).toEqual([]);
  });

  it('locks the texts while a submission waits, after acceptance and after publication', () => {
    expect(textLockReason('consultation', false)).toBeNull();
    expect(textLockReason('review-submission', true)).toBe('submission-pending');
    expect(textLockReason('review-submission', false)).toBeNull();
    expect(textLockReason('technical-review', false)).toBe('submission-accepted');
    expect(textLockReason('approval-submission', false)).toBeNull();
    expect(textLockReason('published', false)).toBe('published');
    expect(nextGate('drafting')).toBe('送审稿');
    expect(nextGate('technical-review')).toBe('报批稿');
    expect(nextGate('published')).toBeNull();
  });
});

describe('the gate items', () => {
  it('pass for a ready project; the 报批稿 has its own items', () => {
    expect(failing(readyFacts())).toEqual([]);
    expect(gateRules('送审稿').map((r) => r.id)).toContain('production-check');
    expect(gateRules('报批稿').map((r) => r.id)).not.toContain('consultation-closed');
  });

  it('the 报批稿 asks a passed review, every expert comment decided, the explanation recording the review', () => {
    expect(failing(readyFacts(), '报批稿')).toEqual([]);
    const facts = readyFacts();
    facts.review = {
      id: 'rev1',
      number: 1,
      passed: false,
      inFavour: 2,
      experts: 4,
      items: 2,
      undecided: [{ id: 'c1', seq: 1, clauseLabel: '5.2' }],
      withoutReason: [{ id: 'c2', seq: 2, clauseLabel: '6.1' }],
    };
    facts.explanationReview = { documentId: 'exp', recorded: false, nodeId: 'row' };
    expect(failing(facts, '报批稿')).toEqual(['review-passed', 'review-comments-decided', 'explanation-review']);
    const checklist = evaluateGate('报批稿', facts, '2026-06-01T00:00:00Z');
    const comments = checklist.items.find((i) => i.id === 'review-comments-decided');
    expect(comments?.details.map((d) => d.clauseLabel)).toEqual(['5.2', '6.1']);
    expect(comments?.fix).toEqual({ type: 'review', reviewId: 'rev1' });
    expect(checklist.items.find((i) => i.id === 'explanation-review')?.fix).toEqual({
      type: 'document',
      documentId: 'exp',
      nodeId: 'row',
    });
    facts.review = null;
    expect(failing(facts, '报批稿')).toContain('review-passed');
    // The 送审稿 asks none of these.
    expect(failing(facts)).toEqual([]);
  });

  it('fail for each reason, with details that point where to fix', () => {
    const facts = readyFacts();
    facts.standardChecker = { ...facts.standardChecker, counts: { errors: 1, warnings: 0 } };
    facts.cover = cover({ standardNumber: 'T/ZZB 123-2026', ccs: '' });
    facts.rounds = [
      {
        id: 'r1',
        number: 1,
        closed: false,
        items: 2,
        undecided: [{ id: 'i1', seq: 1, clauseLabel: '5.2' }],
        withoutReason: [{ id: 'i2', seq: 2, clauseLabel: '6.1' }],
      },
    ];
    facts.explanation = {
      documentId: 'exp',
      placeholders: [{ nodeId: 'n1', clauseLabel: '1.1', message: { zh: '残留', en: 'left' } }],
      emptySections: [],
    };
    facts.indicatorLinks = { total: 2, resolved: 0 };
    facts.group = [{ organizationId: 'o1', organizationName: '恒川杯业', relation: 'lead-unit' }];
    facts.productionChecks = [
      { id: 'c2', date: '2026-06-01', result: 'rework', bureauName: '永康市市场监督管理局' },
      { id: 'c1', date: '2026-05-20', result: 'passed', bureauName: '永康市市场监督管理局' },
    ];
    expect(failing(facts)).toEqual([
      'standard-checker',
      'cover-complete',
      'consultation-closed',
      'comments-decided',
      'explanation-complete',
      'indicator-linked',
      'drafting-group',
      'production-check',
    ]);
    const checklist = evaluateGate('送审稿', facts, '2026-06-01T00:00:00Z');
    const item = (id: string) => checklist.items.find((i) => i.id === id);
    expect(item('cover-complete')?.details.map((d) => d.text.zh)).toEqual([
      '“CCS号”未填写。',
      '标准编号“T/ZZB 123-2026”不是“T/ZZB NNNN—YYYY”的形式。',
    ]);
    expect(item('comments-decided')?.details.map((d) => [d.clauseLabel, d.fix])).toEqual([
      ['5.2', { type: 'round', roundId: 'r1' }],
      ['6.1', { type: 'round', roundId: 'r1' }],
    ]);
    expect(item('explanation-complete')?.details[0]?.fix).toEqual({
      type: 'document',
      documentId: 'exp',
      nodeId: 'n1',
    });
    expect(item('indicator-linked')?.reason.zh).toContain('另有2个关联指向已删除的单元格');
    expect(item('production-check')?.reason.zh).toBe('永康市市场监督管理局于2026-06-01把关，结论：需整改。');
  });

  it('a lead unit with a bureau and an expert is no group; the same company twice neither', () => {
    const facts = readyFacts();
    facts.group = [
      { organizationId: 'o1', organizationName: '恒川杯业', relation: 'lead-unit' },
      { organizationId: 'o1', organizationName: '恒川杯业', relation: 'peer-company' },
      { organizationId: 'b1', organizationName: '永康市市场监督管理局', relation: 'supervising-bureau' },
      { organizationId: 'e1', organizationName: '标委会', relation: 'review-expert' },
    ];
    expect(failing(facts)).toEqual(['drafting-group']);
  });

  it('an unchecked text and a missing cover fail; warnings alone pass', () => {
    const facts = readyFacts();
    facts.standardChecker = { ...facts.standardChecker, counts: null };
    facts.cover = null;
    expect(failing(facts)).toEqual(['standard-checker', 'cover-complete']);
  });
});

describe('completeness of the explanation and the report', () => {
  const input = {
    nameZh: '测试杯',
    nameEn: 'Test cup',
    leadOrganizationName: '恒川杯业',
    participatingOrganizationNames: [],
    drafterNames: ['陈建华'],
    year: 2026,
    publishingBody: '浙江省质量协会',
  };

  it('finds the template’s placeholders and no link in a new explanation', () => {
    const found = documentCompleteness(documentTemplate('explanation', input), 'explanation');
    expect(found.placeholders.length).toBeGreaterThan(0);
    expect(found.indicatorTargets).toEqual([]);
    const report = documentCompleteness(documentTemplate('application-report', input), 'application-report');
    expect(report.placeholders.length).toBeGreaterThan(0);
  });

  it('finds a section with a title and nothing else', () => {
    const doc = {
      type: 'doc',
      content: [
        {
          type: 'chapter',
          attrs: { id: 'c1', role: 'other' },
          content: [
            { type: 'sectionTitle', content: [{ type: 'text', text: '工作简况' }] },
            {
              type: 'clause',
              attrs: { id: 'k1' },
              content: [
                { type: 'sectionTitle', content: [{ type: 'text', text: '任务来源' }] },
                { type: 'paragraph', content: [{ type: 'text', text: '2026年第一批研制计划。' }] },
              ],
            },
            {
              type: 'clause',
              attrs: { id: 'k2' },
              content: [{ type: 'sectionTitle', content: [{ type: 'text', text: '主要工作过程' }] }],
            },
          ],
        },
      ],
    };
    const found = documentCompleteness(doc, 'explanation');
    expect(found.emptySections.map((s) => [s.nodeId, s.clauseLabel])).toEqual([['k2', '1.2']]);
  });
});

describe('time', () => {
  it('days left and overdue until publication', () => {
    expect(dueState('2026-07-15', 'consultation', '2026-07-10')).toEqual({ daysLeft: 5, overdue: false });
    expect(dueState('2026-07-15', 'consultation', '2026-07-20')).toEqual({ daysLeft: -5, overdue: true });
    expect(dueState('2026-07-15', 'published', '2026-07-20').overdue).toBe(false);
  });

  it('time in each stage from the stage log', () => {
    const entry = (
      from: null | 'drafting' | 'consultation',
      to: 'drafting' | 'consultation' | 'review-submission',
      at: string,
    ) => ({
      id: at,
      projectId: 'p',
      from,
      to,
      by: null,
      actorId: 'u',
      at,
      note: '',
      submissionId: null,
    });
    const periods = stagePeriods(
      [
        entry(null, 'drafting', '2026-01-15T02:00:00Z'),
        entry('drafting', 'consultation', '2026-03-01T02:00:00Z'),
        entry('consultation', 'review-submission', '2026-04-10T02:00:00Z'),
      ],
      '2026-04-20T02:00:00Z',
    );
    expect(periods.map((p) => [p.stage, p.days, p.to !== null])).toEqual([
      ['drafting', 45, true],
      ['consultation', 40, true],
      ['review-submission', 10, false],
    ]);
    expect(daysPerStage(periods)).toEqual({ drafting: 45, consultation: 40, 'review-submission': 10 });
  });

  it('a round is late when open past its deadline with units that have not replied', () => {
    expect(roundOverdue({ closed: false, deadline: '2026-06-30', notReplied: 2 }, '2026-07-01')).toBe(true);
    expect(roundOverdue({ closed: false, deadline: '2026-06-30', notReplied: 0 }, '2026-07-01')).toBe(false);
    expect(roundOverdue({ closed: true, deadline: '2026-06-30', notReplied: 2 }, '2026-07-01')).toBe(false);
    expect(roundOverdue({ closed: false, deadline: '2026-06-30', notReplied: 2 }, '2026-06-30')).toBe(false);
  });
});

describe('jurisdiction', () => {
  const bureau = (id: string, division: string, bureauLevel: 'county' | 'city' | 'province'): BureauInfo => ({
    id,
    kind: 'market-supervision-bureau',
    bureauLevel,
    creditCode: withCheckChar(`11${division}MB0000001`),
  });
  const yongkang = bureau('yk', '330784', 'county');
  const yiwu = bureau('yw', '330782', 'county');
  const jinhua = bureau('jh', '330700', 'city');
  const hangzhou = bureau('hz', '330100', 'city');
  const province = bureau('zj', '330000', 'province');

  it('reads the division from the credit code', () => {
    expect(divisionOf(yongkang.creditCode)).toBe('330784');
  });

  it('a county follows its own projects, a city its counties’, the province all', () => {
    expect(oversees(yongkang, yongkang)).toBe(true);
    expect(oversees(yongkang, yiwu)).toBe(false);
    expect(oversees(jinhua, yongkang)).toBe(true);
    expect(oversees(hangzhou, yongkang)).toBe(false);
    expect(oversees(jinhua, hangzhou)).toBe(false);
    expect(inJurisdiction(province, [])).toBe(true);
    expect(inJurisdiction(jinhua, [])).toBe(false);
    expect(inJurisdiction({ ...jinhua, kind: 'enterprise' }, [yongkang])).toBe(false);
  });
});
