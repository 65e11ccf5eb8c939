import { contentStems, stem, words } from "./text";

/**
 * Related terms for the themes interview criteria name. The offline embedder is lexical, so it
 * cannot tell that "the pager fired" is detection or "rolled it back" is mitigation; these groups
 * say so, openly: a criterion that names a theme (by any of its trigger words) also counts the
 * theme's terms as covering it. Each entry is a phrase matched word for word after stemming.
 */
const THEMES: { triggers: string[]; terms: string[] }[] = [
  {
    triggers: ["detection", "detect", "alert", "monitoring", "notice", "discover"],
    terms: ["alert", "alarm", "pager", "paged", "on call", "monitoring", "dashboard", "noticed", "detected", "spotted", "fired", "error rate", "customers reported", "queue depth", "latency spike", "logs"],
  },
  {
    triggers: ["mitigation", "mitigate", "fix", "resolve", "recover", "contain", "restore"],
    terms: ["rolled back", "rollback", "roll back", "reverted", "restarted", "failover", "failed over", "hotfix", "patched", "workaround", "disabled", "feature flag", "drained", "scaled up", "fixed", "restored", "recovered"],
  },
  {
    triggers: ["root", "cause", "diagnosis", "diagnose"],
    terms: ["root cause", "caused by", "the cause", "because", "turned out", "traced", "found that", "the reason", "five whys"],
  },
  {
    triggers: ["communication", "communicate", "stakeholder", "inform", "update"],
    terms: ["incident report", "postmortem", "post mortem", "status page", "updated", "informed", "told", "wrote", "announced", "stakeholders", "explained", "kept everyone", "channel", "report"],
  },
  {
    triggers: ["follow", "prevent", "recurrence", "lesson", "improvement"],
    terms: ["lint rule", "added a", "we added", "canary", "runbook", "regression test", "automated", "no repeat", "never happened again", "action items", "prevent", "guardrail", "since"],
  },
  {
    triggers: ["explain", "analyze", "profile", "plan"],
    terms: ["explain", "explain analyze", "query plan", "execution plan", "profile", "profiler", "pg stat statements", "slow query log", "where the time goes"],
  },
  {
    triggers: ["index", "indexing"],
    terms: ["index", "composite index", "partial index", "covering index", "btree", "b tree", "gin", "concurrently", "matches the where clause"],
  },
  {
    triggers: ["selectivity", "cardinality", "filter"],
    terms: ["selectivity", "selective", "cardinality", "filter", "where clause", "distinct values", "statistics"],
  },
  {
    triggers: ["sequential", "scan"],
    terms: ["sequential scan", "seq scan", "full table scan", "full scan", "table scan"],
  },
  {
    triggers: ["measure", "measuring", "measurement", "benchmark", "metric", "outcome", "impact"],
    terms: ["measure", "measured", "benchmark", "before and after", "milliseconds", "seconds", "percent", "p99", "latency", "throughput", "reduced", "improved", "from eleven", "measure again"],
  },
  {
    triggers: ["listening", "listen", "understand", "empathy", "perspective"],
    terms: ["listened", "heard", "asked", "understood", "their point", "his point", "her point", "perspective", "concerns", "proposed", "instead of arguing", "hear"],
  },
  {
    triggers: ["data", "evidence", "fact", "opinion"],
    terms: ["data", "measured", "measure", "showed", "evidence", "numbers", "metrics", "experiment", "prototype", "benchmark", "facts"],
  },
  {
    triggers: ["decision", "decide", "agree", "consensus", "reached"],
    terms: ["decided", "decision", "agreed", "chose", "picked", "settled", "went with", "compromise", "consensus", "extracted only", "we chose"],
  },
  {
    triggers: ["relationship", "respect", "rapport", "trust"],
    terms: ["still", "together", "trust", "respect", "review each other", "relationship", "thanked", "he led", "she led", "they led", "get along", "friends"],
  },
  {
    triggers: ["mentoring", "mentor", "coach", "teach"],
    terms: ["mentored", "mentor", "coached", "taught", "paired", "pairing", "onboarded", "junior", "grew"],
  },
  {
    triggers: ["review", "feedback"],
    terms: ["code review", "reviewed", "pull request", "feedback", "review each other"],
  },
];

const stems = (phrase: string) => words(phrase).map(stem);
const COMPILED = THEMES.map((t) => ({ triggers: new Set(t.triggers.map(stem)), terms: t.terms.map((term) => ({ term, stems: stems(term) })) }));

/** The related phrases (as stems) of every theme the criterion names. */
export function relatedTerms(criterion: string): { term: string; stems: string[] }[] {
  const mine = new Set(contentStems(criterion));
  const out: { term: string; stems: string[] }[] = [];
  for (const theme of COMPILED) {
    if ([...theme.triggers].some((t) => mine.has(t))) out.push(...theme.terms);
  }
  return out;
}

/** The text followed by the related terms of the themes its comma-separated parts name. */
export function withThemes(text: string): string {
  const extra = text.split(/[,;:]/).flatMap((part) => relatedTerms(part).map((r) => r.term));
  return extra.length > 0 ? `${text} ${[...new Set(extra)].join(" ")}` : text;
}

/** Whether the stem sequence contains the phrase's stems, contiguously. */
export function containsPhrase(haystack: string[], phrase: string[]): boolean {
  if (phrase.length === 0) return false;
  outer: for (let i = 0; i + phrase.length <= haystack.length; i++) {
    for (let j = 0; j < phrase.length; j++) if (haystack[i + j] !== phrase[j]) continue outer;
    return true;
  }
  return false;
}

/** Every word of the passage stemmed, in order (stop words kept, so phrases match). */
export function passageStems(passage: string): string[] {
  return stems(passage);
}
