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
};

export default nextConfig;
