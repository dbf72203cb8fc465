// An invitation token, once its link is opened, waits in this http-only cookie while the invitee signs
// in or signs up, so it never travels on in URLs (sign-in's callbackUrl, history, logs).
export const INVITE_COOKIE = "unigap-invite";
export const INVITE_COOKIE_SECONDS = 24 * 60 * 60;
