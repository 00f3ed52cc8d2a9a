/** What the dialog shows for a part, a file's source and a size, in the current language. */
import type { TFunction } from 'i18next';
import type { PackageFailure, PackageFile, PackagePart, PackageSource } from '@shared/api/submissionPackage';

export function partLabel(part: PackagePart, t: TFunction): string {
  const title = part.documentKind ? t(`enums.documentKind.${part.documentKind}`) : part.title;
  switch (part.step) {
    case 'document':
      return t('submissionPackage.parts.document', { title });
    case 'pdf':
      return t('submissionPackage.parts.pdf', { title });
    case 'round':
      return t('submissionPackage.parts.round', { number: part.roundNumber ?? '' });
    case 'checker':
      return t('submissionPackage.parts.checker');
    case 'materials-list':
      return t('submissionPackage.parts.materialsList');
    case 'zip':
      return t('submissionPackage.parts.zip');
  }
}

export function sourceLabel(source: PackageSource, t: TFunction): string {
  switch (source.type) {
    case 'document':
      return source.versionId
        ? t('submissionPackage.version', { id: source.versionId })
        : `${t('submissionPackage.liveText')} · ${source.stateHash.slice(0, 12)}`;
    case 'round':
      return t('submissionPackage.round', { number: source.roundNumber, items: source.items });
    case 'package':
      return t('submissionPackage.packageItself');
  }
}

export function fileTitle(file: PackageFile, t: TFunction): string {
  const format = file.format.toUpperCase();
  if (file.material === 'materials-list') return `${t('submissionPackage.parts.materialsList')} (${format})`;
  if (file.material === 'consultation-table')
    return `${t('submissionPackage.roundTable', { number: file.source.type === 'round' ? file.source.roundNumber : '' })} (${format})`;
  return `${t(`enums.documentKind.${file.material}`)} (${format})`;
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(2)} MB`;
}

/** A missing file as the list of failures names it: its material and format. */
export function failureTitle(failure: PackageFailure, t: TFunction): string {
  const format = failure.format.toUpperCase();
  if (failure.material === 'materials-list') return `${t('submissionPackage.parts.materialsList')} (${format})`;
  if (failure.material === 'consultation-table') return `${failure.title} (${format})`;
  if (failure.partId === 'checker') return t('submissionPackage.parts.checker');
  return `${t(`enums.documentKind.${failure.material}`)} (${format})`;
}
