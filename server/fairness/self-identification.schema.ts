import { z } from "zod";
import { interviewToken as token } from "../interview/interview.schema";

// The categories of the EEO-1 report, which New York City's Local Law 144 bias audits use. Shared
// by the candidate's form and the procedure; plain values only.

export const SEX_CATEGORIES = ["female", "male"] as const;
export const RACE_ETHNICITY_CATEGORIES = [
  "hispanic_or_latino",
  "white",
  "black_or_african_american",
  "native_hawaiian_or_other_pacific_islander",
  "asian",
  "american_indian_or_alaska_native",
  "two_or_more_races",
] as const;
export const PREFER_NOT_TO_SAY = "prefer_not_to_say" as const;

export type SexCategory = (typeof SEX_CATEGORIES)[number];
export type RaceEthnicityCategory = (typeof RACE_ETHNICITY_CATEGORIES)[number];

export const SEX_LABELS: Record<SexCategory | typeof PREFER_NOT_TO_SAY, string> = {
  female: "Female",
  male: "Male",
  prefer_not_to_say: "I prefer not to say",
};

export const RACE_ETHNICITY_LABELS: Record<RaceEthnicityCategory | typeof PREFER_NOT_TO_SAY, string> = {
  hispanic_or_latino: "Hispanic or Latino",
  white: "White (not Hispanic or Latino)",
  black_or_african_american: "Black or African American (not Hispanic or Latino)",
  native_hawaiian_or_other_pacific_islander: "Native Hawaiian or Other Pacific Islander (not Hispanic or Latino)",
  asian: "Asian (not Hispanic or Latino)",
  american_indian_or_alaska_native: "American Indian or Alaska Native (not Hispanic or Latino)",
  two_or_more_races: "Two or more races (not Hispanic or Latino)",
  prefer_not_to_say: "I prefer not to say",
};

export const selfIdentifyInput = z.object({
  token,
  sex: z.enum([...SEX_CATEGORIES, PREFER_NOT_TO_SAY], { message: "Choose an answer, or “I prefer not to say”." }),
  raceEthnicity: z.enum([...RACE_ETHNICITY_CATEGORIES, PREFER_NOT_TO_SAY], { message: "Choose an answer, or “I prefer not to say”." }),
});

export type SelfIdentifyInput = z.infer<typeof selfIdentifyInput>;
