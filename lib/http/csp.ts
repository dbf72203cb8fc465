// The Content-Security-Policy of every page. Scripts run only with this response's nonce (Next.js puts
// it on its own scripts; the root layout on the theme script) or when loaded by such a script
// ('strict-dynamic'). Styles allow inline attributes: charts set them, and style injection cannot run code.

export function buildContentSecurityPolicy(options: { nonce: string; isDev: boolean; isHttps: boolean }): string {
  const directives = [
    `default-src 'self'`,
    `script-src 'self' 'nonce-${options.nonce}' 'strict-dynamic'${options.isDev ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' 'unsafe-inline'`,
    `img-src 'self' data: blob:`,
    `font-src 'self' data:`,
    `connect-src 'self'`,
    `object-src 'none'`,
    `base-uri 'none'`,
    `form-action 'self'`,
    `frame-ancestors 'none'`,
  ];
  if (options.isHttps) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}

/** 128 random bits, base64: a fresh one per response. */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
