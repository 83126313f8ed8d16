import { createContext, useContext, useEffect, useRef } from 'react';

/** One thing the palette can do. `group` heads its section; `keywords` help the search. */
export interface PaletteCommand {
  id: string;
  group: string;
  label: string;
  keywords?: string[];
  /** A second line of facts ("seen in the workspace", a risk's score): shown, searched too. */
  detail?: string;
  /** How strongly it ranks against others that match as well (places and actions first). */
  weight?: number;
  /** The key that does the same outside the palette, shown beside it. */
  shortcut?: string;
  run(): void;
}

/**
 * Commands that pages offer while they are shown (the inbox's triage actions on its selected
 * row): each page sets its own list under its name, and the palette lists them all.
 */
export interface PaletteCommands {
  set(source: string, commands: readonly PaletteCommand[]): void;
  clear(source: string): void;
  list(): readonly PaletteCommand[];
  subscribe(listener: () => void): () => void;
}

export function createPaletteCommands(): PaletteCommands {
  const sources = new Map<string, readonly PaletteCommand[]>();
  const listeners = new Set<() => void>();
  let snapshot: readonly PaletteCommand[] = [];
  const changed = () => {
    snapshot = [...sources.values()].flat();
    listeners.forEach((listener) => listener());
  };
  return {
    set(source, commands) {
      sources.set(source, commands);
      changed();
    },
    clear(source) {
      if (sources.delete(source)) changed();
    },
    list: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}

const PaletteCommandsContext = createContext<PaletteCommands>(createPaletteCommands());
export const PaletteCommandsProvider = PaletteCommandsContext.Provider;
export const usePaletteCommandList = (): PaletteCommands => useContext(PaletteCommandsContext);

/**
 * Offers `commands` in the palette while the calling component is mounted. They are set again
 * only when their ids or labels change; running one always runs its latest closure.
 */
export function useOfferCommands(source: string, commands: readonly PaletteCommand[]): void {
  const registry = useContext(PaletteCommandsContext);
  const latest = useRef(commands);
  latest.current = commands;
  const signature = commands.map((c) => `${c.id}\u0000${c.label}`).join('\u0001');
  useEffect(() => {
    registry.set(
      source,
      latest.current.map((command) => ({
        ...command,
        run: () => latest.current.find((c) => c.id === command.id)?.run(),
      })),
    );
  }, [registry, source, signature]);
  useEffect(() => () => registry.clear(source), [registry, source]);
}
