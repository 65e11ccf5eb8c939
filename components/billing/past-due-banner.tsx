import { Alert } from "@/components/ui";
import { formatDay } from "@/components/format";
import { PortalButton } from "./stripe-actions";

/** Shown while a failed payment keeps the paid plan on grace: owners fix the card in Stripe's portal. */
export function PastDueBanner({
  planName,
  graceEndsAt,
  canManage,
  stripe,
}: {
  planName: string;
  graceEndsAt: Date | null;
  canManage: boolean;
  stripe: boolean;
}) {
  return (
    <Alert tone="danger" title="Your last payment failed">
      <p>
        {graceEndsAt
          ? `Your ${planName} plan stays until ${formatDay(graceEndsAt)}; after that the Free plan's limits apply.`
          : "The Free plan's limits apply until the payment goes through."}{" "}
        {canManage ? "Update the card to keep it." : "Ask an owner of your organization to update the card."}
      </p>
      {canManage && stripe && (
        <div className="mt-2">
          <PortalButton label="Update the card" />
        </div>
      )}
    </Alert>
  );
}
