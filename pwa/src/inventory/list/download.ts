/** A file the app hands to the person (an export). */
export interface SavedFile {
  name: string;
  type: string;
  text: string;
}

export type SaveFile = (file: SavedFile) => void;

/** Offers the file as a download through a temporary link (no server involved). */
export const browserSaveFile: SaveFile = ({ name, type, text }) => {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked after the click has been handled: revoking at once can cancel the download.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
};

/** A file name safe on every system: `<workspace>-<what>-<YYYY-MM-DD>.<ext>`. */
export function exportFileName(
  workspace: string,
  what: string,
  time: number,
  extension: string,
): string {
  const safe = workspace.replace(/[^A-Za-z0-9_-]+/g, '-').slice(0, 60) || 'sightline';
  return `${safe}-${what}-${new Date(time).toISOString().slice(0, 10)}.${extension}`;
}
