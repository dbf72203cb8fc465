"use server";

import { headers } from "next/headers";

import { userAction } from "@/app/_lib/action";
import { assertSignInAllowed, clientAddress, recordSignInFailure } from "@/lib/auth/sign-in-limits";
import { isAppError } from "@/lib/errors";
import { changePassword } from "@/lib/users/service";
import { ZChangePassword } from "@/lib/validation/accounts";

/**
 * Guessing the current password here is as rate-limited as signing in. Other sessions end; the form
 * signs this browser in again with the new password.
 */
export const changePasswordAction = userAction(ZChangePassword, async (input, { actor, user }) => {
  const address = clientAddress((await headers()).get("x-forwarded-for"));
  const accountKey = user.email ?? user.id;
  await assertSignInAllowed(accountKey, address);
  try {
    const { email } = await changePassword(actor, input);
    return { email };
  } catch (error) {
    if (isAppError(error) && error.code === "INVALID_INPUT") await recordSignInFailure(accountKey, address);
    throw error;
  }
});
