/**
 * Loads data from the API when the component mounts or a dependency changes, with an explicit
 * `reload`. Answers of superseded requests are dropped (the request is aborted).
 */
import { useCallback, useEffect, useState } from 'react';

type Load<T> = (signal: AbortSignal) => Promise<T>;

export interface ApiQuery<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
  /** Replaces the data locally (after a mutation answered with the new value). */
  setData: (data: T) => void;
}

/** Whether two dependency lists hold the same values (compared as React compares a hook's dependencies). */
function sameDeps(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((value, i) => Object.is(value, b[i]));
}

/**
 * A request that keeps its identity until an element of `deps` changes: `load` is a new closure on
 * every render, the caller's `deps` say when it really changes.
 */
function useRequest<T>(load: Load<T>, deps: readonly unknown[]): Load<T> {
  const [current, setCurrent] = useState(() => ({ deps, request: load }));
  if (sameDeps(current.deps, deps)) return current.request;
  // A new request (even for the same `load`) so that a reload runs it again.
  const next = { deps, request: (signal: AbortSignal) => load(signal) };
  setCurrent(next);
  return next.request;
}

export function useApiQuery<T>(load: Load<T>, deps: readonly unknown[]): ApiQuery<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [loading, setLoading] = useState(true);
  const [generation, setGeneration] = useState(0);

  const request = useRequest(load, [...deps, generation]);

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    setError(undefined);
    request(controller.signal).then(
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
  }, [request]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { data, error, loading, reload, setData };
}
