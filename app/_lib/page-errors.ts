import "server-only";

import { notFound } from "next/navigation";

import { isAppError } from "@/lib/errors";

/** Runs a service read for a page; NOT_FOUND (which also covers "not yours") becomes the 404 page. */
export async function loadOr404<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}
