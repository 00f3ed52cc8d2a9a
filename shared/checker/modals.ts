/**
 * The verbal forms of GB/T 1.1—2020 (表3–表6): requirement 应/不应, recommendation 宜/不宜,
 * permission 可/不必, and the non-forms 必须, 不得, 不可. Found in running Chinese text without
 * flagging ordinary words that contain the same characters (供应, 相应, 适宜, 可靠, 必不可少 …).
 */
import { matchAll } from './text.js';

export type ModalKind = 'requirement' | 'recommendation' | 'permission';

export interface ModalMatch {
  word: string;
  index: number;
  kind: ModalKind;
}

/** 应 not part of 供应, 相应, 对应, 反应, 响应, 适应, 效应, 感应, 回应, 呼应, 顺应, 照应, 答应, 应用, 应力 …. */
const YING = '(?<![供相对反响适效感回答呼顺照])应(?![用力变急聘届酬邀征运激答接])';
/** 宜 not part of 便宜, 适宜, 事宜, 相宜, 合宜, 不合时宜, 宜人. */
const YI = '(?<![便适事相合])(?<!合时)宜(?![人])';
/** 可 not part of 认可, 许可, 宁可, 可能, 可靠, 可见, 可燃, 可追溯, 必不可少, 不可逆 … (adjectives and nouns). */
const KE =
  '(?<![认许宁])可(?![能靠见燃视逆溶塑调控追行用读选拆比信持移识重及惜口乐爱怕笑观疑变供达测替卸回扩编接分折充洗互再复转弯焊延锻吸食熔伸贵取知少抗])';

const PATTERNS: readonly { re: RegExp; kind: ModalKind }[] = [
  { re: /必须/g, kind: 'requirement' },
  { re: /不得(?![不已])/g, kind: 'requirement' },
  { re: new RegExp(YING, 'g'), kind: 'requirement' },
  { re: new RegExp(YI, 'g'), kind: 'recommendation' },
  { re: /不必/g, kind: 'permission' },
  { re: new RegExp(KE, 'g'), kind: 'permission' },
];

/** Every verbal form in `text`, in text order (不应/不宜/不可 reported with their 不). */
export function findModals(text: string): ModalMatch[] {
  const found: ModalMatch[] = [];
  for (const { re, kind } of PATTERNS) {
    for (const m of matchAll(re, text)) {
      const negated = m.text.length === 1 && m.index > 0 && text[m.index - 1] === '不';
      const index = negated ? m.index - 1 : m.index;
      found.push({ word: negated ? `不${m.text}` : m.text, index, kind });
    }
  }
  // One form per position (the patterns do not overlap, this only guards against future ones that do).
  return found.sort((a, b) => a.index - b.index).filter((m, i, all) => i === 0 || all[i - 1]?.index !== m.index);
}

/** The first requirement (应, 不应, 必须, 不得) in `text`. */
export function findRequirement(text: string): ModalMatch | null {
  return findModals(text).find((m) => m.kind === 'requirement') ?? null;
}

/** 不得 and 不可 used for prohibitions (never 必不可少, 不可逆, 不可燃 …). */
const PROHIBITION = /不得(?![不已])|(?<!必)不可(?![少逆燃见拆分控抗预靠能视溶])/g;

export function findProhibitions(text: string): { word: string; index: number }[] {
  return matchAll(PROHIBITION, text).map((m) => ({ word: m.text, index: m.index }));
}
