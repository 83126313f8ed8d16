import { Dialog } from 'radix-ui';
import type { FormEvent, ReactNode } from 'react';
import './form-dialog.css';

interface Props {
  open: boolean;
  onOpenChange(open: boolean): void;
  /** The button that opens it (omit for a dialog mounted only while open). */
  trigger?: ReactNode;
  title: string;
  description: ReactNode;
  onSubmit(event: FormEvent): void;
  /** Why the last submit was refused (shown as an alert; nothing was changed). */
  error?: string | undefined;
  submitLabel: string;
  busy?: boolean;
  /** `narrow` (520 px) or `wide` (640 px); 560 px otherwise. */
  size?: 'narrow' | 'wide';
  className?: string;
  children: ReactNode;
}

/**
 * A Radix dialog around one form: title, description, the fields, the reason a submit was
 * refused, and Cancel beside the submit button. The form skips the browser's own validation, so
 * the writers' clear errors are what people see.
 */
export function FormDialog(props: Props) {
  const classes = ['form-dialog', props.size, props.className].filter(Boolean).join(' ');
  return (
    <Dialog.Root open={props.open} onOpenChange={props.onOpenChange}>
      {props.trigger && <Dialog.Trigger asChild>{props.trigger}</Dialog.Trigger>}
      <Dialog.Portal>
        <Dialog.Overlay className="form-dialog-overlay" />
        <Dialog.Content className={classes}>
          <Dialog.Title>{props.title}</Dialog.Title>
          <Dialog.Description className="muted">{props.description}</Dialog.Description>
          <form onSubmit={props.onSubmit} noValidate>
            {props.children}
            {props.error && (
              <p role="alert" className="error">
                {props.error}
              </p>
            )}
            <div className="form-dialog-actions">
              <Dialog.Close asChild>
                <button type="button">Cancel</button>
              </Dialog.Close>
              <button type="submit" className="primary" disabled={props.busy}>
                {props.submitLabel}
              </button>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
