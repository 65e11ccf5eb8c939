import { hrProcedure, router } from "../init";
import { createTemplate, deleteTemplate, duplicateTemplate, updateTemplate } from "../../templates/editor";
import { getTemplate, listTemplates } from "../../templates/queries";
import { setTemplateIntro } from "../../templates/intro";
import { setTemplateIntroInput } from "../../templates/intro.schema";
import { removeIntroVideo, templateIntroVideo } from "../../templates/intro-video";
import { introVideoInput } from "../../templates/intro-video.schema";
import { setTemplateSettings } from "../../templates/settings";
import { setTemplateSettingsInput } from "../../templates/settings.schema";
import { addQuestion, removeQuestion, reorderQuestions, updateQuestion } from "../../templates/questions";
import { addQuestionInput, removeQuestionInput, reorderQuestionsInput, updateQuestionInput } from "../../templates/questions.schema";
import { setTemplateStatus } from "../../templates/status";
import { listTemplatesInput, setTemplateStatusInput, templateIdInput, templateInput, updateTemplateInput } from "../../templates/templates.schema";

// One question at a time, for integrations and the public API; the editor saves the whole template with `update`.
const questionsRouter = router({
  add: hrProcedure.input(addQuestionInput).mutation(({ ctx, input }) => addQuestion(ctx.db, ctx.user, ctx.organizationId, input)),
  update: hrProcedure.input(updateQuestionInput).mutation(({ ctx, input }) => updateQuestion(ctx.db, ctx.user, ctx.organizationId, input)),
  remove: hrProcedure.input(removeQuestionInput).mutation(({ ctx, input }) => removeQuestion(ctx.db, ctx.user, ctx.organizationId, input)),
  reorder: hrProcedure.input(reorderQuestionsInput).mutation(({ ctx, input }) => reorderQuestions(ctx.db, ctx.user, ctx.organizationId, input)),
});

export const templatesRouter = router({
  questions: questionsRouter,
  list: hrProcedure.input(listTemplatesInput).query(({ ctx, input }) => listTemplates(ctx.db, ctx.organizationId, input)),
  get: hrProcedure.input(templateIdInput).query(({ ctx, input }) => getTemplate(ctx.db, ctx.organizationId, input.id)),
  create: hrProcedure.input(templateInput).mutation(({ ctx, input }) => createTemplate(ctx.db, ctx.user, ctx.organizationId, input)),
  update: hrProcedure.input(updateTemplateInput).mutation(({ ctx, input }) => updateTemplate(ctx.db, ctx.user, ctx.organizationId, input)),
  duplicate: hrProcedure.input(templateIdInput).mutation(({ ctx, input }) => duplicateTemplate(ctx.db, ctx.user, ctx.organizationId, input.id)),
  delete: hrProcedure.input(templateIdInput).mutation(({ ctx, input }) => deleteTemplate(ctx.db, ctx.user, ctx.organizationId, input.id)),
  setIntro: hrProcedure.input(setTemplateIntroInput).mutation(({ ctx, input }) => setTemplateIntro(ctx.db, ctx.user, ctx.organizationId, input)),
  introVideo: hrProcedure.input(introVideoInput).query(({ ctx, input }) => templateIntroVideo(ctx.db, ctx.organizationId, input)),
  removeIntroVideo: hrProcedure.input(introVideoInput).mutation(({ ctx, input }) => removeIntroVideo(ctx.db, ctx.user, ctx.organizationId, input)),
  setSettings: hrProcedure.input(setTemplateSettingsInput).mutation(({ ctx, input }) => setTemplateSettings(ctx.db, ctx.user, ctx.organizationId, input)),
  setStatus: hrProcedure.input(setTemplateStatusInput).mutation(({ ctx, input }) => setTemplateStatus(ctx.db, ctx.user, ctx.organizationId, input)),
});
