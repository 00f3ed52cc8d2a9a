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
  // The loader is the source of truth: React keeps this component's state when the route switches
  // from one page on demand to another (same element type in the same place).
  const [, setLoads] = useState(0);
  const [failure, setFailure] = useState<{ loader: PageLoader; error: unknown } | null>(null);
  useEffect(() => {
    if (loader.loaded) return undefined;
    let live = true;
    loader.preload().then(
      () => {
        if (live) setLoads((n) => n + 1);
      },
      (error: unknown) => {
        if (live) setFailure({ loader, error });
      },
    );
    return () => {
      live = false;
    };
  }, [loader]);

  const Page = loader.loaded;
  if (Page) return <Page />;
  if (failure?.loader === loader) {
    return (
      <div className="page">
        <LoadError error={failure.error} title={t('app.pageLoadFailed')} onRetry={() => window.location.reload()} />
      </div>
    );
  }
  return <FullPageSpin />;
}
