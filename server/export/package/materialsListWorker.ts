/** Worker thread entry of the MaterialsListRenderer: renders one 材料清单.docx per request, off the event loop. */
import type { PackageManifest } from '@shared/api/submissionPackage.js';
import { answerPoolRequests } from '../../lib/workerEndpoint.js';
import { movableBuffer } from '../../lib/WorkerPool.js';
import { materialsListDocx } from './materialsListDocx.js';

answerPoolRequests<PackageManifest, Uint8Array>(materialsListDocx, movableBuffer);
