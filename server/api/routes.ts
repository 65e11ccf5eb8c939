import { env } from "../config/env";
import { createInvitations } from "../invitations/create";
import { createInvitationsInput, invitationIdInput, listInvitationsInput, resendInvitationInput } from "../invitations/invitations.schema";
import { listInvitations } from "../invitations/list";
import { cancelInvitation, resendInvitation } from "../invitations/manage";
import { getInterviewAnalysis } from "../review/analysis";
import { interviewAnalysisInput } from "../review/analysis.schema";
import { getInterviewReview } from "../review/interview";
import { answerCaptionsInput, interviewReviewInput } from "../review/review.schema";
import { completeInvitation } from "../interview/progress";
import { addQuestion, removeQuestion, reorderQuestions, updateQuestion } from "../templates/questions";
import { addQuestionInput, removeQuestionInput, reorderQuestionsInput, updateQuestionInput } from "../templates/questions.schema";
import { getTemplate, listTemplates } from "../templates/queries";
import { listTemplatesInput, templateIdInput } from "../templates/templates.schema";
import { answerCaptions } from "../transcription/captions";
import { createEndpoint, deleteEndpoint, listEndpoints } from "../webhooks/endpoints";
import { createEndpointInput, endpointIdInput } from "../webhooks/webhooks.schema";
import { notFound } from "../errors";
import { z } from "zod";
import { defineRoute, type ApiRoute } from "./route";
import {
  cancelledInvitation,
  completedInvitation,
  createdInvitations,
  createdWebhookEndpoint,
  deletedWebhookEndpoint,
  interviewAnalysis,
  interviewAnswers,
  interviewStatus,
  invitationDetail,
  invitationPage,
  resentInvitation,
  templateDetail,
  templatePage,
  webhookEndpointList,
} from "./responses.schema";

export const API_BASE = "/api/v1";

const absolute = (url: string) => new URL(url, env().APP_URL).toString();
const captionsPath = (invitationId: string, responseId: string) =>
  `${API_BASE}/interviews/${encodeURIComponent(invitationId)}/answers/${encodeURIComponent(responseId)}/captions`;

/**
 * Every route of the public REST API. Each calls the same server/ function as its tRPC procedure
 * with the key's organization and creator; adding a route is adding an entry here.
 */
export const API_ROUTES: ApiRoute[] = [
  defineRoute({
    operationId: "listTemplates",
    method: "GET",
    path: "/templates",
    scope: "read",
    tag: "Templates",
    summary: "List interview templates",
    description: "The organization's templates, most recently changed first. `status` ACTIVE (the default) leaves archived ones out.",
    input: listTemplatesInput,
    output: templatePage,
    handler: ({ db, organizationId }, input) => listTemplates(db, organizationId, input),
  }),
  defineRoute({
    operationId: "getTemplate",
    method: "GET",
    path: "/templates/{id}",
    scope: "read",
    tag: "Templates",
    summary: "Get a template",
    description: "A template with its rubric and questions as they are now; an invitation snapshots them when it is sent.",
    input: templateIdInput,
    output: templateDetail,
    handler: ({ db, organizationId }, input) => getTemplate(db, organizationId, input.id),
  }),
  defineRoute({
    operationId: "addQuestion",
    method: "POST",
    path: "/templates/{templateId}/questions",
    scope: "write",
    tag: "Templates",
    summary: "Add a question",
    description:
      "Adds `question` at `position` (0-based; the end when left out) and answers the template as it is now. Invitations already sent keep the version they were sent; the next invitation gets a new version.",
    input: addQuestionInput,
    output: templateDetail,
    status: 201,
    handler: ({ db, organizationId, actor }, input) => addQuestion(db, actor, organizationId, input),
  }),
  defineRoute({
    operationId: "updateQuestion",
    method: "POST",
    path: "/templates/{templateId}/questions/{questionId}",
    scope: "write",
    tag: "Templates",
    summary: "Change a question",
    description: "Replaces the question's content with `question`; it keeps its id and place. Invitations already sent keep the version they were sent.",
    input: updateQuestionInput,
    output: templateDetail,
    handler: ({ db, organizationId, actor }, input) => updateQuestion(db, actor, organizationId, input),
  }),
  defineRoute({
    operationId: "removeQuestion",
    method: "DELETE",
    path: "/templates/{templateId}/questions/{questionId}",
    scope: "write",
    tag: "Templates",
    summary: "Remove a question",
    description: "Removes the question; a published template keeps at least one (400). Invitations already sent keep the version they were sent.",
    input: removeQuestionInput,
    output: templateDetail,
    handler: ({ db, organizationId, actor }, input) => removeQuestion(db, actor, organizationId, input),
  }),
  defineRoute({
    operationId: "reorderQuestions",
    method: "POST",
    path: "/templates/{templateId}/question-order",
    scope: "write",
    tag: "Templates",
    summary: "Reorder the questions",
    description:
      "`questionIds` lists every question of the template once, in the new order; a missing, unknown or repeated id is refused (400) and nothing changes.",
    input: reorderQuestionsInput,
    output: templateDetail,
    handler: ({ db, organizationId, actor }, input) => reorderQuestions(db, actor, organizationId, input),
  }),
  defineRoute({
    operationId: "createInvitations",
    method: "POST",
    path: "/invitations",
    scope: "write",
    tag: "Invitations",
    summary: "Invite one candidate or many",
    description:
      'Invites candidates to a published template and emails each their personal link. `candidates` is `{ "mode": "one", "name", "email" }` or `{ "mode": "list", "text" }` with one `name, email` line per candidate (at most 200). The whole batch is written or none of it; each invitation counts against the plan\'s interviews a month.',
    input: createInvitationsInput,
    output: createdInvitations,
    status: 201,
    handler: ({ db, organizationId, actor }, input) => createInvitations(db, actor, organizationId, input),
  }),
  defineRoute({
    operationId: "listInvitations",
    method: "GET",
    path: "/invitations",
    scope: "read",
    tag: "Invitations",
    summary: "List invitations",
    description: "Newest first, filtered by status, template and a search of names and emails.",
    input: listInvitationsInput,
    output: invitationPage,
    handler: ({ db, organizationId }, input) => listInvitations(db, organizationId, input),
  }),
  defineRoute({
    operationId: "getInvitation",
    method: "GET",
    path: "/invitations/{invitationId}",
    scope: "read",
    tag: "Invitations",
    summary: "Get an invitation",
    description: "The invitation, its status and what can still be done with it.",
    input: interviewReviewInput,
    output: invitationDetail,
    handler: async ({ db, organizationId }, input) => (await getInterviewReview(db, organizationId, input.invitationId)).invitation,
  }),
  defineRoute({
    operationId: "cancelInvitation",
    method: "POST",
    path: "/invitations/{invitationId}/cancel",
    scope: "write",
    tag: "Invitations",
    summary: "Cancel an invitation",
    description: "Closes the candidate's link for good. Cancelling a cancelled invitation answers the same; a completed one cannot be cancelled (409).",
    input: invitationIdInput,
    output: cancelledInvitation,
    handler: ({ db, organizationId, actor }, input) => cancelInvitation(db, actor, organizationId, input.invitationId),
  }),
  defineRoute({
    operationId: "completeInvitation",
    method: "POST",
    path: "/invitations/{invitationId}/complete",
    scope: "write",
    tag: "Invitations",
    summary: "Complete an interview early",
    description:
      "Closes a started interview with the answers given so far and starts their analysis, as the candidate's last answer does. Only optional questions may be unanswered: a required one is refused (409) naming it. Completing a completed interview answers the same; a cancelled, expired or not yet started one is 409.",
    input: invitationIdInput,
    output: completedInvitation,
    handler: ({ db, organizationId }, input) => completeInvitation(db, organizationId, input.invitationId),
  }),
  defineRoute({
    operationId: "resendInvitation",
    method: "POST",
    path: "/invitations/{invitationId}/resend",
    scope: "write",
    tag: "Invitations",
    summary: "Resend an invitation",
    description: "Emails a new link (the old one stops working at once). An expired invitation needs `expiresInDays` and counts against the plan again.",
    input: resendInvitationInput,
    output: resentInvitation,
    handler: ({ db, organizationId, actor }, input) => resendInvitation(db, actor, organizationId, input),
  }),
  defineRoute({
    operationId: "getInterview",
    method: "GET",
    path: "/interviews/{invitationId}",
    scope: "read",
    tag: "Interviews",
    summary: "Get an interview's status",
    description: "Where the candidate is (answered of total), whether answers are still being processed, and the timeline.",
    input: interviewReviewInput,
    output: interviewStatus,
    handler: async ({ db, organizationId }, input) => {
      const review = await getInterviewReview(db, organizationId, input.invitationId);
      const { invitation } = review;
      return { ...invitation, progress: review.progress, processing: review.processing, timeline: review.timeline };
    },
  }),
  defineRoute({
    operationId: "getInterviewAnswers",
    method: "GET",
    path: "/interviews/{invitationId}/answers",
    scope: "read",
    tag: "Interviews",
    summary: "Get an interview's answers",
    description:
      "Each question as it was sent with the answer: written text, the options chosen with the key's points, or a signed link to the recording, its transcript with timings, and a captions link.",
    input: interviewReviewInput,
    output: interviewAnswers,
    handler: async ({ db, organizationId }, input) => {
      const review = await getInterviewReview(db, organizationId, input.invitationId);
      return {
        id: review.invitation.id,
        status: review.invitation.status,
        answers: review.answers.map((a) => ({
          ...a,
          playback: a.playback && { ...a.playback, url: absolute(a.playback.url), posterUrl: a.playback.posterUrl && absolute(a.playback.posterUrl) },
          captionsUrl: a.captionsUrl && a.response ? absolute(captionsPath(review.invitation.id, a.response.id)) : null,
        })),
      };
    },
  }),
  defineRoute({
    operationId: "getAnswerCaptions",
    method: "GET",
    path: "/interviews/{invitationId}/answers/{responseId}/captions",
    scope: "read",
    tag: "Interviews",
    summary: "Get an answer's captions",
    description: "The answer's transcript as WebVTT.",
    input: answerCaptionsInput,
    output: z.string(),
    produces: "text/vtt",
    handler: async ({ db, organizationId }, input) => {
      const vtt = await answerCaptions(db, organizationId, input.responseId, input.invitationId);
      if (vtt === null) throw notFound("Captions for this answer");
      return vtt;
    },
  }),
  defineRoute({
    operationId: "getInterviewAnalysis",
    method: "GET",
    path: "/interviews/{invitationId}/analysis",
    scope: "read",
    tag: "Interviews",
    summary: "Get an interview's analysis",
    description:
      "The AI's first read: a score per rubric competency with its rationale and evidence quotes (each a verbatim span of an answer, with its time), strengths, concerns, flags and a recommendation. Each score and the recommendation carry the AI's value, the effective one and HR's override with its reason. `analysis` is null until the analysis is complete.",
    input: interviewAnalysisInput,
    output: interviewAnalysis,
    handler: ({ db, organizationId }, input) => getInterviewAnalysis(db, organizationId, input.invitationId),
  }),
  defineRoute({
    operationId: "listWebhookEndpoints",
    method: "GET",
    path: "/webhook-endpoints",
    scope: "read",
    tag: "Webhooks",
    summary: "List webhook endpoints",
    description: "The organization's endpoints with the events each receives and whether it is active. Secrets are never listed.",
    input: z.object({}),
    output: webhookEndpointList,
    handler: async ({ db, organizationId }) => ({ items: await listEndpoints(db, organizationId) }),
  }),
  defineRoute({
    operationId: "createWebhookEndpoint",
    method: "POST",
    path: "/webhook-endpoints",
    scope: "write",
    tag: "Webhooks",
    summary: "Register a webhook endpoint",
    description:
      "An HTTPS URL that resolves to a public address, the events it receives (`invitation.sent`, `invitation.opened`, `invitation.expired`, `invitation.cancelled`, `interview.completed`, `analysis.completed`, `analysis.overridden`, `candidate.deleted`) and an optional description. The answer carries the signing secret once. Plus and Pro only (402 on Free).",
    input: createEndpointInput,
    output: createdWebhookEndpoint,
    status: 201,
    handler: ({ db, organizationId, actor }, input) => createEndpoint(db, actor, organizationId, input),
  }),
  defineRoute({
    operationId: "deleteWebhookEndpoint",
    method: "DELETE",
    path: "/webhook-endpoints/{endpointId}",
    scope: "write",
    tag: "Webhooks",
    summary: "Delete a webhook endpoint",
    description: "Deletes the endpoint and its delivery log; deliveries still being retried stop.",
    input: endpointIdInput,
    output: deletedWebhookEndpoint,
    handler: ({ db, organizationId, actor }, input) => deleteEndpoint(db, actor, organizationId, input),
  }),
];
