import { formatDuration } from "@/components/format";

type IntroVideoProps = { video: { url: string; posterUrl: string | null; contentType: string; durationMs: number | null } | null; organizationName: string };

/**
 * The hiring team's intro video above the consent screen: a plain player on signed, expiring URLs
 * (the page reloads its state, and so fresh URLs, on every visit). Nothing plays by itself.
 */
export function IntroVideo({ video, organizationName }: IntroVideoProps) {
  if (!video) return null;
  return (
    <section aria-labelledby="intro-video-title" className="space-y-2" data-testid="intro-video">
      <h2 id="intro-video-title" className="text-sm font-semibold text-slate-900">
        A video from {organizationName}
        {video.durationMs ? <span className="font-normal text-slate-600"> · {formatDuration(video.durationMs)}</span> : null}
      </h2>
      <video
        controls
        playsInline
        preload="metadata"
        poster={video.posterUrl ?? undefined}
        aria-label={`Intro video from ${organizationName}`}
        className="aspect-video w-full rounded-lg bg-slate-900"
      >
        <source src={video.url} type={video.contentType} />
      </video>
    </section>
  );
}
