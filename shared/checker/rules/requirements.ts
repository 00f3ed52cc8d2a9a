/**
 * Every requirement can be verified: each clause of the technical requirements (the leaf clauses, or
 * the chapter itself when it has no clauses) is linked to a test method, in either direction:
 * - the test methods refer to the requirement, by a cross-reference or by its number in the text
 *   ("按5.2", "5.2的规定", "见5.2", "对照表1");
 * - the requirement (its text, or a row of its table, e.g. the 试验方法 column) refers to a clause,
 *   table or figure of the test methods chapter, or to a normative annex, the same two ways
 *   ("按6.2试验", "见附录A").
 */
import { NODE } from '../../editor/structure/names.js';
import type { CheckContext, IndexedNode } from '../context.js';
import { escapeRegExp, floatMentionPattern } from '../text.js';
import type { RuleHit } from '../types.js';
import { STANDARD_ONLY, defineRule } from './helpers.js';

/** A clause number written in running text, with the words around it that make it a reference. */
function clauseMentionPattern(label: string): RegExp {
  const l = escapeRegExp(label);
  const end = '(?![\\d]|\\.\\d)';
  const before = '(?:按|见|照|符合|满足|依据|根据|和|、|及|与|或|至|～|第)\\s*';
  const after = '\\s*(?:的|中|规定|要求|条|、|和|及|或|）|\\)|试验|检验|进行|测定|测试)';
  return new RegExp(`(?<![\\d.A-Za-z])(?:(?<=${before})${l}${end}|${l}${end}(?=${after}))`);
}

/** How a node is mentioned in text: `表1`/`图1` anywhere, clause numbers and annexes with the words around them. */
function mentionPattern(type: string, label: string): RegExp {
  return type === NODE.tableBlock || type === NODE.figureBlock
    ? floatMentionPattern(label)
    : clauseMentionPattern(label);
}

function leavesOf(ctx: CheckContext, chapter: IndexedNode): IndexedNode[] {
  const clauses = ctx.ofType(NODE.clause).filter((c) => ctx.isWithin(c, chapter));
  const leaves = clauses.filter((c) => ctx.clausesOf(c).length === 0);
  return leaves.length > 0 ? leaves : [chapter];
}

/** The leaf, its enclosing clauses (not the chapter) and the tables/figures inside it. */
function referableFor(ctx: CheckContext, leaf: IndexedNode, chapter: IndexedNode): IndexedNode[] {
  const nodes: IndexedNode[] = [];
  for (let n: IndexedNode | null = leaf; n && n !== chapter; n = n.parent) if (n.type === NODE.clause) nodes.push(n);
  if (leaf === chapter) nodes.push(chapter);
  for (const type of [NODE.tableBlock, NODE.figureBlock]) {
    nodes.push(...ctx.ofType(type).filter((t) => ctx.isWithin(t, leaf)));
  }
  return nodes;
}

const LABELLED_METHOD_TYPES: readonly string[] = [
  NODE.chapter,
  NODE.clause,
  NODE.annex,
  NODE.tableBlock,
  NODE.figureBlock,
];

/** Where test methods are: the test methods chapter and the normative annexes. */
function methodPlaces(ctx: CheckContext, tests: IndexedNode): IndexedNode[] {
  return [tests, ...ctx.ofType(NODE.annex).filter((a) => a.node.attrs?.normative !== 'informative')];
}

/** The labelled nodes of the test methods (the test methods chapter itself is too vague to count). */
function methodTargets(ctx: CheckContext, places: readonly IndexedNode[], tests: IndexedNode): IndexedNode[] {
  return ctx.nodes.filter(
    (n) =>
      n !== tests &&
      n.label !== null &&
      LABELLED_METHOD_TYPES.includes(n.type) &&
      places.some((p) => ctx.isWithin(n, p)),
  );
}

/** Whether the requirement `leaf` refers to a test method (cross-reference or a number in its text). */
function refersToMethod(
  ctx: CheckContext,
  leaf: IndexedNode,
  places: readonly IndexedNode[],
  targets: readonly IndexedNode[],
): boolean {
  const viaRef = ctx.crossRefs.some((r) => {
    const target = r.target;
    return target !== null && ctx.isWithin(r.at, leaf) && places.some((p) => ctx.isWithin(target, p));
  });
  if (viaRef) return true;
  const text = ctx.textBlocks
    .filter((b) => b.at.type !== NODE.sectionTitle && b.at.type !== NODE.caption && ctx.isWithin(b.at, leaf))
    .map((b) => b.text)
    .join('\n');
  return text.length > 0 && targets.some((t) => t.label !== null && mentionPattern(t.type, t.label).test(text));
}

export const requirementUntested = defineRule({
  id: 'requirements.untested',
  severity: 'error',
  title: { zh: '技术要求没有对应的试验方法', en: 'Requirement without a test method' },
  appliesTo: STANDARD_ONLY,
  check(ctx) {
    const tech = ctx.chapterByRole('technical-requirements');
    const tests = ctx.chapterByRole('test-methods');
    if (!tech || !tests) return [];
    const targets = new Set(ctx.crossRefs.filter((r) => ctx.isWithin(r.at, tests) && r.target).map((r) => r.target));
    const testText = ctx.textBlocks
      .filter((b) => ctx.isWithin(b.at, tests))
      .map((b) => b.text)
      .join('\n');
    const places = methodPlaces(ctx, tests);
    const methods = methodTargets(ctx, places, tests);
    const hits: RuleHit[] = [];
    for (const leaf of leavesOf(ctx, tech)) {
      const referredTo = referableFor(ctx, leaf, tech).some((n) => {
        if (targets.has(n)) return true;
        return n.label !== null && mentionPattern(n.type, n.label).test(testText);
      });
      if (referredTo || refersToMethod(ctx, leaf, places, methods)) continue;
      const d = ctx.describe(leaf);
      const t = ctx.describe(tests);
      hits.push(ctx.hit(leaf, { clause: d.zh, clauseEn: d.en, label: leaf.label ?? '', tests: t.zh, testsEn: t.en }));
    }
    return hits;
  },
  message: (p) => ({
    zh: `${p.clause}的要求没有对应的试验方法：每项技术要求都应有验证它的试验方法——在该条（或其表的“试验方法”栏）中引用${p.tests}的相应条（如“按6.2试验”），或在试验方法中引用该条（如“……对照${p.label}判定”）。`,
    en: `${p.clauseEn} has no test method: each requirement needs one — refer from it (or from the test-method column of its table) to the clause of ${p.testsEn} that checks it, or refer to it from that test method.`,
  }),
});

export const REQUIREMENT_RULES = [requirementUntested];
