/** Worker thread entry of the difference's Word layout (versionDiffDocx), off the server's event loop. */
import type { VersionDiffView } from '@shared/api/versionDiff.js';
import { answerPoolRequests } from '../../lib/workerEndpoint.js';
import { versionDiffDocx } from './versionDiffDocx.js';

answerPoolRequests<VersionDiffView, Uint8Array>((view) => versionDiffDocx(view));
