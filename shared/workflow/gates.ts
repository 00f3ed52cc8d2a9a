/**
 * The gates before a submission, as one table of items (like the checker's rules): id, title and
 * what it asks in both UI languages, the drafts it applies to, whether it blocks the submission, and
 * a small function that judges the facts (`gateFacts.ts`) — pass or fail, the reason, the places to
 * fix. The server computes the checklist and refuses a submission while a required item fails; the
 * client shows the same items. The 报批稿 has its own items: the technical review passed, every
 * expert comment decided, the cover of the 报批稿 (no patent notice), the explanation records the
 * review's conclusion.
 */
import type { LocalizedText } from '../checker/types.js';
import { ZHEJIANG_MADE_NUMBER } from '../checker/rules/cover.js';
import type { MemberRelation } from '../domain/roles.js';
import { PATENT_NOTICE_STAGES } from '../editor/structure/cover.js';
import type { CoverField } from '../editor/structure/names.js';
import type { CompletenessFacts, GateFacts } from './gateFacts.js';
import { PRODUCTION_CHECK_RESULT_LABELS } from './productionChecks.js';
import type { SubmissionStageLabel } from './stages.js';

/** Where the drafting group fixes what an item found. */
export type GateFix =
  | { type: 'document'; documentId: string; nodeId: string | null }
  | { type: 'round'; roundId: string }
  | { type: 'group' }
  | { type: 'production-checks' }
  | { type: 'review'; reviewId: string };

/** One thing an item found (a finding, an undecided comment, a missing field), with where to fix it. */
export interface GateDetail {
  text: LocalizedText;
  /** The clause or part it is in, when it has one. */
  clauseLabel: string | null;
  fix: GateFix | null;
}

export interface GateItemResult {
  id: string;
  title: LocalizedText;
  description: LocalizedText;
  required: boolean;
  passed: boolean;
  /** Why it passes or fails, in one sentence. */
  reason: LocalizedText;
  details: GateDetail[];
  /** Where to go to fix it (or to see it). */
  fix: GateFix | null;
}

export interface GateChecklist {
  target: SubmissionStageLabel;
  /** Every required item passes: the lead may submit. */
  passed: boolean;
  items: GateItemResult[];
  computedAt: string;
}

type Judgement = Pick<GateItemResult, 'passed' | 'reason' | 'details' | 'fix'>;

export interface GateItemRule {
  id: string;
  title: LocalizedText;
  description: LocalizedText;
  targets: readonly SubmissionStageLabel[];
  /** A failing required item blocks the submission; others are shown only. */
  required: boolean;
  judge(facts: GateFacts): Judgement;
}

/** At most this many details per item (the counts are in the reason). */
const MAX_DETAILS = 50;

const pass = (reason: LocalizedText, fix: GateFix | null = null, details: GateDetail[] = []): Judgement => ({
  passed: true,
  reason,
  details: details.slice(0, MAX_DETAILS),
  fix,
});
const fail = (reason: LocalizedText, fix: GateFix | null, details: GateDetail[] = []): Judgement => ({
  passed: false,
  reason,
  details: details.slice(0, MAX_DETAILS),
  fix,
});

const documentFix = (documentId: string, nodeId: string | null = null): GateFix => ({
  type: 'document',
  documentId,
  nodeId,
});

const standardChecker: GateItemRule = {
  id: 'standard-checker',
  title: { zh: '标准文本无编写错误', en: 'No drafting errors in the standard text' },
  description: {
    zh: '标准文本经编写检查没有错误（警告允许提交，并在此列出）。',
    en: 'The drafting checker finds no errors in the standard text (warnings are allowed and listed).',
  },
  targets: ['送审稿', '报批稿'],
  required: true,
  judge({ standardChecker: check }) {
    const fix = documentFix(check.documentId);
    if (!check.counts)
      return fail({ zh: '标准文本尚未检查。', en: 'The standard text has not been checked yet.' }, fix);
    const { errors, warnings } = check.counts;
    const details = (check.findings ?? [])
      .filter((f) => f.severity === 'error')
      .concat((check.findings ?? []).filter((f) => f.severity === 'warning'))
      .map(
        (f): GateDetail => ({
          text: {
            zh: `${f.severity === 'error' ? '错误' : '警告'}：${f.message.zh}`,
            en: `${f.severity}: ${f.message.en}`,
          },
          clauseLabel: f.clauseLabel,
          fix: documentFix(check.documentId, f.nodeId),
        }),
      );
    if (errors > 0)
      return fail(
        { zh: `编写检查发现${errors}个错误、${warnings}个警告。`, en: `${errors} errors and ${warnings} warnings.` },
        fix,
        details,
      );
    return pass(
      warnings > 0
        ? { zh: `没有错误；${warnings}个警告（允许提交）。`, en: `No errors; ${warnings} warnings (allowed).` }
        : { zh: '没有错误和警告。', en: 'No errors and no warnings.' },
      fix,
      details,
    );
  },
};

/** The cover fields a submitted draft must have filled in (dates and the publisher come at publication). */
const SUBMISSION_COVER_FIELDS: readonly { field: CoverField; name: LocalizedText }[] = [
  { field: 'ics', name: { zh: 'ICS号', en: 'ICS number' } },
  { field: 'ccs', name: { zh: 'CCS号', en: 'CCS number' } },
  { field: 'titleZh', name: { zh: '中文名称', en: 'Chinese title' } },
  { field: 'titleEn', name: { zh: '英文名称', en: 'English title' } },
  { field: 'standardNumber', name: { zh: '标准编号', en: 'standard number' } },
];

const coverComplete: GateItemRule = {
  id: 'cover-complete',
  title: { zh: '封面信息完整', en: 'Cover complete' },
  description: {
    zh: '封面填写了ICS号、CCS号、中英文名称，标准编号形如“T/ZZB 0123—2026”；提交时封面的阶段标识由系统改为本次提交的稿名。',
    en: 'The cover has ICS and CCS numbers, both titles and a standard number like "T/ZZB 0123—2026"; submitting sets its stage label to the submitted draft.',
  },
  targets: ['送审稿', '报批稿'],
  required: true,
  judge({ cover, documents }) {
    const fix = documentFix(documents.standard);
    if (!cover) return fail({ zh: '标准文本没有封面。', en: 'The standard text has no cover.' }, fix);
    const details: GateDetail[] = [];
    for (const { field, name } of SUBMISSION_COVER_FIELDS) {
      const value = cover[field].trim();
      if (!value)
        details.push({
          text: { zh: `“${name.zh}”未填写。`, en: `The ${name.en} is not filled in.` },
          clauseLabel: '封面',
          fix,
        });
      else if (field === 'standardNumber' && !ZHEJIANG_MADE_NUMBER.test(value))
        details.push({
          text: {
            zh: `标准编号“${value}”不是“T/ZZB NNNN—YYYY”的形式。`,
            en: `The standard number "${value}" is not of the form "T/ZZB NNNN—YYYY".`,
          },
          clauseLabel: '封面',
          fix,
        });
    }
    if (details.length > 0)
      return fail(
        { zh: `封面有${details.length}处需要补全。`, en: `${details.length} cover fields need attention.` },
        fix,
        details,
      );
    return pass({ zh: `封面完整，标准编号${cover.standardNumber.trim()}。`, en: 'The cover is complete.' }, fix);
  },
};

const consultationClosed: GateItemRule = {
  id: 'consultation-closed',
  title: { zh: '征求意见已结束', en: 'Consultation closed' },
  description: {
    zh: '至少有一轮征求意见已经结束。',
    en: 'At least one consultation round is closed.',
  },
  targets: ['送审稿'],
  required: true,
  judge({ rounds }) {
    const closed = rounds.filter((r) => r.closed);
    const open = rounds.find((r) => !r.closed);
    const fix: GateFix | null = open ? { type: 'round', roundId: open.id } : null;
    if (rounds.length === 0)
      return fail({ zh: '尚未开展征求意见。', en: 'No consultation round was opened yet.' }, null);
    if (closed.length === 0)
      return fail(
        { zh: `${rounds.length}轮征求意见均未结束。`, en: `None of the ${rounds.length} rounds is closed.` },
        fix,
      );
    return pass(
      { zh: `已结束${closed.length}轮征求意见。`, en: `${closed.length} rounds closed.` },
      { type: 'round', roundId: closed[closed.length - 1]?.id ?? '' },
    );
  },
};

const commentsDecided: GateItemRule = {
  id: 'comments-decided',
  title: { zh: '意见全部处理', en: 'Every comment decided' },
  description: {
    zh: '每一轮征求意见的每条意见都有处理意见，“部分采纳”“不采纳”都写明理由。',
    en: 'Every comment of every round has a decision; every partly accepted or rejected comment has a reason.',
  },
  targets: ['送审稿'],
  required: true,
  judge({ rounds }) {
    const details: GateDetail[] = [];
    let undecided = 0;
    let withoutReason = 0;
    for (const round of rounds) {
      const fix: GateFix = { type: 'round', roundId: round.id };
      undecided += round.undecided.length;
      withoutReason += round.withoutReason.length;
      for (const item of round.undecided)
        details.push({
          text: {
            zh: `第${round.number}轮第${item.seq}条意见尚未处理。`,
            en: `Round ${round.number}, comment ${item.seq} has no decision.`,
          },
          clauseLabel: item.clauseLabel || null,
          fix,
        });
      for (const item of round.withoutReason)
        details.push({
          text: {
            zh: `第${round.number}轮第${item.seq}条意见“部分采纳/不采纳”未写理由。`,
            en: `Round ${round.number}, comment ${item.seq} is partly accepted or rejected without a reason.`,
          },
          clauseLabel: item.clauseLabel || null,
          fix,
        });
    }
    const items = rounds.reduce((sum, r) => sum + r.items, 0);
    const first = rounds.find((r) => r.undecided.length + r.withoutReason.length > 0);
    if (undecided + withoutReason > 0)
      return fail(
        {
          zh: `${undecided}条意见尚未处理，${withoutReason}条缺少理由。`,
          en: `${undecided} comments undecided, ${withoutReason} without a reason.`,
        },
        first ? { type: 'round', roundId: first.id } : null,
        details,
      );
    return pass(
      rounds.length === 0
        ? { zh: '尚无意见。', en: 'No comments yet.' }
        : { zh: `${items}条意见均已处理。`, en: `All ${items} comments are decided.` },
    );
  },
};

function completeness(
  id: string,
  name: LocalizedText,
  pick: (facts: GateFacts) => CompletenessFacts,
  targets: readonly SubmissionStageLabel[],
): GateItemRule {
  return {
    id,
    title: { zh: `${name.zh}已完成`, en: `${name.en} complete` },
    description: {
      zh: `${name.zh}没有残留的模板提示文字，也没有空的章节。`,
      en: `The ${name.en.toLowerCase()} has no template placeholders left and no empty sections.`,
    },
    targets,
    required: true,
    judge(facts) {
      const { documentId, placeholders, emptySections } = pick(facts);
      const details = [...placeholders, ...emptySections].map(
        (spot): GateDetail => ({
          text: spot.message,
          clauseLabel: spot.clauseLabel,
          fix: documentFix(documentId, spot.nodeId),
        }),
      );
      const fix = documentFix(documentId);
      if (details.length > 0)
        return fail(
          {
            zh: `${placeholders.length}处模板提示文字，${emptySections.length}个空章节。`,
            en: `${placeholders.length} placeholders and ${emptySections.length} empty sections.`,
          },
          fix,
          details,
        );
      return pass({ zh: '没有模板提示文字和空章节。', en: 'No placeholders and no empty sections.' }, fix);
    },
  };
}

const indicatorLinked: GateItemRule = {
  id: 'indicator-linked',
  title: { zh: '关键指标已关联', en: 'Key indicators linked' },
  description: {
    zh: '编制说明的关键指标对比中至少有一个“本标准”指标关联到标准文本的要求表格。',
    en: "The explanation's key-indicator comparison links at least one value to the standard text's requirement tables.",
  },
  targets: ['送审稿', '报批稿'],
  required: true,
  judge({ indicatorLinks, documents }) {
    const fix = documentFix(documents.explanation);
    const broken = indicatorLinks.total - indicatorLinks.resolved;
    const brokenNote: LocalizedText =
      broken > 0
        ? { zh: `另有${broken}个关联指向已删除的单元格。`, en: ` ${broken} links point at deleted cells.` }
        : { zh: '', en: '' };
    if (indicatorLinks.resolved === 0)
      return fail(
        {
          zh: `编制说明尚无有效的关联指标。${brokenNote.zh}`,
          en: `The explanation has no working indicator link.${brokenNote.en}`,
        },
        fix,
      );
    return pass(
      {
        zh: `已关联${indicatorLinks.resolved}个指标。${brokenNote.zh}`,
        en: `${indicatorLinks.resolved} indicators linked.${brokenNote.en}`,
      },
      fix,
    );
  },
};

/** Units of another kind than the lead that make a drafting group (not bureaus, not review experts). */
export const GROUP_PARTNER_RELATIONS: readonly MemberRelation[] = [
  'peer-company',
  'upstream-company',
  'downstream-company',
  'testing-body',
  'technical-committee',
  'certification-body',
];

const draftingGroup: GateItemRule = {
  id: 'drafting-group',
  title: { zh: '起草组组成符合要求', en: 'Drafting group composed' },
  description: {
    zh: '起草组有牵头起草单位，并至少有一家其他类型的单位（同类企业、上下游企业、检验检测机构、标准化技术委员会或认证机构）。',
    en: 'The group has the lead unit and at least one unit of another kind (peer, upstream/downstream, testing, technical committee or certification body).',
  },
  targets: ['送审稿'],
  required: true,
  judge({ group }) {
    const lead = group.find((u) => u.relation === 'lead-unit');
    const partners = group.filter(
      (u) => GROUP_PARTNER_RELATIONS.includes(u.relation) && u.organizationId !== lead?.organizationId,
    );
    const fix: GateFix = { type: 'group' };
    const names = [...new Set(partners.map((p) => p.organizationName))];
    if (!lead) return fail({ zh: '起草组中没有牵头起草单位。', en: 'The group has no lead unit.' }, fix);
    if (partners.length === 0)
      return fail(
        {
          zh: `起草组只有牵头起草单位${lead.organizationName}，还需要其他类型的单位。`,
          en: 'The group has only the lead unit; a unit of another kind is needed.',
        },
        fix,
      );
    return pass(
      {
        zh: `牵头起草单位${lead.organizationName}，参与单位${names.length}家：${names.join('、')}。`,
        en: `The lead unit and ${names.length} participating units.`,
      },
      fix,
    );
  },
};

const productionCheck: GateItemRule = {
  id: 'production-check',
  title: { zh: '生产验证把关通过', en: 'Production verification passed' },
  description: {
    zh: '属地市场监管部门已记录标准生产验证把关，最近一次的结论为“通过”。',
    en: "The supervising local bureau recorded a production-verification check whose latest result is 'passed'.",
  },
  targets: ['送审稿'],
  required: true,
  judge({ productionChecks }) {
    const fix: GateFix = { type: 'production-checks' };
    const latest = productionChecks[0];
    if (!latest)
      return fail(
        { zh: '属地市场监管部门尚未记录生产验证把关。', en: 'No production-verification check is recorded yet.' },
        fix,
      );
    const label = PRODUCTION_CHECK_RESULT_LABELS[latest.result];
    const reason: LocalizedText = {
      zh: `${latest.bureauName}于${latest.date}把关，结论：${label}。`,
      en: `Checked by ${latest.bureauName} on ${latest.date}: ${latest.result === 'passed' ? 'passed' : 'rework needed'}.`,
    };
    return latest.result === 'passed' ? pass(reason, fix) : fail(reason, fix);
  },
};

const reviewPassed: GateItemRule = {
  id: 'review-passed',
  title: { zh: '技术审评通过', en: 'Technical review passed' },
  description: {
    zh: '最近一次技术审评已结束，通过和修改后通过的票数不少于专家人数的四分之三。',
    en: 'The latest technical review is closed and at least three quarters of the experts voted pass or pass with changes.',
  },
  targets: ['报批稿'],
  required: true,
  judge({ review }) {
    if (!review) return fail({ zh: '尚无结束的技术审评。', en: 'No technical review is closed yet.' }, null);
    const fix: GateFix = { type: 'review', reviewId: review.id };
    const count = `${review.inFavour}/${review.experts}`;
    return review.passed
      ? pass(
          { zh: `第${review.number}次技术审评通过（${count}）。`, en: `Review ${review.number} passed (${count}).` },
          fix,
        )
      : fail(
          {
            zh: `第${review.number}次技术审评未通过（${count}）。`,
            en: `Review ${review.number} did not pass (${count}).`,
          },
          fix,
        );
  },
};

const reviewCommentsDecided: GateItemRule = {
  id: 'review-comments-decided',
  title: { zh: '审查意见全部处理', en: 'Every review comment decided' },
  description: {
    zh: '技术审评专家的每条审查意见都有处理意见，“部分采纳”“不采纳”都写明理由。',
    en: "Every expert's review comment has a decision; every partly accepted or rejected comment has a reason.",
  },
  targets: ['报批稿'],
  required: true,
  judge({ review }) {
    if (!review) return fail({ zh: '尚无结束的技术审评。', en: 'No technical review is closed yet.' }, null);
    const fix: GateFix = { type: 'review', reviewId: review.id };
    const details: GateDetail[] = [
      ...review.undecided.map(
        (item): GateDetail => ({
          text: { zh: `第${item.seq}条审查意见尚未处理。`, en: `Review comment ${item.seq} has no decision.` },
          clauseLabel: item.clauseLabel || null,
          fix,
        }),
      ),
      ...review.withoutReason.map(
        (item): GateDetail => ({
          text: {
            zh: `第${item.seq}条审查意见“部分采纳/不采纳”未写理由。`,
            en: `Review comment ${item.seq} is partly accepted or rejected without a reason.`,
          },
          clauseLabel: item.clauseLabel || null,
          fix,
        }),
      ),
    ];
    if (details.length > 0)
      return fail(
        {
          zh: `${review.undecided.length}条审查意见尚未处理，${review.withoutReason.length}条缺少理由。`,
          en: `${review.undecided.length} review comments undecided, ${review.withoutReason.length} without a reason.`,
        },
        fix,
        details,
      );
    return pass(
      review.items === 0
        ? { zh: '专家没有提出审查意见。', en: 'The experts made no comments.' }
        : { zh: `${review.items}条审查意见均已处理。`, en: `All ${review.items} review comments are decided.` },
      fix,
    );
  },
};

const approvalCover: GateItemRule = {
  id: 'approval-cover',
  title: { zh: '报批稿封面', en: 'Cover of the draft for approval' },
  description: {
    zh: '封面阶段标识为“报批稿”（提交时由系统设置），报批稿封面不印专利信息提示。',
    en: "The cover's stage label is 报批稿 (set by the submission); the cover of the 报批稿 carries no patent notice.",
  },
  targets: ['报批稿'],
  required: true,
  judge({ cover, documents }) {
    const fix = documentFix(documents.standard);
    if (!cover) return fail({ zh: '标准文本没有封面。', en: 'The standard text has no cover.' }, fix);
    if (PATENT_NOTICE_STAGES.includes('报批稿'))
      return fail({ zh: '报批稿封面仍印专利信息提示。', en: 'The cover of the 报批稿 prints the patent notice.' }, fix);
    const stage = cover.stage.trim();
    return pass(
      stage === '报批稿'
        ? { zh: '封面阶段标识为“报批稿”，不印专利信息提示。', en: 'The cover reads 报批稿, without the patent notice.' }
        : {
            zh: `提交时封面阶段标识由“${stage || '（空）'}”改为“报批稿”，专利信息提示随之去掉。`,
            en: 'Submitting sets the cover to 报批稿, which drops the patent notice.',
          },
      fix,
    );
  },
};

const explanationRecordsReview: GateItemRule = {
  id: 'explanation-review',
  title: { zh: '编制说明记录审评结论', en: 'Explanation records the review' },
  description: {
    zh: '技术审评后更新编制说明：写明技术审评的情况和审评结论（如“主要工作过程”表的“技术审评”一行）。',
    en: 'After the review the drafting explanation states the technical review and its conclusion (e.g. the 技术审评 row of the work-process table).',
  },
  targets: ['报批稿'],
  required: true,
  judge({ explanationReview }) {
    const fix = documentFix(explanationReview.documentId, explanationReview.nodeId);
    return explanationReview.recorded
      ? pass({ zh: '编制说明已写明审评结论。', en: 'The explanation states the review conclusion.' }, fix)
      : fail(
          {
            zh: '编制说明尚未写明技术审评结论（需有提到“审评”并写明“通过”或“审评结论”的内容）。',
            en: 'The explanation does not state the review conclusion yet (a passage on the review stating its outcome).',
          },
          fix,
        );
  },
};

/** Every gate item, in the order the checklist shows them. */
export const GATE_RULES: readonly GateItemRule[] = [
  standardChecker,
  coverComplete,
  consultationClosed,
  commentsDecided,
  completeness('explanation-complete', { zh: '编制说明', en: 'Drafting explanation' }, (f) => f.explanation, [
    '送审稿',
    '报批稿',
  ]),
  completeness('report-complete', { zh: '实施应用报告', en: 'Application report' }, (f) => f.applicationReport, [
    '送审稿',
    '报批稿',
  ]),
  indicatorLinked,
  draftingGroup,
  productionCheck,
  reviewPassed,
  reviewCommentsDecided,
  approvalCover,
  explanationRecordsReview,
];

/** The items of the gate before submitting `target`. */
export function gateRules(target: SubmissionStageLabel): GateItemRule[] {
  return GATE_RULES.filter((rule) => rule.targets.includes(target));
}

/** The checklist of the gate before `target`: every item judged on `facts`. */
export function evaluateGate(target: SubmissionStageLabel, facts: GateFacts, computedAt: string): GateChecklist {
  const items = gateRules(target).map(
    (rule): GateItemResult => ({
      id: rule.id,
      title: rule.title,
      description: rule.description,
      required: rule.required,
      ...rule.judge(facts),
    }),
  );
  return { target, passed: items.every((i) => i.passed || !i.required), items, computedAt };
}

/** The required items that fail (what a refused submission answers). */
export function failingItems(checklist: GateChecklist): GateItemResult[] {
  return checklist.items.filter((i) => i.required && !i.passed);
}
