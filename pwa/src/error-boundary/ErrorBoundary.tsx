import { Component, type ErrorInfo, type ReactNode } from 'react';
import { BoundaryTry, ChunkLoadError } from './lazy-chunk.tsx';
import { PartFailed } from './PartFailed.tsx';

interface Props {
  children: ReactNode;
  /** A new value (the route) clears a failure: the next page gets its own chance. */
  resetKey?: string;
  /**
   * What shows instead of a failed part that is only a small piece of its page (the page and its
   * edits stay); the route's message with Try again and Reload when not given.
   */
  fallback?: ReactNode;
}

interface State {
  error: unknown;
  /** Remounts the children on "Try again" (a fresh render, a fresh import: BoundaryTry). */
  attempt: number;
  boundaryTry: object;
}

/**
 * Keeps an error in one part from unmounting the app (React removes the whole tree on an uncaught
 * one): the navigation and everything outside the part stay, and the documents, where every edit
 * is kept the moment it is made, live outside React (pwa/src/sync), so nothing saved is lost.
 * A part that could not load offline is tried again when the device is back online.
 */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: undefined, attempt: 0, boundaryTry: {} };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error ?? new Error('unknown error') };
  }

  override componentDidMount() {
    window.addEventListener('online', this.retryChunk);
  }

  override componentWillUnmount() {
    window.removeEventListener('online', this.retryChunk);
  }

  override componentDidUpdate(previous: Props) {
    if (previous.resetKey !== this.props.resetKey && this.state.error !== undefined) this.retry();
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    // Kept in the console for a bug report; the person sees the message below.
    console.error('Sightline: a part of the page failed', error, info.componentStack);
  }

  retry = () =>
    this.setState((state) => ({ error: undefined, attempt: state.attempt + 1, boundaryTry: {} }));

  private retryChunk = () => {
    if (this.state.error instanceof ChunkLoadError) this.retry();
  };

  override render() {
    const { error, attempt, boundaryTry } = this.state;
    if (error === undefined) {
      return (
        <BoundaryTry.Provider key={attempt} value={boundaryTry}>
          {this.props.children}
        </BoundaryTry.Provider>
      );
    }
    if (this.props.fallback !== undefined) return this.props.fallback;
    return <PartFailed error={error} retry={this.retry} />;
  }
}
