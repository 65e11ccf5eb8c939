"use client";

import { useEffect, useRef, useState } from "react";
import { Alert } from "@/components/ui";

type SwaggerUIBundle = (options: { url: string; domNode: HTMLElement; deepLinking: boolean; tryItOutEnabled: boolean }) => unknown;

const BUNDLE = "/docs/api/assets/swagger-ui-bundle.js";

function loadBundle(): Promise<SwaggerUIBundle> {
  const ready = (window as { SwaggerUIBundle?: SwaggerUIBundle }).SwaggerUIBundle;
  if (ready) return Promise.resolve(ready);
  return new Promise((resolve, reject) => {
    // Added by this (nonced) code, so the CSP's 'strict-dynamic' lets it run, after a client-side navigation too.
    const script = document.createElement("script");
    script.src = BUNDLE;
    script.onload = () => {
      const loaded = (window as { SwaggerUIBundle?: SwaggerUIBundle }).SwaggerUIBundle;
      if (loaded) resolve(loaded);
      else reject(new Error("Swagger UI did not load"));
    };
    script.onerror = () => reject(new Error("Swagger UI did not load"));
    document.head.appendChild(script);
  });
}

/** The API reference: Swagger UI over the OpenAPI document the server makes from its route table. */
export function SwaggerUI({ url }: { url: string }) {
  const node = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let cancelled = false;
    loadBundle()
      .then((bundle) => {
        if (!cancelled && node.current) bundle({ url, domNode: node.current, deepLinking: true, tryItOutEnabled: false });
      })
      .catch(() => setFailed(true));
    return () => {
      cancelled = true;
    };
  }, [url]);
  return (
    <>
      {failed ? (
        <Alert tone="danger">
          The interactive reference did not load. The OpenAPI document is at <a href={url}>{url}</a>.
        </Alert>
      ) : null}
      <div ref={node} id="swagger-ui" />
    </>
  );
}
