/**
 * Worker thread entry of the differences: reads the two states and the history, compares them and
 * attributes the changes (DiffComputer) — off the server's event loop.
 */
import { answerPoolRequests } from '../../lib/workerEndpoint.js';
import { DiffComputer } from './DiffComputer.js';
import type { DiffJob, DiffJobResult } from './diffMessages.js';

const computer = new DiffComputer();

answerPoolRequests<DiffJob, DiffJobResult>((job) => (job.kind === 'diff' ? computer.compute(job.request) : null));
