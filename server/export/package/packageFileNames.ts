/**
 * Names and titles of the package's files: numbered in the order of the submission materials
 * (Annex 1: standard text, drafting explanation, application report, consultation handling), then
 * the materials list and the manifest.
 */
import type { DocumentKind } from '@shared/domain/project.js';
import type { StandardStage } from '@shared/editor/structure/names.js';

export const DOCUMENT_TITLES: Record<DocumentKind, string> = {
  standard: '标准文本',
  explanation: '编制说明',
  'application-report': '实施应用报告',
};

/** The order of the three documents in the package. */
export const DOCUMENT_ORDER: readonly DocumentKind[] = ['standard', 'explanation', 'application-report'];

export const CONSULTATION_TABLE_TITLE = '征求意见汇总处理表';
export const MATERIALS_LIST_TITLE = '材料清单';
export const MANIFEST_PATH = 'manifest.json';

/** Characters Windows, macOS or a zip tool refuse in a file name, and control characters. */
const UNSAFE = /[\\/:*?"<>|\p{Cc}]/gu;

/** A file-name-safe version of a standard name (kept short: some unzip tools limit path lengths). */
export function safeName(text: string, maxLength = 60): string {
  const cleaned = text.replace(UNSAFE, '_').replace(/\s+/g, ' ').trim();
  return [...cleaned].slice(0, maxLength).join('') || '未命名';
}

/** 标准文本（送审稿） — the title shown in the manifest and the materials list. */
export function documentTitle(kind: DocumentKind, stage: StandardStage): string {
  return kind === 'standard' ? `${DOCUMENT_TITLES.standard}（${stage}）` : DOCUMENT_TITLES[kind];
}

/** `1-标准文本-<name>（送审稿）.docx`, `2-编制说明-<name>.pdf` … */
export function documentPath(
  kind: DocumentKind,
  standardName: string,
  stage: StandardStage,
  extension: string,
): string {
  const number = DOCUMENT_ORDER.indexOf(kind) + 1;
  const stagePart = kind === 'standard' ? `（${stage}）` : '';
  return `${number}-${DOCUMENT_TITLES[kind]}-${safeName(standardName)}${stagePart}.${extension}`;
}

export function roundTitle(roundNumber: number): string {
  return `${CONSULTATION_TABLE_TITLE}（第${roundNumber}轮）`;
}

/** `4-征求意见汇总处理表-第1轮.xlsx` */
export function roundPath(roundNumber: number, extension: string): string {
  return `4-${CONSULTATION_TABLE_TITLE}-第${roundNumber}轮.${extension}`;
}

export function materialsListPath(): string {
  return `5-${MATERIALS_LIST_TITLE}.docx`;
}

/** The zip's own name: `提交材料-<name>（送审稿）.zip`. */
export function packageFileName(standardName: string, stage: StandardStage): string {
  return `提交材料-${safeName(standardName)}（${stage}）.zip`;
}
