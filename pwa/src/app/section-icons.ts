import {
  Bell,
  BookOpen,
  Boxes,
  CircleDot,
  ClipboardCheck,
  FileText,
  Inbox,
  Landmark,
  Library,
  LayoutDashboard,
  ListChecks,
  Settings,
  ShieldAlert,
  Siren,
  Upload,
  type LucideIcon,
} from 'lucide-react';

/** Each section's icon in the navigation; a section added without one shows a dot. */
const ICONS: Record<string, LucideIcon> = {
  dashboard: LayoutDashboard,
  inbox: Inbox,
  notifications: Bell,
  inventory: Boxes,
  import: Upload,
  catalog: BookOpen,
  tools: Library,
  assessments: ClipboardCheck,
  templates: FileText,
  risks: ShieldAlert,
  incidents: Siren,
  soa: ListChecks,
  aims: Landmark,
  settings: Settings,
};

export const sectionIcon = (path: string): LucideIcon => ICONS[path] ?? CircleDot;
