// The app's public URL (NEXTAUTH_URL, set by the start scripts and by operators behind a proxy).
// Cookies get the Secure flag and __Host-/__Secure- names exactly when it is https, whatever protocol
// the request reached this process with (a TLS-terminating proxy speaks http to it).
export function isHttpsDeployment(env: Record<string, string | undefined> = process.env): boolean {
  return (env.NEXTAUTH_URL ?? "").startsWith("https://");
}
