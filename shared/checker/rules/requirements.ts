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
import { LabelMentions } from '../labelMentions.js';
import { clauseMentionPattern, floatMentionPattern } from '../text.js';
import type { RuleHit } from '../types.js';
import { STANDARD_ONLY, defineRule } from './helpers.js';

/** How a node is mentioned in text: `表1`/`图1` anywhere, clause numbers and annexes with the words around them. */
function mentionPattern(type: string, label: string): RegExp {
  return type === NODE.tableBlock || type === NODE.figureBlock
    ? floatMentionPattern(label)
    : clauseMentionPattern(label);
}

function leavesOf(ctx: CheckContext, chapter: IndexedNode): readonly IndexedNode[] {
  const leaves = ctx.ofTypeWithin(NODE.clause, chapter).filter((c) => ctx.clausesOf(c).length === 0);
  return leaves.length > 0 ? leaves : [chapter];
}

/** The leaf, its enclosing clauses (not the chapter) and the tables/figures inside it. */
function referableFor(ctx: CheckContext, leaf: IndexedNode, chapter: IndexedNode): IndexedNode[] {
  const nodes: IndexedNode[] = [];
  for (let n: IndexedNode | null = leaf; n && n !== chapter; n = n.parent) if (n.type === NODE.clause) nodes.push(n);
  if (leaf === chapter) nodes.push(chapter);
  for (const type of [NODE.tableBlock, NODE.figureBlock]) nodes.push(...ctx.ofTypeWithin(type, leaf));
  return nodes;
}

/** The labelled nodes inside `places` of the given types, with the patterns that find their mentions. */
function mentionsOf(
  ctx: CheckContext,
  places: readonly IndexedNode[],
  types: readonly string[],
  skip: IndexedNode | null,
) {
  const mentions = new LabelMentions<IndexedNode>();
  for (const place of places) {
    for (const type of types) {
      for (const n of ctx.ofTypeWithin(type, place)) {
        if (n !== skip && n.label !== null) mentions.add(n.label, mentionPattern(n.type, n.label), n);
      }
    }
  }
  return mentions;
}

const LABELLED_METHOD_TYPES: readonly string[] = [
  NODE.chapter,
  NODE.clause,
  NODE.annex,
  NODE.tableBlock,
  NODE.figureBlock,
];

const REFERABLE_TYPES: readonly string[] = [NODE.chapter, NODE.clause, NODE.tableBlock, NODE.figureBlock];

/** Where test methods are: the test methods chapter and the normative annexes. */
function methodPlaces(ctx: CheckContext, tests: IndexedNode): IndexedNode[] {
  return [tests, ...ctx.ofType(NODE.annex).filter((a) => a.node.attrs?.normative !== 'informative')];
}

/** Whether the requirement `leaf` refers to a test method (cross-reference or a number in its text). */
function refersToMethod(
  ctx: CheckContext,
  leaf: IndexedNode,
  places: readonly IndexedNode[],
  methods: LabelMentions<IndexedNode>,
): boolean {
  const viaRef = ctx.crossRefsWithin(leaf).some((r) => {
    const target = r.target;
    return target !== null && places.some((p) => ctx.isWithin(target, p));
  });
  if (viaRef) return true;
  const text = ctx
    .textBlocksWithin(leaf)
    .filter((b) => b.at.type !== NODE.sectionTitle && b.at.type !== NODE.caption)
    .map((b) => b.text)
    .join('\n');
  return text.length > 0 && methods.anyIn(text);
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
    // Once per run: what the test methods cite (cross-references, numbers in their text) and the
    // patterns of the test methods' labels; then each requirement is looked at on its own.
    const targets = new Set(ctx.crossRefsWithin(tests).map((r) => r.target));
    const testText = ctx
      .textBlocksWithin(tests)
      .map((b) => b.text)
      .join('\n');
    const mentionedInTests = mentionsOf(ctx, [tech], REFERABLE_TYPES, null).mentionedIn(testText);
    const places = methodPlaces(ctx, tests);
    const methods = mentionsOf(ctx, places, LABELLED_METHOD_TYPES, tests);
    const hits: RuleHit[] = [];
    for (const leaf of leavesOf(ctx, tech)) {
      const referredTo = referableFor(ctx, leaf, tech).some((n) => targets.has(n) || mentionedInTests.has(n));
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
