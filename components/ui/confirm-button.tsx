"use client";

import { useState } from "react";

import { Button, type TButtonProps } from "./button";

/**
 * A destructive button that asks once more in place: the first press turns it into "Confirm …" and a
 * Cancel, so a slip of the mouse or the Enter key never revokes anything.
 */
export function ConfirmButton({
  label,
  confirmLabel,
  onConfirm,
  disabled,
  size = "sm",
}: {
  label: string;
  confirmLabel: string;
  onConfirm: () => void;
  disabled?: boolean;
  size?: TButtonProps["size"];
}) {
  const [isAsking, setAsking] = useState(false);
  if (!isAsking) {
    return (
      <Button type="button" variant="secondary" size={size} disabled={disabled} onClick={() => setAsking(true)}>
        {label}
      </Button>
    );
  }
  return (
    <span className="inline-flex gap-1">
      <Button
        type="button"
        variant="danger"
        size={size}
        disabled={disabled}
        autoFocus
        onClick={() => {
          setAsking(false);
          onConfirm();
        }}
      >
        {confirmLabel}
      </Button>
      <Button type="button" variant="ghost" size={size} onClick={() => setAsking(false)}>
        Cancel
      </Button>
    </span>
  );
}
