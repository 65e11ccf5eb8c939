import {
  Activity,
  Building2,
  CreditCard,
  FileText,
  HeartPulse,
  LayoutDashboard,
  Mail,
  Scale,
  ReceiptText,
  ScrollText,
  Search,
  Send,
  ShieldCheck,
  UsersRound,
  Video,
  Webhook,
} from "lucide-react";
import type { ComponentType } from "react";
import type { NavIcon } from "./nav-items";

export const NAV_ICONS: Record<NavIcon, ComponentType<{ className?: string; "aria-hidden"?: boolean }>> = {
  dashboard: LayoutDashboard,
  templates: FileText,
  invitations: Send,
  search: Search,
  audit: ScrollText,
  organization: Building2,
  candidate: Video,
  users: UsersRound,
  runs: Activity,
  health: HeartPulse,
  mailbox: Mail,
  fairness: Scale,
  billing: CreditCard,
  plans: ReceiptText,
  privacy: ShieldCheck,
  webhooks: Webhook,
};
