import type { Cases } from "./fixture";
import { byInvitation } from "./fairness.cases";

export const feedbackCases: Cases = {
  "feedback.get": { input: byInvitation, crossTenant: byInvitation },
  "feedback.send": {
    input: async (fx) => ({ ...(await byInvitation(fx)), body: "Thank you for your answers; here is what stood out." }),
    crossTenant: async (fx) => ({ ...(await byInvitation(fx)), body: "Thank you for your answers; here is what stood out." }),
  },
};
