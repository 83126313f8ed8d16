import type { Failure } from '../background/messages.ts';

/** The worker answers a failure as `{ error }` rather than throwing (see messages.ts). */
export function isFailure(value: unknown): value is Failure {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { error?: unknown }).error === 'string'
  );
}

/**
 * Waits for the worker's answer and turns `{ error }`, no answer, or an answer of the wrong shape
 * into a rejection, so that every page handles one kind of failure.
 */
export async function answer<T>(request: Promise<T>, isValid: (value: T) => boolean): Promise<T> {
  const value = await request;
  if (isFailure(value)) throw new Error(value.error);
  if (value === undefined || value === null)
    throw new Error('the extension’s worker gave no answer');
  if (!isValid(value))
    throw new Error('the extension’s worker gave an answer this page cannot read');
  return value;
}

/** The message of anything thrown. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export const isObject = (value: unknown): boolean => typeof value === 'object' && value !== null;
