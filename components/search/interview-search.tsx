"use client";

import { skipToken, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert, Badge, Button, Card, CardContent, CardHeader, CardTitle, EmptyState, Field, Input, Select, Skeleton } from "@/components/ui";
import { errorMessage, fieldErrors, useTRPC } from "@/components/trpc/client";
import { searchInput, type ParsedSearchInput } from "@/server/search/search.schema";
import { queryTerms } from "@/server/search/text";
import { formatClock, formatRelevance } from "@/components/format";
import { groupHits } from "./group-hits";
import { HighlightedPassage } from "./highlighted-passage";

export type InterviewSearchProps = {
  initialQuery?: string;
  initialTemplateId?: string;
  /** Which embedding engine ranks the results, shown beside them (see server/search/embedder.ts). */
  engineLabel: string;
};

function parse(query: string, templateId: string): { input: ParsedSearchInput } | { error: string } {
  const parsed = searchInput.safeParse({ query, templateId: templateId || undefined });
  if (parsed.success) return { input: parsed.data };
  return { error: parsed.error.issues[0]?.message ?? "Check the search." };
}

export function InterviewSearch({ initialQuery = "", initialTemplateId = "", engineLabel }: InterviewSearchProps) {
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const [text, setText] = useState(initialQuery);
  const [templateId, setTemplateId] = useState(initialTemplateId);
  const initial = initialQuery ? parse(initialQuery, initialTemplateId) : null;
  const [submitted, setSubmitted] = useState<ParsedSearchInput | null>(initial && "input" in initial ? initial.input : null);
  const [formError, setFormError] = useState<string | null>(initial && "error" in initial ? initial.error : null);

  const templates = useQuery(trpc.invitations.templates.queryOptions());
  const search = useQuery(trpc.search.interviews.queryOptions(submitted ?? skipToken));
  const serverFieldError = search.error ? fieldErrors(search.error).query : undefined;
  const queryError = formError ?? serverFieldError;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = parse(text, templateId);
    if ("error" in result) {
      setFormError(result.error);
      return;
    }
    setFormError(null);
    setSubmitted(result.input);
    const params = new URLSearchParams({ q: result.input.query });
    if (result.input.templateId) params.set("templateId", result.input.templateId);
    router.replace(`${pathname}?${params.toString()}`, { scroll: false });
  }

  const hits = search.data ?? [];
  const groups = groupHits(hits);
  const terms = submitted ? queryTerms(submitted.query) : [];

  return (
    <div className="space-y-6">
      <form
        role="search"
        aria-label="Search interviews"
        noValidate
        onSubmit={onSubmit}
        className="grid items-start gap-3 sm:grid-cols-[minmax(0,1fr)_16rem_auto]"
      >
        <Field label="What did a candidate say?" error={queryError} description="For example: EXPLAIN ANALYZE composite index, or rolled back the deploy.">
          {(props) => (
            <Input
              {...props}
              type="search"
              name="q"
              value={text}
              maxLength={200}
              autoComplete="off"
              onChange={(e) => {
                setText(e.target.value);
                if (formError) setFormError(null);
              }}
            />
          )}
        </Field>
        <Field label="Interview template">
          {(props) => (
            <Select {...props} value={templateId} onChange={(e) => setTemplateId(e.target.value)}>
              <option value="">All templates</option>
              {templates.data?.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.title}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Button type="submit" className="sm:mt-6" loading={search.isFetching}>
          Search
        </Button>
      </form>

      <p className="text-xs text-slate-500">
        Ranked by two signals fused: the words you typed (&quot;quotes&quot; for an exact phrase, <code>or</code> for either word, <code>-word</code> to leave a
        word out) and meaning, by <span className="font-medium text-slate-700">{engineLabel}</span>. A score of 1 is first on both.
      </p>

      <div aria-live="polite" className="sr-only">
        {search.isFetching
          ? "Searching…"
          : submitted && search.data
            ? `${hits.length} passage${hits.length === 1 ? "" : "s"} in ${groups.length} interview${groups.length === 1 ? "" : "s"}`
            : ""}
      </div>

      {search.error && !serverFieldError ? <Alert tone="danger">{errorMessage(search.error)}</Alert> : null}

      {!submitted ? (
        <EmptyState
          title="Search what candidates said"
          description="Every transcribed video answer and written answer of your organization's interviews is searchable; a result opens the answer at that moment."
        />
      ) : search.isLoading ? (
        <div aria-busy="true" className="space-y-3">
          <Skeleton className="h-28" />
          <Skeleton className="h-28" />
        </div>
      ) : search.data && hits.length === 0 ? (
        <EmptyState
          title="No passages match"
          description={
            terms.length === 0
              ? "Your search has only common words (such as the, and, who) or punctuation: add a word that says what you are looking for."
              : "Try other words, or all templates. Answers appear here once they are transcribed."
          }
        />
      ) : (
        <ol className="space-y-4" aria-label="Results, best first">
          {groups.map((group) => (
            <li key={group.invitationId}>
              <Card>
                <CardHeader>
                  <CardTitle as="h2" className="text-base">
                    <Link href={`/interviews/${group.invitationId}`} className="text-brand-700 underline-offset-2 hover:underline focus-visible:underline">
                      {group.candidateName}
                    </Link>
                  </CardTitle>
                  <p className="text-sm text-slate-600">{group.templateTitle}</p>
                </CardHeader>
                <CardContent>
                  <ol className="divide-y divide-slate-100">
                    {group.hits.map((hit) => (
                      <li key={hit.chunkId} className="space-y-1 py-3 first:pt-0 last:pb-0" data-testid="search-hit">
                        <div className="flex flex-wrap items-center gap-2 text-sm">
                          <Badge>Question {hit.questionNumber}</Badge>
                          <span className="min-w-0 text-slate-700">{hit.questionPrompt}</span>
                        </div>
                        <blockquote className="border-l-2 border-slate-200 pl-3 text-slate-900">
                          <HighlightedPassage content={hit.content} terms={terms} />
                        </blockquote>
                        <div className="flex flex-wrap items-center gap-3 text-sm">
                          <Link href={hit.href} className="font-medium text-brand-700 underline-offset-2 hover:underline focus-visible:underline">
                            {hit.startMs === null ? "Open the written answer" : `Play from ${formatClock(hit.startMs)}`}
                            <span className="sr-only">
                              {" "}
                              ({group.candidateName}, question {hit.questionNumber})
                            </span>
                          </Link>
                          {hit.startMs !== null && hit.endMs !== null ? (
                            <span className="text-slate-500">
                              {formatClock(hit.startMs)}–{formatClock(hit.endMs)}
                            </span>
                          ) : null}
                          <span className="text-slate-500" title="Rank fusion of word match and meaning: 1 is first on both, 0.5 first on one">
                            score {formatRelevance(hit.score)}
                          </span>
                        </div>
                      </li>
                    ))}
                  </ol>
                </CardContent>
              </Card>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
