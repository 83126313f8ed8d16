// With lazy-chunk.tsx, the only place React.lazy is used: a part that may be missing (eslint.config.js).
// eslint-disable-next-line no-restricted-imports
import { lazy } from 'react';
import { Suspense, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';

/**
 * A component whose chunk loads on first render (inside a Suspense of the caller's) and which,
 * when the chunk cannot load (a device offline before the service worker holds it), renders
 * `unavailable` instead of throwing: unlike a page (lazyChunk), an optional part is simply left out.
 */
export function lazyOptional<Props extends object>(
  load: () => Promise<ComponentType<Props>>,
  unavailable: ReactNode = null,
): LazyExoticComponent<ComponentType<Props>> {
  return lazy<ComponentType<Props>>(() =>
    load().then(
      (component) => ({ default: component }),
      () => ({ default: () => <>{unavailable}</> }),
    ),
  );
}

/**
 * A part of a page that loads on first use, so that the first load stays small (docs/pwa.md,
 * "Speed"). A chunk that cannot load renders `unavailable`: the page around it keeps working.
 * `pending` shows meanwhile.
 */
export function lazyPart<Props extends object>(
  load: () => Promise<ComponentType<Props>>,
  { pending = null, unavailable = null }: { pending?: ReactNode; unavailable?: ReactNode } = {},
): ComponentType<Props> {
  const Loaded = lazyOptional(load, unavailable);
  function LazyPart(props: Props) {
    return (
      <Suspense fallback={pending}>
        <Loaded {...props} />
      </Suspense>
    );
  }
  return LazyPart;
}
