import type { Discovery } from '../../shared/documents/discoveries/index.ts';
import type { WorkspaceNotification } from '../../shared/notifications/index.ts';
import type { DigestPeriod } from '../storage/alert-storage.ts';
import type { DigestContent } from './digest-content.ts';
import { isoDay, type Period } from './digest-period.ts';

export interface DigestMessage {
  subject: string;
  text: string;
  html: string;
}

interface Line {
  text: string;
  href?: string;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** DIG8 Names come from documents anyone with a token may write: no control character survives. */
const clean = (text: string) => text.replace(/\p{Cc}+/gu, ' ');

export const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

const DAY = 86_400_000;
const periodLength = (every: DigestPeriod) => (every === 'daily' ? DAY : 7 * DAY);
const periodsIn = (every: DigestPeriod, span: { start: number; end: number }) =>
  Math.max(1, Math.round((span.end - span.start) / periodLength(every)));

/** `2027-03-01`, `week of 2027-03-01`; a span of several: `2027-03-01 to 2027-03-03`. */
function spanWords(every: DigestPeriod, span: { start: number; end: number }): string {
  const first = isoDay(span.start);
  const last = isoDay(span.end - periodLength(every));
  if (every === 'daily') return periodsIn(every, span) > 1 ? `${first} to ${last}` : first;
  return periodsIn(every, span) > 1 ? `weeks of ${first} to ${last}` : `week of ${first}`;
}

/**
 * DIG11 Lines a section lists at most: a digest after a long gap, or a first digest of a large
 * workspace, would otherwise list thousands of tools. The title keeps the whole count; the last
 * line says how many more there are and links to where they all are.
 */
export const MAX_SECTION_LINES = 200;

function capped(lines: Line[], more: Line['href'], what: string): Line[] {
  if (lines.length <= MAX_SECTION_LINES) return lines;
  const rest = lines.length - MAX_SECTION_LINES;
  return [
    ...lines.slice(0, MAX_SECTION_LINES),
    {
      text: `… and ${rest} more ${rest === 1 ? what : `${what}s`}, all in Sightline`,
      ...(more ? { href: more } : {}),
    },
  ];
}

const FOOTER =
  'You receive this because an admin of the workspace subscribed this address (sightline digest add).';

/**
 * DIG8 The e-mail of a digest: plain text and a simple HTML body with the same content, every
 * name escaped (HTML) or stripped of control characters (text); no images, no tracking, links only
 * to the PWA (when `baseUrl`, the address people open, is known). The subject holds only the
 * workspace (a validated name), the period and counts.
 */
export function digestMessage(input: {
  workspace: string;
  every: DigestPeriod;
  /** What it covers: one period, or more when the digests before it were not sent (DIG2). */
  period: Pick<Period, 'start' | 'end'>;
  now: number;
  content: DigestContent;
  baseUrl?: string | undefined;
}): DigestMessage {
  const { content } = input;
  const link = (href: string) =>
    input.baseUrl === undefined ? {} : { href: `${input.baseUrl.replace(/\/+$/, '')}/${href}` };
  // DIG3 A tool reported after its period was told is listed now; its sighting date says so.
  const reportedLate = (tool: Discovery) =>
    tool.firstSeen < input.period.start
      ? `; first seen ${isoDay(tool.firstSeen)}, reported late`
      : '';
  const lines = (list: readonly WorkspaceNotification[]): Line[] =>
    capped(
      list.map((n) => ({ text: clean(n.summary), ...link(n.subject.href) })),
      link('#/notifications').href,
      'item',
    );
  // Cut or not, the most widespread tools come first.
  const newTools = [...content.newTools].sort(
    (a, b) => b.reporters - a.reporters || a.name.localeCompare(b.name),
  );
  const sections = [
    {
      title: `New AI tools seen (${content.newTools.length})`,
      lines: capped(
        newTools.map((tool) => ({
          text: clean(
            `${tool.name} (${tool.category}): ${plural(tool.reporters, 'reporter')}; ${tool.hosts.slice(0, 3).join(', ')}${reportedLate(tool)}`,
          ),
          ...link(`#/inbox/${encodeURIComponent(tool.toolKey)}`),
        })),
        link('#/inbox').href,
        'tool',
      ),
    },
    {
      title: `Legal reporting clocks running (${content.clocks.length})`,
      lines: lines(content.clocks),
    },
    { title: `Reviews overdue (${content.overdue.length})`, lines: lines(content.overdue) },
    {
      title: `Reviews due within 30 days (${content.dueSoon.length})`,
      lines: lines(content.dueSoon),
    },
  ].filter((section) => section.lines.length > 0);

  const counts = [
    content.newTools.length > 0 ? plural(content.newTools.length, 'new tool') : '',
    content.clocks.length > 0 ? `${plural(content.clocks.length, 'clock')} running` : '',
    content.overdue.length > 0 ? `${plural(content.overdue.length, 'review')} overdue` : '',
  ].filter(Boolean);
  const when = spanWords(input.every, input.period);
  const subject = `Sightline ${input.every} digest for ${input.workspace}, ${when}${counts.length ? `: ${counts.join(', ')}` : ''}`;
  const made = new Date(input.now).toISOString().slice(0, 16).replace('T', ' ');
  const periods = periodsIn(input.every, input.period);
  // DIG2 Say why one digest covers several periods, so no one looks for the ones not sent.
  const span =
    periods > 1
      ? `, ${periods} ${input.every === 'daily' ? 'days' : 'weeks'}: no digest was sent for the ones before it, so this one lists what was first reported in all of them`
      : '';
  const intro = `${input.every === 'daily' ? 'Daily' : 'Weekly'} digest of workspace ${input.workspace} for ${when} (UTC)${span}, made ${made} UTC.`;

  const text = [
    intro,
    '',
    ...sections.flatMap((section) => [
      section.title,
      ...section.lines.map((line) => `- ${line.text}${line.href ? `\n  ${line.href}` : ''}`),
      '',
    ]),
    FOOTER,
  ].join('\n');
  const item = (line: Line) =>
    line.href
      ? `<li><a href="${escapeHtml(line.href)}">${escapeHtml(line.text)}</a></li>`
      : `<li>${escapeHtml(line.text)}</li>`;
  const html = [
    '<!doctype html><html><body>',
    `<p>${escapeHtml(intro)}</p>`,
    ...sections.map(
      (section) =>
        `<h2>${escapeHtml(section.title)}</h2><ul>${section.lines.map(item).join('')}</ul>`,
    ),
    `<p>${escapeHtml(FOOTER)}</p>`,
    '</body></html>',
  ].join('\n');
  return { subject, text, html };
}
