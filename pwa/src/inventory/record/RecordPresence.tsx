import type { CSSProperties } from 'react';
import type { Viewer } from './presence.ts';

/** The others looking at this record now, as initials with their names for screen readers. */
export function RecordPresence({ viewers }: { viewers: Viewer[] }) {
  if (viewers.length === 0) return null;
  const names = viewers.map((v) => v.name).join(', ');
  return (
    <ul
      className="presence"
      aria-label={`Also viewing this record: ${names}`}
      data-testid="record-presence"
    >
      {viewers.map((viewer) => (
        <li
          key={viewer.clientId}
          className="presence-avatar"
          title={viewer.name}
          aria-label={viewer.name}
          style={{ '--presence-colour': viewer.colour } as CSSProperties}
        >
          <span aria-hidden="true">{initials(viewer.name)}</span>
        </li>
      ))}
    </ul>
  );
}

function initials(name: string): string {
  const words = name.trim().split(/\s+/);
  return words
    .slice(0, 2)
    .map((w) => [...w][0] ?? '')
    .join('')
    .toUpperCase();
}
