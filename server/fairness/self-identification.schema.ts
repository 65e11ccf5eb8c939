import { z } from "zod";
import { interviewToken as token } from "../interview/interview.schema";
import { PREFER_NOT_TO_SAY, RACE_ETHNICITY_CATEGORIES, SEX_CATEGORIES } from "./self-identification.categories";

export const selfIdentifyInput = z.object({
  token,
  sex: z.enum([...SEX_CATEGORIES, PREFER_NOT_TO_SAY], { message: "Choose an answer, or “I prefer not to say”." }),
  raceEthnicity: z.enum([...RACE_ETHNICITY_CATEGORIES, PREFER_NOT_TO_SAY], { message: "Choose an answer, or “I prefer not to say”." }),
});

export type SelfIdentifyInput = z.infer<typeof selfIdentifyInput>;
