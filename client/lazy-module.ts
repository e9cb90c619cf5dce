import { useEffect, useState } from 'react';

// Pages are their own chunks, rendered once downloaded rather than through React.lazy: a lazy
// component suspends on its first render even when its code is already here, and React then holds
// the page back for its fallback's minimum time (300 ms).

export interface LazyModule<M> {
  /** Downloads the module once; a failed download may be tried again. */
  load: () => Promise<M>;
  /** The module if it is already here. */
  current: () => M | null;
}

export function lazyModule<M>(importer: () => Promise<M>): LazyModule<M> {
  let module: M | null = null;
  let pending: Promise<M> | null = null;
  return {
    load() {
      pending ??= importer().then(
        (loaded) => (module = loaded),
        (failure: unknown) => {
          pending = null;
          throw failure;
        },
      );
      return pending;
    },
    current: () => module,
  };
}

/** The module's code when `needed`: downloads it unless it is already here. */
export function useLazyModule<M>(lazy: LazyModule<M>, needed: boolean): { module: M | null; error: Error | null } {
  const [module, setModule] = useState(lazy.current);
  const [error, setError] = useState<Error | null>(null);
  useEffect(() => {
    if (!needed || module) return;
    let live = true;
    lazy.load().then(
      (loaded) => live && setModule(() => loaded),
      (failure: unknown) => live && setError(failure instanceof Error ? failure : new Error(String(failure))),
    );
    return () => {
      live = false;
    };
  }, [lazy, needed, module]);
  return { module: module ?? lazy.current(), error };
}
