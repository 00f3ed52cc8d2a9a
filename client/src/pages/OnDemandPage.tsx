import { type ComponentType, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FullPageSpin } from '../features/auth/components/FullPageSpin';
import { LoadError } from '../components/LoadError';

/** A page whose code loads on demand (a route's own chunk). */
export class PageLoader {
  #loaded: ComponentType | null = null;
  #pending: Promise<ComponentType> | null = null;

  constructor(private readonly load: () => Promise<ComponentType>) {}

  /** The page's component once its code has loaded. */
  get loaded(): ComponentType | null {
    return this.#loaded;
  }

  /** Starts loading the page's code (once); safe before the page is shown. */
  preload(): Promise<ComponentType> {
    this.#pending ??= this.load().then((component) => {
      this.#loaded = component;
      return component;
    });
    return this.#pending;
  }
}

/**
 * Shows a page loaded on demand: a spinner until its code is there, an error with 重试 if loading
 * failed. 重试 reloads the page: the browser remembers a module that failed to load and would not
 * fetch it again within the same page. Without Suspense on purpose: React.lazy + Suspense holds
 * newly loaded content back for up to 300 ms after a fallback was shown, and on opening a document
 * that delay sat on the path to the text. With `preload` called at startup the page usually
 * renders in its parent's commit.
 */
export function OnDemandPage({ loader }: { loader: PageLoader }) {
  const { t } = useTranslation();
  const [page, setPage] = useState<{ component: ComponentType } | null>(() =>
    loader.loaded ? { component: loader.loaded } : null,
  );
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    if (page) return undefined;
    let live = true;
    loader.preload().then(
      (component) => {
        if (live) setPage({ component });
      },
      (failure: unknown) => {
        if (live) setError(failure);
      },
    );
    return () => {
      live = false;
    };
  }, [loader, page]);

  if (page) return <page.component />;
  if (error) {
    return (
      <div className="page">
        <LoadError error={error} title={t('app.pageLoadFailed')} onRetry={() => window.location.reload()} />
      </div>
    );
  }
  return <FullPageSpin />;
}
