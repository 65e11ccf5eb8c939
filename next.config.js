/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // Fonts and assets are all local: nothing is fetched from the internet at build or run time.
  images: { unoptimized: true },
  poweredByHeader: false,
  serverExternalPackages: ["pg", "@prisma/adapter-pg"],
  typedRoutes: false,
};

export default nextConfig;
