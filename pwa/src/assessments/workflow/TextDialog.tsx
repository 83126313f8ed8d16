import { Dialog } from 'radix-ui';
import type { ReactNode } from 'react';

interface Props {
  /** Open while set. */
  title: string | undefined;
  children: ReactNode;
  onClose(): void;
}

/** A dialog that shows a version's text or a comparison (Radix: focus kept inside, Escape closes). */
export function TextDialog({ title, children, onClose }: Props) {
  return (
    <Dialog.Root open={title !== undefined} onOpenChange={(next) => !next && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="workflow-overlay" />
        <Dialog.Content className="workflow-dialog workflow-dialog-wide">
          <Dialog.Title className="workflow-dialog-title">{title}</Dialog.Title>
          <Dialog.Description className="visually-hidden">
            Read only: what was signed off cannot be edited.
          </Dialog.Description>
          <div className="workflow-dialog-body">{children}</div>
          <div className="workflow-dialog-actions">
            <Dialog.Close asChild>
              <button type="button">Close</button>
            </Dialog.Close>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
