/** The cover form's fields and what the cover prints besides them (shared with the Word export). */
import type { CoverField } from '@shared/editor/structure/names';

export type TextCoverField = Exclude<CoverField, 'stage'>;

export {
  PATENT_NOTICE,
  PATENT_NOTICE_STAGES,
  standardCodePrefix,
  standardKindTitle,
} from '@shared/editor/structure/cover';
