import { Badge } from "@/components/ui";
import type { TemplateStatusValue } from "@/server/templates/templates.schema";

const TONES = { DRAFT: "neutral", PUBLISHED: "success", ARCHIVED: "warning" } as const satisfies Record<TemplateStatusValue, string>;
export const TEMPLATE_STATUS_LABELS: Record<TemplateStatusValue, string> = { DRAFT: "Draft", PUBLISHED: "Published", ARCHIVED: "Archived" };

export function TemplateStatusBadge({ status }: { status: TemplateStatusValue }) {
  return <Badge tone={TONES[status]}>{TEMPLATE_STATUS_LABELS[status]}</Badge>;
}
