import { AlertDialog } from 'radix-ui';
import type { ReactNode } from 'react';
import './confirm-dialog.css';

interface Props {
  /** Open while set: what is being confirmed. */
  open: boolean;
  title: string;
  children: ReactNode;
  /** The button that does it, e.g. "Remove". */
  action: string;
  onConfirm(): void;
  onCancel(): void;
}

/**
 * Asks before something that cannot be taken back (Radix AlertDialog: focus stays inside, Escape
 * cancels, and Cancel is focused first, so the safe choice is the default).
 */
export function ConfirmDialog({ open, title, children, action, onConfirm, onCancel }: Props) {
  return (
    <AlertDialog.Root open={open} onOpenChange={(next) => !next && onCancel()}>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="confirm-overlay" />
        <AlertDialog.Content className="confirm-dialog">
          <AlertDialog.Title className="confirm-title">{title}</AlertDialog.Title>
          <AlertDialog.Description asChild>
            <div>{children}</div>
          </AlertDialog.Description>
          <div className="confirm-actions">
            <AlertDialog.Cancel asChild>
              <button type="button">Cancel</button>
            </AlertDialog.Cancel>
            <AlertDialog.Action asChild>
              <button type="button" className="confirm-danger" onClick={onConfirm}>
                {action}
              </button>
            </AlertDialog.Action>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
