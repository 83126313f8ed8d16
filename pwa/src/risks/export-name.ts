/** A file name safe on every system: `<workspace>-<what>-<YYYY-MM-DD>.<ext>`. */
export function registerFileName(
  workspace: string,
  what: string,
  time: number,
  extension: string,
): string {
  const safe = workspace.replace(/[^A-Za-z0-9_-]+/g, '-').slice(0, 60) || 'sightline';
  return `${safe}-${what}-${new Date(time).toISOString().slice(0, 10)}.${extension}`;
}
