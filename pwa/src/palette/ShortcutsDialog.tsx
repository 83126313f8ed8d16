import { Dialog } from 'radix-ui';
import { Fragment } from 'react';
import { SHORTCUTS } from './shortcuts.ts';

/** The keyboard shortcuts, in a dialog ('?' opens it). */
export function ShortcutsDialog(props: { open: boolean; onOpenChange(open: boolean): void }) {
  return (
    <Dialog.Root open={props.open} onOpenChange={props.onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="palette-overlay" />
        <Dialog.Content className="shortcuts-dialog" aria-describedby={undefined}>
          <Dialog.Title>Keyboard shortcuts</Dialog.Title>
          <dl>
            {SHORTCUTS.map(({ keys, what }) => (
              <Fragment key={what}>
                <dt>
                  {keys.map((key, i) => (
                    <Fragment key={key}>
                      {i > 0 && '+'}
                      <kbd>{key}</kbd>
                    </Fragment>
                  ))}
                </dt>
                <dd>{what}</dd>
              </Fragment>
            ))}
          </dl>
          <Dialog.Close asChild>
            <button type="button">Close</button>
          </Dialog.Close>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
