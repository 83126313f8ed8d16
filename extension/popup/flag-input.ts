import type { FlagInput, SiteInfo } from '../background/messages.ts';
import { isHost, type DataCategory } from '../../shared/documents/schema/values.ts';

export const PURPOSE_MAX = 500;
export const NOTE_MAX = 1000;

export interface FlagDraft {
  host: string;
  name: string;
  purpose: string;
  dataCategories: DataCategory[];
  note: string;
}

export function initialDraft(site: SiteInfo | undefined): FlagDraft {
  return {
    host: site?.host ?? '',
    name: site?.tool?.name ?? '',
    purpose: '',
    dataCategories: [],
    note: '',
  };
}

/** A typed host, a URL or `host:port` reduced to a lower-case hostname; undefined if it is none. */
export function normaliseHost(typed: string): string | undefined {
  let host = typed.trim().toLowerCase();
  if (host === '') return undefined;
  if (/[/:?#@]/.test(host)) {
    try {
      host = new URL(/^[a-z][a-z0-9+.-]*:\/\//.test(host) ? host : `https://${host}`).hostname;
    } catch {
      return undefined;
    }
  }
  host = host.replace(/\.$/, '');
  return isHost(host) ? host : undefined;
}

/** Ticking "none" clears the other kinds; ticking another kind clears "none". */
export function toggleCategory(
  current: readonly DataCategory[],
  category: DataCategory,
  checked: boolean,
): DataCategory[] {
  if (!checked) return current.filter((c) => c !== category);
  if (category === 'none') return ['none'];
  return [...current.filter((c) => c !== 'none' && c !== category), category];
}

/** The message for the worker, or the reason the draft cannot be sent yet. */
export function toFlagInput(
  draft: FlagDraft,
  site: SiteInfo | undefined,
): { flag: FlagInput } | { error: string } {
  const host = normaliseHost(draft.host);
  if (!host) return { error: 'Enter the site’s address, for example chat.example.com.' };
  const purpose = draft.purpose.trim();
  const note = draft.note.trim();
  if (purpose.length > PURPOSE_MAX)
    return { error: `Keep the purpose under ${PURPOSE_MAX} characters.` };
  if (note.length > NOTE_MAX) return { error: `Keep the note under ${NOTE_MAX} characters.` };
  // The catalog's guess holds only for the host it was made for.
  const toolKey = site?.tool && site.host === host ? site.tool.toolKey : undefined;
  return {
    flag: {
      host,
      ...(toolKey ? { toolKey } : {}),
      name: draft.name.trim() || host,
      purpose,
      dataCategories: [...draft.dataCategories],
      note,
    },
  };
}
