import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';

/**
 * A part of a page that loads on first use, so that the first load stays small (docs/pwa.md,
 * "Speed"). A chunk that cannot load (a device offline before the service worker holds it) renders
 * `unavailable` instead of throwing: the page around it keeps working. `pending` shows meanwhile.
 */
export function lazyPart<Props extends object>(
  load: () => Promise<ComponentType<Props>>,
  { pending = null, unavailable = null }: { pending?: ReactNode; unavailable?: ReactNode } = {},
): ComponentType<Props> {
  const Loaded = lazy<ComponentType<Props>>(() =>
    load().then(
      (component) => ({ default: component }),
      () => ({ default: () => <>{unavailable}</> }),
    ),
  );
  function LazyPart(props: Props) {
    return (
      <Suspense fallback={pending}>
        <Loaded {...props} />
      </Suspense>
    );
  }
  return LazyPart;
}
