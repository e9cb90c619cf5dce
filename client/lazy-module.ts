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
  // What arrived is kept with the module it belongs to, so switching to another page never shows the last one.
  const [arrived, setArrived] = useState<{ lazy: LazyModule<M>; module: M | null; error: Error | null } | null>(null);
  useEffect(() => {
    if (!needed || lazy.current()) return;
    let live = true;
    lazy.load().then(
      (module) => live && setArrived({ lazy, module, error: null }),
      (failure: unknown) =>
        live && setArrived({ lazy, module: null, error: failure instanceof Error ? failure : new Error(String(failure)) }),
    );
    return () => {
      live = false;
    };
  }, [lazy, needed]);
  const own = arrived?.lazy === lazy ? arrived : null;
  return { module: lazy.current() ?? own?.module ?? null, error: own?.error ?? null };
}
