"use server";

import { headers } from "next/headers";

import { publicAction } from "@/app/_lib/action";
import { assertSignUpAllowed, clientAddress } from "@/lib/auth/sign-in-limits";
import { createUserWithPassword } from "@/lib/users/service";
import { ZSignUp } from "@/lib/validation/accounts";

/** Creates an account; the form then signs in through next-auth with the same credentials. */
export const signUpAction = publicAction(ZSignUp, async (input) => {
  await assertSignUpAllowed(clientAddress((await headers()).get("x-forwarded-for")));
  const user = await createUserWithPassword(input);
  return { email: user.email };
});
