// With ui/lazy-part.tsx (optional parts), the one place React.lazy is used (eslint.config.js).
// eslint-disable-next-line no-restricted-imports
import { createContext, lazy, useContext, type ComponentType } from 'react';

/**
 * A part of the app whose code could not be loaded: the device is offline and the service worker
 * does not hold that chunk yet, or the network dropped mid-load. The error boundary tells this
 * apart from a bug (PartFailed.tsx).
 */
export class ChunkLoadError extends Error {
  constructor(cause: unknown) {
    super(`a part of the app could not be loaded: ${String(cause)}`, { cause });
    this.name = 'ChunkLoadError';
  }
}

/**
 * One try of the nearest error boundary: a new value on its "Try again" (or back online, or a new
 * route). React.lazy keeps a failed import for good, so a part loads afresh once per try and never
 * in a loop on its own.
 */
export const BoundaryTry = createContext<object>({});

export interface LazyChunkOptions {
  /** Wait before the one retry: a dropped connection often comes back within a moment. */
  retryAfterMs?: number;
}

/**
 * `React.lazy` for every page and part loaded on demand. A failed import is tried once more, then
 * thrown as a ChunkLoadError for the nearest error boundary (an uncaught one unmounts the whole
 * app); the boundary's next try imports it again, without reloading the page.
 */
export function lazyChunk<P extends object>(
  load: () => Promise<ComponentType<P>>,
  { retryAfterMs = 400 }: LazyChunkOptions = {},
): ComponentType<P> {
  let loaded: ComponentType<P> | undefined;
  const perTry = new WeakMap<object, ComponentType<P>>();
  const attempt = () =>
    lazy(async () => {
      try {
        return { default: (loaded = await load()) };
      } catch {
        await new Promise((resolve) => setTimeout(resolve, retryAfterMs));
        try {
          return { default: (loaded = await load()) };
        } catch (error) {
          throw new ChunkLoadError(error);
        }
      }
    });
  function LazyChunk(props: P) {
    const boundaryTry = useContext(BoundaryTry);
    let Current = loaded ?? perTry.get(boundaryTry);
    if (Current === undefined) {
      Current = attempt() as ComponentType<P>;
      perTry.set(boundaryTry, Current);
    }
    return <Current {...props} />;
  }
  return LazyChunk;
}
