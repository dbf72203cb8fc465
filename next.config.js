// Native and WebAssembly packages stay outside the server bundle: PGlite and Prisma's query
// compiler load .wasm files relative to their own folders, sharp/argon2/resvg load .node binaries.
/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pglite-prisma-adapter",
    "@prisma/client",
    "@prisma/adapter-pg",
    "pg",
    "pg-copy-streams",
    "sharp",
    "@resvg/resvg-js",
    "@node-rs/argon2",
  ],
  // Server actions take up to 3 MB (Next's default is 1 MB), so a form field far over its own limit
  // (say a 1 MB name) still reaches the form's schema and comes back as an error beside that field,
  // instead of Next refusing the whole submission with no field named. Every field has its own max.
  experimental: { serverActions: { bodySizeLimit: "3mb" } },
  // Pages also get a per-response Content-Security-Policy from proxy.ts. `same-origin`, not
  // `no-referrer`: a no-referrer page sends `Origin: null` on POST, which server actions refuse.
  async headers() {
    const everywhere = [
      { key: "X-Content-Type-Options", value: "nosniff" },
      { key: "Referrer-Policy", value: "same-origin" },
      { key: "X-Frame-Options", value: "DENY" },
      { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
    ];
    return [
      { source: "/:path*", headers: everywhere },
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }] },
    ];
  },
};

export default nextConfig;
