import type { Cases } from "./fixture";

export const pipelineCases: Cases = {};
