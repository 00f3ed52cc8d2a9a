/**
 * Worker thread entry of the differences: reads the two states and the history, compares them and
 * attributes the changes (DiffComputer) — off the server's event loop.
 */
import { answerPoolRequests } from '../../lib/workerEndpoint.js';
import { DiffComputer } from './DiffComputer.js';
import type { DiffJob, DiffJobResult } from './diffMessages.js';

const computer = new DiffComputer();

answerPoolRequests<DiffJob, DiffJobResult>((job) => {
  if (job.kind === 'diff') return computer.compute(job.request);
  if (job.kind === 'prepare') computer.prepare(job.request);
  return null;
});
