import { Button, Tooltip, VisuallyHidden, type ButtonProps } from '@mantine/core';
import { useId, type ComponentPropsWithoutRef, type MouseEvent } from 'react';
import { useServerDenial, type DeniableAction } from '@/lib/server-denials';

export type GuardedButtonProps = ButtonProps &
  Omit<ComponentPropsWithoutRef<'button'>, keyof ButtonProps> & {
    /** Why the action is not available (`You need update permission on …`); null when it is. */
    deniedReason: string | null;
    /**
     * The action this button starts, when the server may refuse it with a 403 that `meta` did not
     * predict: once `recordServerDenial` has recorded a refusal for it, the button is denied with the
     * server's reason (`deniedReason` from meta, when set, comes first).
     */
    deniable?: DeniableAction | undefined;
  };

/**
 * A button for an action the user may not be allowed to perform. When denied it stays visible and
 * focusable but disabled (`aria-disabled`), and says why in a tooltip and its accessible description: never
 * silently missing. Denied by the node's `meta` (`deniedReason`) or, after a 403, by the server (`deniable`).
 */
export function GuardedButton({ deniedReason: metaReason, deniable, onClick, ...props }: GuardedButtonProps) {
  const reasonId = useId();
  const serverReason = useServerDenial(deniable);
  const deniedReason = metaReason ?? serverReason;
  const isDenied = deniedReason !== null;
  const handleDeniedClick = (event: MouseEvent<HTMLButtonElement>) => {
    event.preventDefault();
  };
  // The same button element whether allowed or denied: a 403 denies it while its dialog is open, and the
  // dialog returns focus to it on closing.
  return (
    <>
      <Tooltip
        label={deniedReason ?? ''}
        disabled={!isDenied}
        withArrow
        events={{ hover: true, focus: true, touch: true }}
      >
        {isDenied ? (
          <Button
            {...props}
            type="button"
            data-disabled
            aria-disabled="true"
            aria-describedby={reasonId}
            onClick={handleDeniedClick}
          />
        ) : (
          <Button onClick={onClick} {...props} />
        )}
      </Tooltip>
      {isDenied ? <VisuallyHidden id={reasonId}>{deniedReason}</VisuallyHidden> : null}
    </>
  );
}
