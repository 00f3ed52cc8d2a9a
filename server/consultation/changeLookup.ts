/**
 * How the consultation module finds the change a handler picks as an item's implementation: an entry
 * of the document's change history, read with the handler's own rights (wired in app.ts to the
 * history service, which the consultation module does not import). NotFound for an unknown entry.
 */
import type { ChangeRef } from '@shared/domain/consultation.js';
import type { DocumentGrant } from '../access/commentAccess.js';

export type ChangeLookup = (grant: DocumentGrant, entryId: string) => Promise<ChangeRef>;
