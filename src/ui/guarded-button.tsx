import { Button, Tooltip, VisuallyHidden, type ButtonProps } from '@mantine/core';
import { useId, type ComponentPropsWithoutRef, type MouseEvent } from 'react';

export type GuardedButtonProps = ButtonProps &
  Omit<ComponentPropsWithoutRef<'button'>, keyof ButtonProps> & {
    /** Why the action is not available (`You need update permission on …`); null when it is. */
    deniedReason: string | null;
  };

/**
 * A button for an action the user may not be allowed to perform. When denied it stays visible and
 * focusable but disabled (`aria-disabled`), and says why in a tooltip and its accessible description: never
 * silently missing.
 */
export function GuardedButton({ deniedReason, onClick, ...props }: GuardedButtonProps) {
  const reasonId = useId();
  if (deniedReason === null) return <Button onClick={onClick} {...props} />;
  const handleClick = (event: MouseEvent<HTMLButtonElement>) => {
    event.preventDefault();
  };
  return (
    <>
      <Tooltip
        label={deniedReason}
        multiline
        maw={320}
        withArrow
        events={{ hover: true, focus: true, touch: true }}
      >
        <Button
          {...props}
          type="button"
          data-disabled
          aria-disabled="true"
          aria-describedby={reasonId}
          onClick={handleClick}
        />
      </Tooltip>
      <VisuallyHidden id={reasonId}>{deniedReason}</VisuallyHidden>
    </>
  );
}
