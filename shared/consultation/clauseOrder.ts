/**
 * Sorting the table "by clause" (标准章条编号): general remarks (封面, 目次, 前言, 全文, free text)
 * first, then chapters and clauses numerically (2 < 10, 5.2 < 5.10), then tables and figures of the
 * body, then annexes (附录A, A.1 …) and the bibliography. Ties keep 序号 order.
 */
const GENERAL_WORDS = ['全文', '封面', '目次', '前言', '引言'];
/** Sorts an annex's tables and figures after its clauses. */
const ANNEX_FLOATS = 10_000;

interface SortKey {
  rank: number;
  numbers: number[];
  text: string;
}

function numbers(dotted: string): number[] {
  return dotted
    .split('.')
    .filter((s) => s.length > 0)
    .map((s) => (/^[A-Z]$/.test(s) ? s.charCodeAt(0) - 64 : Number(s)));
}

export function clauseSortKey(label: string): SortKey {
  const text = label.trim();
  const clause = text.match(/^(\d+(?:\.\d+)*)/);
  if (clause) return { rank: 2, numbers: numbers(clause[1]!), text };
  const float = text.match(/^(表|图)\s*(?:([A-Z])\.)?(\d+)/);
  if (float) {
    const kind = float[1] === '表' ? 0 : 1;
    const n = Number(float[3]);
    // 表A.1 comes with annex A, after its clauses; 表1 after the body's clauses.
    if (float[2]) return { rank: 4, numbers: [...numbers(float[2]), ANNEX_FLOATS, kind, n], text };
    return { rank: 3, numbers: [kind, n], text };
  }
  const annex = text.match(/^附录\s*([A-Z])/);
  if (annex) return { rank: 4, numbers: numbers(annex[1]!), text };
  const annexClause = text.match(/^([A-Z](?:\.\d+)+)/);
  if (annexClause) return { rank: 4, numbers: numbers(annexClause[1]!), text };
  if (text.startsWith('参考文献')) return { rank: 5, numbers: [], text };
  const general = GENERAL_WORDS.findIndex((w) => text.startsWith(w));
  if (general >= 0) return { rank: 0, numbers: [general], text };
  return { rank: 1, numbers: [], text };
}

export function compareClauseLabels(a: string, b: string): number {
  const ka = clauseSortKey(a);
  const kb = clauseSortKey(b);
  if (ka.rank !== kb.rank) return ka.rank - kb.rank;
  const n = Math.max(ka.numbers.length, kb.numbers.length);
  for (let i = 0; i < n; i++) {
    const x = ka.numbers[i] ?? -1;
    const y = kb.numbers[i] ?? -1;
    if (x !== y) return x - y;
  }
  return ka.text.localeCompare(kb.text, 'zh-CN');
}

/** Items sorted by clause, then by 序号. */
export function sortByClause<T extends { clauseLabel: string; seq: number }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => compareClauseLabels(a.clauseLabel, b.clauseLabel) || a.seq - b.seq);
}
