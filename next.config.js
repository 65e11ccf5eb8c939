/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // Fonts and assets are all local: nothing is fetched from the internet at build or run time.
  images: { unoptimized: true },
  poweredByHeader: false,
  // wink-nlp's model and the word vectors are data read at run time, not code to bundle.
  // OpenTelemetry's instrumentation hooks Node's module loader, which a bundle would bypass.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "wink-nlp", "wink-eng-lite-web-model", "@prisma/instrumentation", "@opentelemetry/instrumentation"],
  typedRoutes: false,
};

export default nextConfig;
