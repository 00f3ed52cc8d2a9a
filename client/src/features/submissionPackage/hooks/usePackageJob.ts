/**
 * One package job of the dialog: start it, then follow its parts until it is done or failed
 * (the job is asked again every `POLL_MS` while it runs). Kept by the button, so closing and
 * reopening the dialog shows the same job.
 */
import { useCallback, useEffect, useState } from 'react';
import type { PackageJobView } from '@shared/api/submissionPackage';
import type { PackageJobBody } from '@shared/validation/submissionPackage';
import { submissionPackageApi } from '../api/submissionPackageApi';

const POLL_MS = 500;

export interface PackageJobState {
  job: PackageJobView | null;
  starting: boolean;
  /** Why starting or following the job failed. */
  error: unknown;
  start: (body: PackageJobBody) => Promise<void>;
  /** Forgets the job (to build another one). */
  reset: () => void;
}

export function usePackageJob(projectId: string): PackageJobState {
  const [job, setJob] = useState<PackageJobView | null>(null);
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const start = useCallback(
    async (body: PackageJobBody) => {
      setStarting(true);
      setError(null);
      try {
        setJob(await submissionPackageApi.start(projectId, body));
      } catch (reason) {
        setError(reason);
      } finally {
        setStarting(false);
      }
    },
    [projectId],
  );

  const jobId = job?.id;
  const running = job?.status === 'running';
  useEffect(() => {
    if (!jobId || !running) return undefined;
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = (): void => {
      timer = setTimeout(() => {
        submissionPackageApi.job(projectId, jobId, controller.signal).then(
          (next) => {
            setJob(next);
            if (next.status === 'running') poll();
          },
          (reason: unknown) => {
            if (controller.signal.aborted) return;
            setError(reason);
          },
        );
      }, POLL_MS);
    };
    poll();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [projectId, jobId, running]);

  const reset = useCallback(() => {
    setJob(null);
    setError(null);
  }, []);

  return { job, starting, error, start, reset };
}
