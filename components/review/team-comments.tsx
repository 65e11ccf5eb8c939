"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useRef, useState, type ReactNode } from "react";
import { useForm } from "react-hook-form";
import { formatDateTime } from "@/components/format";
import { Alert, Button, Card, CardContent, CardDescription, CardHeader, CardTitle, Field, Textarea } from "@/components/ui";
import { errorMessage, fieldErrors, useTRPC } from "@/components/trpc/client";
import type { CommentView, Member } from "@/server/review/team-comments";
import { COMMENT_MAX, commentInput, type CommentForm, type CommentInput } from "@/server/review/team.schema";

const resolver = zodResolver(commentInput);

/** The "@query" being typed just before the caret, if any. */
function mentionQuery(text: string, caret: number): { start: number; query: string } | null {
  const match = /(^|\s)@([^\s@]*)$/.exec(text.slice(0, caret));
  return match ? { start: caret - match[2]!.length - 1, query: match[2]! } : null;
}

function withMentions(body: string, mentions: Member[]): ReactNode[] {
  if (mentions.length === 0) return [body];
  const pattern = new RegExp(`(${mentions.map((m) => `@${m.label}`.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")})`, "g");
  return body.split(pattern).map((part, i) =>
    mentions.some((m) => `@${m.label}` === part) ? (
      <strong key={i} className="font-semibold text-brand-700">
        {part}
      </strong>
    ) : (
      part
    ),
  );
}

function Comment({ comment }: { comment: CommentView }) {
  return (
    <li id={`comment-${comment.id}`} className="space-y-1 border-t border-slate-100 pt-3 first:border-t-0 first:pt-0">
      <p className="text-xs text-slate-600">
        <span className="font-medium text-slate-900">{comment.author ?? "A former member"}</span> · {formatDateTime(comment.createdAt)}
      </p>
      <p className="whitespace-pre-line break-words text-sm text-slate-800">{withMentions(comment.body, comment.mentions)}</p>
    </li>
  );
}

/**
 * The team's discussion of the interview. Typing @ lists the organization's HR members; a picked
 * member whose @name is still in the comment when it is posted gets a notification (and an email,
 * unless they switched those off).
 */
export function TeamComments({ invitationId }: { invitationId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const listId = useId();
  const textRef = useRef<HTMLTextAreaElement | null>(null);
  const comments = useQuery(trpc.review.comments.queryOptions({ invitationId }));
  const [picked, setPicked] = useState<Member[]>([]);
  const [typing, setTyping] = useState<{ start: number; query: string } | null>(null);
  const [active, setActive] = useState(0);
  const {
    register,
    handleSubmit,
    setValue,
    getValues,
    reset,
    formState: { errors },
  } = useForm<CommentForm, unknown, CommentInput>({ defaultValues: { invitationId, body: "", mentions: [] }, resolver });
  const post = useMutation(
    trpc.review.comment.mutationOptions({
      onSuccess: () => {
        reset({ invitationId, body: "", mentions: [] });
        setPicked([]);
        void queryClient.invalidateQueries({ queryKey: trpc.review.comments.queryKey({ invitationId }) });
      },
    }),
  );

  const members = comments.data?.members ?? [];
  const matches = typing ? members.filter((m) => m.label.toLowerCase().includes(typing.query.toLowerCase())).slice(0, 6) : [];
  const body = register("body");

  const choose = (member: Member) => {
    if (!typing) return;
    const text = getValues("body");
    const caret = typing.start + 1 + typing.query.length;
    const next = `${text.slice(0, typing.start)}@${member.label} ${text.slice(caret)}`;
    setValue("body", next, { shouldDirty: true });
    setPicked((p) => (p.some((m) => m.id === member.id) ? p : [...p, member]));
    setTyping(null);
    const el = textRef.current;
    if (el) {
      const at = typing.start + member.label.length + 2;
      el.focus();
      el.setSelectionRange(at, at);
    }
  };

  const serverBodyError = post.error ? fieldErrors(post.error).body?.[0] : undefined;
  return (
    <Card>
      <section aria-labelledby="team-comments-heading">
        <CardHeader>
          <CardTitle id="team-comments-heading">Team comments</CardTitle>
          <CardDescription>Visible to your organization&apos;s HR team only. Type @ to mention a teammate; they are notified.</CardDescription>
        </CardHeader>
        <CardContent className="space-y-4">
          {comments.data && comments.data.comments.length > 0 ? (
            <ul className="space-y-3">
              {comments.data.comments.map((c) => (
                <Comment key={c.id} comment={c} />
              ))}
            </ul>
          ) : comments.data ? (
            <p className="text-sm text-slate-600">No comments yet.</p>
          ) : null}
          {comments.error ? <Alert tone="danger">{errorMessage(comments.error)}</Alert> : null}
          <form
            className="space-y-2"
            noValidate
            onSubmit={(e) => void handleSubmit((input) => post.mutate({ ...input, mentions: picked.map((m) => m.id) }))(e)}
          >
            <Field label="Comment" error={errors.body?.message ?? serverBodyError}>
              {(props) => (
                <Textarea
                  {...props}
                  rows={3}
                  maxLength={COMMENT_MAX + 50}
                  aria-controls={matches.length > 0 ? listId : undefined}
                  {...body}
                  ref={(el) => {
                    body.ref(el);
                    textRef.current = el;
                  }}
                  onChange={(e) => {
                    void body.onChange(e);
                    setTyping(mentionQuery(e.target.value, e.target.selectionStart ?? e.target.value.length));
                    setActive(0);
                  }}
                  onKeyDown={(e) => {
                    if (matches.length === 0) return;
                    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
                      e.preventDefault();
                      setActive((a) => (a + (e.key === "ArrowDown" ? 1 : matches.length - 1)) % matches.length);
                    } else if (e.key === "Enter" || e.key === "Tab") {
                      e.preventDefault();
                      choose(matches[active]!);
                    } else if (e.key === "Escape") {
                      setTyping(null);
                    }
                  }}
                />
              )}
            </Field>
            {matches.length > 0 ? (
              <ul id={listId} aria-label="Mention a teammate" className="rounded-md border border-slate-200 bg-white p-1 shadow-sm">
                {matches.map((m, i) => (
                  <li key={m.id}>
                    <button
                      type="button"
                      className={`w-full rounded px-2 py-1 text-left text-sm ${i === active ? "bg-brand-50 text-brand-800" : "text-slate-800 hover:bg-slate-50"}`}
                      onMouseDown={(e) => e.preventDefault()}
                      onClick={() => choose(m)}
                    >
                      {`Mention ${m.label}`}
                    </button>
                  </li>
                ))}
              </ul>
            ) : null}
            {post.error && !serverBodyError ? <Alert tone="danger">{errorMessage(post.error)}</Alert> : null}
            <Button type="submit" size="sm" loading={post.isPending}>
              Post comment
            </Button>
          </form>
        </CardContent>
      </section>
    </Card>
  );
}
