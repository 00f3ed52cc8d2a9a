/**
 * Loads data from the API when the component mounts or a dependency changes, with an explicit
 * `reload`. Answers of superseded requests are dropped (the request is aborted).
 */
import { useCallback, useEffect, useState } from 'react';

export interface ApiQuery<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
  /** Replaces the data locally (after a mutation answered with the new value). */
  setData: (data: T) => void;
}

export function useApiQuery<T>(load: (signal: AbortSignal) => Promise<T>, deps: readonly unknown[]): ApiQuery<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [loading, setLoading] = useState(true);
  const [generation, setGeneration] = useState(0);

  // `load` is a new closure on every render; the caller's `deps` say when it really changes.
  const stableLoad = useCallback(load, deps);

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    setError(undefined);
    stableLoad(controller.signal).then(
      (value) => {
        if (controller.signal.aborted) return;
        setData(value);
        setLoading(false);
      },
      (reason: unknown) => {
        if (controller.signal.aborted) return;
        setError(reason);
        setLoading(false);
      },
    );
    return () => controller.abort();
  }, [stableLoad, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { data, error, loading, reload, setData };
}
