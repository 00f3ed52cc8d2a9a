/**
 * The one-pass label scanner finds exactly what testing each label's own pattern against the text
 * finds (the rules relied on the latter before issue 11): checked on many seeded random texts made
 * of the characters that matter around labels.
 */
import { describe, expect, it } from 'vitest';
import { LabelMentions } from '@shared/checker/labelMentions.js';
import { clauseMentionPattern, floatMentionPattern } from '@shared/checker/text.js';
import { seededRandom } from '../../bench/lib/largeStandard.js';

const PIECES = [
  '按',
  '见',
  '的',
  '中',
  '和',
  '试验',
  '规定',
  '对照',
  '表',
  '图',
  '附录',
  'A',
  'B',
  'a',
  '1',
  '2',
  '6',
  '.',
  '.1',
  '、',
  ' ',
  '\n',
  '）',
  '(',
  '5.2',
  '6.1',
  '表1',
  'A.1',
];

interface Labelled {
  label: string;
  pattern: RegExp;
}

const LABELS: readonly Labelled[] = [
  ...['6', '6.1', '6.1.2', '6.12', '5.2', 'A.1', 'A.1.1', 'B.2', '附录A', '附录B', '1', '12'].map((label) => ({
    label,
    pattern: clauseMentionPattern(label),
  })),
  ...['表1', '表12', '表A.1', '图1', '图B.2'].map((label) => ({ label, pattern: floatMentionPattern(label) })),
  { label: '附录A', pattern: /附录A(?![A-Za-z])/ },
  // Not label-shaped: tested the plain way.
  { label: '第6章', pattern: /第6章/ },
];

describe('LabelMentions', () => {
  it('finds exactly the labels whose patterns match', () => {
    const random = seededRandom(11);
    const mentions = new LabelMentions<Labelled>();
    for (const l of LABELS) mentions.add(l.label, l.pattern, l);
    let withMentions = 0;
    for (let round = 0; round < 3000; round++) {
      const length = 1 + Math.floor(random() * 14);
      let text = '';
      for (let i = 0; i < length; i++) text += PIECES[Math.floor(random() * PIECES.length)];
      if (round % 50 === 0) text += '第6章';
      const expected = LABELS.filter((l) => l.pattern.test(text));
      const found = mentions.mentionedIn(text);
      expect(
        LABELS.filter((l) => found.has(l)).map((l) => l.pattern.source),
        text,
      ).toEqual(expected.map((l) => l.pattern.source));
      expect(mentions.anyIn(text), text).toBe(expected.length > 0);
      if (expected.length > 0) withMentions += 1;
    }
    // The random texts do mention labels (the check is not vacuous).
    expect(withMentions).toBeGreaterThan(500);
  });
});
