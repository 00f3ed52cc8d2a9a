/**
 * Every requirement can be verified: each clause of the technical requirements (the leaf clauses, or
 * the chapter itself when it has no clauses) is referred to from the test methods chapter, by a
 * cross-reference or by its number in the text ("按5.2", "5.2的规定", "见5.2", "对照表1").
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
  const after = '\\s*(?:的|中|规定|要求|条|、|和|及|或|）|\\))';
  return new RegExp(`(?<![\\d.A-Za-z])(?:(?<=${before})${l}${end}|${l}${end}(?=${after}))`);
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
    const hits: RuleHit[] = [];
    for (const leaf of leavesOf(ctx, tech)) {
      const covered = referableFor(ctx, leaf, tech).some((n) => {
        if (targets.has(n)) return true;
        if (!n.label) return false;
        const pattern = n.type === NODE.tableBlock || n.type === NODE.figureBlock ? floatMentionPattern(n.label) : clauseMentionPattern(n.label);
        return pattern.test(testText);
      });
      if (covered) continue;
      const d = ctx.describe(leaf);
      const t = ctx.describe(tests);
      hits.push(ctx.hit(leaf, { clause: d.zh, clauseEn: d.en, label: leaf.label ?? '', tests: t.zh, testsEn: t.en }));
    }
    return hits;
  },
  message: (p) => ({
    zh: `${p.clause}的要求在${p.tests}中没有对应的试验方法：每项技术要求都应有验证它的试验方法，并在试验方法中引用该条（如“……对照${p.label}判定”）。`,
    en: `${p.clauseEn} has no test method in ${p.testsEn}: each requirement needs a test method that refers to it.`,
  }),
});

export const REQUIREMENT_RULES = [requirementUntested];
