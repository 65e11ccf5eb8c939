import { createElement } from "react";
import DataDeletedEmail, { subject } from "../../emails/data-deleted";
import { sendEmail } from "../mail/send";
import { logger } from "@/server/logging/logger";

/** Tells the candidate their requested deletion is done; a failed send is logged, the deletion stands. */
export async function emailDataDeleted(to: string, organizationName: string): Promise<boolean> {
  const props = { organizationName };
  try {
    await sendEmail({ to, subject: subject(props), template: "data-deleted", react: createElement(DataDeletedEmail, props) });
    return true;
  } catch (error) {
    logger.error({ err: error }, "could not email the data-deleted notice");
    return false;
  }
}
