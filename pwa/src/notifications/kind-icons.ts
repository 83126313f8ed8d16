import {
  AtSign,
  CalendarClock,
  ClipboardCheck,
  Radar,
  Timer,
  UserCheck,
  type LucideIcon,
} from 'lucide-react';
import type { NotificationKind } from '../../../shared/notifications/notification.ts';

export const KIND_ICONS: Record<NotificationKind, LucideIcon> = {
  assigned: UserCheck,
  mentioned: AtSign,
  'review.requested': ClipboardCheck,
  'review.due': CalendarClock,
  'clock.due': Timer,
  'discovery.new': Radar,
};
