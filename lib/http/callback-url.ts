/** Only same-site paths may be redirect targets after sign-in (no open redirects). */
export function safeCallbackUrl(value: string | undefined | null, fallback = "/projects"): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  return value.slice(0, 2000);
}
