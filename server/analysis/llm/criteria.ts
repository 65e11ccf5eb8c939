import { tokenize } from "../text";
import type { LlmAnswer } from "./output.schema";

type SaidCriterion = LlmAnswer["criteria"][number];

/** A criterion's name as comparable words: no list marker, case, punctuation or hyphens ("Follow up" is "follow-up"). */
function nameWords(name: string): string[] {
  return tokenize(name.replace(/^\s*(?:\d+[.):]|[-*•])\s+/u, "").replace(/&/g, " and ")).map((t) => t.norm);
}

function startsWith(words: string[], prefix: string[]): boolean {
  return prefix.length > 0 && prefix.length <= words.length && prefix.every((w, i) => words[i] === w);
}

/**
 * The model's entry for each listed criterion, in the listed order (undefined where it gave none).
 * Llama restyles the names it is given ("Root Cause", "1. Detection", "Follow up actions") or
 * shortens them to their first words; an entry counts for one criterion only, and a shortened
 * name only when it fits a single criterion.
 */
export function matchCriteria(listed: string[], said: SaidCriterion[]): (SaidCriterion | undefined)[] {
  const listedWords = listed.map(nameWords);
  const saidWords = said.map((s) => nameWords(s.criterion));
  const used = new Set<number>();
  const take = (i: number) => {
    used.add(i);
    return said[i];
  };

  const matched: (SaidCriterion | undefined)[] = listedWords.map((words) => {
    const exact = saidWords.findIndex((w, i) => !used.has(i) && w.join(" ") === words.join(" "));
    return exact >= 0 ? take(exact) : undefined;
  });
  listedWords.forEach((words, li) => {
    if (matched[li]) return;
    const shortened = saidWords.findIndex((w, i) => !used.has(i) && startsWith(words, w));
    const fitsOne = shortened >= 0 && listedWords.filter((other) => startsWith(other, saidWords[shortened]!)).length === 1;
    if (fitsOne) matched[li] = take(shortened);
  });
  return matched;
}
