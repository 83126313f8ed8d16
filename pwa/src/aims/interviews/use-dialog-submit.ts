import { useState, type FormEvent } from 'react';

/**
 * A dialog's submit: runs the writer, closes on success, and keeps the writer's error to show
 * when it refuses (the writers throw, changing nothing, on bad input).
 */
export function useDialogSubmit(write: () => void, onClose: () => void) {
  const [error, setError] = useState<string>();
  function submit(event: FormEvent) {
    event.preventDefault();
    try {
      write();
      onClose();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }
  return { submit, error };
}
