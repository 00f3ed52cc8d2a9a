/**
 * Document templates and demo content in the structured document model (docs/document-model.md):
 * schema-valid, every structural node has a stable unique id, every cross-reference resolves, no
 * number is typed into a title or caption, and the demo standard follows the GB/T 1.1 rules the
 * drafting checker enforces.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { REQUIRED_ROLES } from '@shared/checker/rules/structure.js';
import { runChecker } from '@shared/checker/runChecker.js';
import type { Finding } from '@shared/checker/types.js';
import type { DocumentKind } from '@shared/domain/project.js';
import { computeNumbering, crossRefLabel } from '@shared/editor/structure/numbering.js';
import { writeJSONToYDoc, yDocToJSON, type ProseMirrorJSON } from '@shared/editor/yjsContent.js';
import { collectCrossRefs, collectIds, inlineText, walk } from '@shared/editor/builders/index.js';
import { ID_PATTERN, isStructuralType } from '@shared/editor/structure/ids.js';
import { documentTemplate, type TemplateInput } from '../../server/documents/templates/index.js';
import { demoProjects } from '../../server/seed/demo/index.js';
import {
  VACUUM_CUP_NORMATIVE_REFERENCES,
  VACUUM_CUP_STANDARD_IDS,
  vacuumCupStandard,
} from '../../server/seed/demo/standardContent.js';

const KINDS: DocumentKind[] = ['standard', 'explanation', 'application-report'];

const withGroup: TemplateInput = {
  nameZh: '不锈钢真空焖烧罐',
  nameEn: 'Stainless steel vacuum food jar',
  leadOrganizationName: '浙江恒川杯业股份有限公司',
  participatingOrganizationNames: ['浙江晶盾日用品有限公司', '浙江永康五金产品质量检验研究院'],
  drafterNames: ['陈建华', '李振宇'],
  year: 2026,
  publishingBody: '浙江省质量协会',
};
const withoutGroup: TemplateInput = { ...withGroup, participatingOrganizationNames: [], drafterNames: [] };

interface Case {
  name: string;
  kind: DocumentKind;
  json: ProseMirrorJSON;
  /** Ids of another document that crossRefs may point at (the demo standard, for its companions). */
  external: Set<string>;
}

const vacuumCup = demoProjects.find((p) => p.key === 'vacuum-cup');
if (!vacuumCup) throw new Error('demo project vacuum-cup missing');
const demoStandard = vacuumCup.content.standard;
const demoStandardIds = collectIds(demoStandard);

const cases: Case[] = [
  ...KINDS.flatMap((kind): Case[] => [
    {
      name: `template ${kind} (with drafting group)`,
      kind,
      json: documentTemplate(kind, withGroup),
      external: new Set(),
    },
    { name: `template ${kind} (lead only)`, kind, json: documentTemplate(kind, withoutGroup), external: new Set() },
  ]),
  ...demoProjects.flatMap((project) =>
    KINDS.map(
      (kind): Case => ({
        name: `demo ${project.key} ${kind}`,
        kind,
        json: project.content[kind],
        external: project.key === 'vacuum-cup' && kind !== 'standard' ? demoStandardIds : new Set(),
      }),
    ),
  ),
];

/** A typed number at the start of a title or caption: "5.1 外观", "表1 …", "图1 …", "附录A …", "A.1 …". */
const TYPED_NUMBER = [
  /^\d+(\.\d+)*\s/,
  /^表\d/,
  /^图\d/,
  /^表[A-Z]\.\d/,
  /^图[A-Z]\.\d/,
  /^附录[A-Z]/,
  /^[A-Z](\.\d+)+\s/,
];
const hasTypedNumber = (text: string): boolean => TYPED_NUMBER.some((re) => re.test(text));

function childrenOfType(node: ProseMirrorJSON, type: string): ProseMirrorJSON[] {
  return (node.content ?? []).filter((c) => c.type === type);
}

function titleOf(node: ProseMirrorJSON): string {
  const title = childrenOfType(node, 'sectionTitle')[0];
  return inlineText(title?.content ?? []);
}

/** Plain text of a subtree (crossRefs contribute nothing). */
function textOf(node: ProseMirrorJSON): string {
  let out = '';
  walk(node, (n) => {
    if (n.text !== undefined) out += n.text;
  });
  return out;
}

describe.each(cases)('$name', ({ kind, json, external }) => {
  it('is valid in the shared schema (writeJSONToYDoc) and keeps its ids', () => {
    const doc = new Y.Doc();
    expect(() => writeJSONToYDoc(doc, json)).not.toThrow();
    const stored = yDocToJSON(doc);
    expect([...collectIds(stored)].sort()).toEqual([...collectIds(json)].sort());
    expect(collectCrossRefs(stored)).toEqual(collectCrossRefs(json));
    doc.destroy();
  });

  it('uses no legacy headings, typed table/figure titles or typed notes', () => {
    walk(json, (n) => {
      expect(n.type).not.toBe('heading');
      if (n.type === 'paragraph') {
        const text = inlineText(n.content ?? []);
        expect(/^[表图][A-Z]?[\d.]+[\s　]/.test(text) || /^注\s*\d*\s*：/.test(text), `paragraph «${text}»`).toBe(
          false,
        );
      }
    });
  });

  it('gives every structural node a well-formed, unique id', () => {
    const seen = new Set<string>();
    walk(json, (n) => {
      if (!isStructuralType(n.type)) return;
      const id = n.attrs?.id;
      expect(typeof id === 'string' && ID_PATTERN.test(id), `${n.type} ${String(id)}`).toBe(true);
      expect(seen.has(String(id)), `duplicate id ${String(id)}`).toBe(false);
      seen.add(String(id));
    });
  });

  it('resolves every cross-reference', () => {
    const ids = collectIds(json);
    for (const target of collectCrossRefs(json)) {
      expect(ids.has(target) || external.has(target), `dangling crossRef ${target}`).toBe(true);
    }
  });

  it('types no numbers into titles, captions or notes', () => {
    walk(json, (n) => {
      if (n.type === 'sectionTitle' || n.type === 'caption') {
        const text = inlineText(n.content ?? []);
        expect(hasTypedNumber(text), `${n.type} «${text}»`).toBe(false);
      }
      if (n.type === 'note') {
        const text = inlineText(n.content ?? []);
        expect(/^注\s*\d*\s*[：:]/.test(text), `note «${text}»`).toBe(false);
      }
    });
  });

  it('cites every table, figure and annex in its own text', () => {
    const cited = new Set(collectCrossRefs(json));
    walk(json, (n) => {
      if (n.type === 'tableBlock' || n.type === 'figureBlock' || n.type === 'annex') {
        const label = n.type === 'annex' ? titleOf(n) : inlineText(childrenOfType(n, 'caption')[0]?.content ?? []);
        expect(cited.has(String(n.attrs?.id)), `${n.type} «${label}» is not cited`).toBe(true);
      }
    });
  });

  it('keeps blocks before subclauses and no lone subclause', () => {
    walk(json, (n) => {
      if (n.type !== 'chapter' && n.type !== 'clause' && n.type !== 'annex') return;
      const children = (n.content ?? []).slice(1);
      const firstClause = children.findIndex((c) => c.type === 'clause');
      if (firstClause >= 0) {
        expect(
          children.slice(firstClause).every((c) => c.type === 'clause'),
          `blocks after subclauses in «${titleOf(n)}»`,
        ).toBe(true);
        expect(
          children.filter((c) => c.type === 'clause').length,
          `lone subclause in «${titleOf(n)}»`,
        ).toBeGreaterThanOrEqual(2);
      }
    });
  });

  if (kind === 'standard') {
    it('has the Zhejiang Made structure', () => {
      const top = (json.content ?? []).map((n) => n.type);
      expect(top.slice(0, 3)).toEqual(['standardCover', 'tableOfContents', 'foreword']);
      expect(top[top.length - 1]).toBe('bibliography');
      const roles = (json.content ?? []).filter((n) => n.type === 'chapter').map((n) => n.attrs?.role);
      // Exactly the chapters the checker requires, in their order.
      expect(roles).toEqual(REQUIRED_ROLES);
      const foreword = (json.content ?? []).find((n) => n.type === 'foreword');
      expect(childrenOfType(foreword ?? { type: 'foreword' }, 'draftingCredits')).toHaveLength(1);
      expect(textOf(foreword ?? { type: 'foreword' })).not.toMatch(/主要起草单位|主要起草人/);
      const basic = (json.content ?? []).find((n) => n.attrs?.role === 'basic-requirements');
      expect(childrenOfType(basic ?? { type: 'chapter' }, 'clause').map(titleOf)).toEqual([
        '设计研发',
        '原材料',
        '工艺装备',
        '检验检测',
      ]);
      const cover = (json.content ?? [])[0];
      expect(cover?.attrs?.stage).toBe('征求意见稿');
    });
  }
});

describe('demo standard text', () => {
  it('numbers the key nodes as GB/T 1.1 expects', () => {
    const numbering = computeNumbering(demoStandard);
    const label = (key: keyof typeof VACUUM_CUP_STANDARD_IDS): string =>
      crossRefLabel(numbering, VACUUM_CUP_STANDARD_IDS[key]);
    expect(label('tech')).toBe('5');
    expect(label('performance')).toBe('5.3');
    expect(label('performanceTable')).toBe('表1');
    expect(label('migrationTable')).toBe('表2');
    expect(label('inspectionTable')).toBe('表3');
    expect(label('foodSafetySteel')).toBe('5.4.2');
    expect(label('testHeatRetention')).toBe('6.6');
    expect(label('factorySampling')).toBe('7.2.3');
    expect(label('annexA')).toBe('附录A');
    expect(label('annexHeatPreconditioning')).toBe('A.2.1');
    expect(label('termMassRatio')).toBe('3.2');
    for (const target of collectCrossRefs(demoStandard)) expect(crossRefLabel(numbering, target)).not.toMatch(/^［/);
  });

  it('is cross-referenced from the explanation and the application report with live labels', () => {
    const numbering = computeNumbering(demoStandard);
    for (const kind of ['explanation', 'application-report'] as const) {
      const own = computeNumbering(vacuumCup.content[kind]);
      for (const target of collectCrossRefs(vacuumCup.content[kind])) {
        const label = own.byId[target]?.label ?? crossRefLabel(numbering, target);
        expect(label, `${kind} → ${target}`).not.toMatch(/^［/);
      }
    }
  });

  const chapters = (demoStandard.content ?? []).filter((n) => n.type === 'chapter');
  const chapterOf = (role: string): ProseMirrorJSON => {
    const found = chapters.find((c) => c.attrs?.role === role);
    if (!found) throw new Error(`chapter ${role} missing`);
    return found;
  };

  it('is deterministic: the same ids on every build', () => {
    expect(vacuumCupStandard(vacuumCup.templateInput)).toEqual(demoStandard);
    expect(demoStandardIds.has(VACUUM_CUP_STANDARD_IDS.performance)).toBe(true);
  });

  it('checks every leaf requirement clause by a test method that cross-references it', () => {
    const leaves: ProseMirrorJSON[] = [];
    walk(chapterOf('technical-requirements'), (n) => {
      if (n.type === 'clause' && childrenOfType(n, 'clause').length === 0) leaves.push(n);
    });
    expect(leaves.length).toBeGreaterThanOrEqual(10);
    const citedByTests = new Set(collectCrossRefs(chapterOf('test-methods')));
    for (const leaf of leaves) {
      expect(citedByTests.has(String(leaf.attrs?.id)), `requirement «${titleOf(leaf)}» has no test method`).toBe(true);
    }
  });

  it('lists the normative references in GB/T 1.1 order and cites each in the text', () => {
    const entries = childrenOfType(chapterOf('normative-references'), 'referenceEntry').map((e) =>
      inlineText(e.content ?? []),
    );
    expect(entries).toHaveLength(VACUUM_CUP_NORMATIVE_REFERENCES.length);
    const rank = (code: string): number => ['GB ', 'GB/T ', 'GB/Z '].findIndex((p) => code.startsWith(p));
    const codes = entries.map((e) => e.split('　')[0] ?? '');
    const key = (code: string): [number, number[]] => [
      rank(code),
      (code.replace(/^\D+/, '').split('—')[0] ?? '').split('.').map(Number),
    ];
    const sorted = [...codes].sort((a, b) => {
      const [ra, na] = key(a);
      const [rb, nb] = key(b);
      if (ra !== rb) return ra - rb;
      for (let i = 0; i < Math.max(na.length, nb.length); i++) {
        const d = (na[i] ?? -1) - (nb[i] ?? -1);
        if (d !== 0) return d;
      }
      return 0;
    });
    expect(codes).toEqual(sorted);
    const body = chapters
      .filter((c) => c.attrs?.role !== 'normative-references')
      .map(textOf)
      .join('\n');
    const annexText = (demoStandard.content ?? [])
      .filter((n) => n.type === 'annex')
      .map(textOf)
      .join('\n');
    for (const code of codes) {
      const cited = new RegExp(`${code.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}(?![\\d.])`).test(body + annexText);
      expect(cited, `${code} is not cited in the text`).toBe(true);
    }
  });

  it('uses every defined term in the text', () => {
    const terms = childrenOfType(chapterOf('terms'), 'termEntry').map((t) =>
      inlineText(childrenOfType(t, 'termName')[0]?.content ?? []),
    );
    expect(terms.length).toBeGreaterThan(0);
    const body = chapters
      .filter((c) => c.attrs?.role !== 'terms')
      .map(textOf)
      .join('\n');
    for (const term of terms) expect(body.includes(term), `term ${term} unused`).toBe(true);
  });

  it('has no requirement expressions in definitions and notes, and no 必须/不得', () => {
    walk(demoStandard, (n) => {
      if (n.type === 'termDefinition' || n.type === 'note') {
        expect(/应|宜|可以|不得|必须/.test(textOf(n)), `${n.type} «${textOf(n)}»`).toBe(false);
      }
    });
    // "必不可少" in the fixed lead-in of the normative references is not a prohibition.
    expect(/必须|不得|(?<!必)不可/.test(textOf(demoStandard))).toBe(false);
  });
});

function describeFinding(f: Finding): string {
  return `${f.severity} ${f.ruleId} @${f.clauseLabel ?? '-'}: ${f.message.zh}${f.excerpt ? ` «${f.excerpt}»` : ''}`;
}

describe('drafting checker', () => {
  it('finds no errors in the demo standard (warnings are printed)', () => {
    const { findings } = runChecker(demoStandard, 'standard');
    const warnings = findings.filter((f) => f.severity !== 'error');
    if (warnings.length > 0)
      console.log(`[checker] demo standard warnings:\n  ${warnings.map(describeFinding).join('\n  ')}`);
    expect(findings.filter((f) => f.severity === 'error').map(describeFinding)).toEqual([]);
  });

  it.each(cases.filter((c) => c.name.startsWith('demo vacuum-cup') && c.kind !== 'standard'))(
    'finds no errors in $name',
    ({ kind, json }) => {
      const { findings } = runChecker(json, kind);
      expect(findings.filter((f) => f.severity === 'error').map(describeFinding)).toEqual([]);
    },
  );

  it.each(cases.filter((c) => !c.name.startsWith('demo vacuum-cup')))(
    'reports on $name: only unfilled placeholders are errors (printed)',
    ({ name, kind, json }) => {
      const { findings } = runChecker(json, kind);
      const notPlaceholder = findings.filter(
        (f) => f.severity === 'error' && f.ruleId !== 'placeholders.template-text',
      );
      console.log(
        `[checker] ${name}: ${findings.length} findings (${findings.filter((f) => f.ruleId === 'placeholders.template-text').length} unfilled placeholders)${findings
          .filter((f) => f.ruleId !== 'placeholders.template-text')
          .map((f) => `\n  ${describeFinding(f)}`)
          .join('')}`,
      );
      expect(notPlaceholder.map(describeFinding)).toEqual([]);
    },
  );
});
