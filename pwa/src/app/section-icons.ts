import {
  BookOpen,
  Boxes,
  CircleDot,
  ClipboardCheck,
  FileText,
  Inbox,
  Landmark,
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
  inventory: Boxes,
  import: Upload,
  catalog: BookOpen,
  assessments: ClipboardCheck,
  templates: FileText,
  risks: ShieldAlert,
  incidents: Siren,
  soa: ListChecks,
  aims: Landmark,
  settings: Settings,
};

export const sectionIcon = (path: string): LucideIcon => ICONS[path] ?? CircleDot;
