/**
 * The top bar's button that opens the command palette (Ctrl+K or ⌘K); `loading` while the palette
 * itself is still on its way (LazyCommandPalette.tsx).
 */
export function PaletteTrigger({ onOpen, loading }: { onOpen(): void; loading?: boolean }) {
  return (
    <button
      type="button"
      className="palette-trigger"
      aria-keyshortcuts="Control+K Meta+K"
      data-loading={loading || undefined}
      onClick={onOpen}
    >
      Commands <kbd>Ctrl K</kbd>
    </button>
  );
}
