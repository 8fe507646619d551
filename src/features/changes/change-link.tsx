import { Anchor, type AnchorProps } from '@mantine/core';
import { useRouter } from '@tanstack/react-router';
import type { MouseEvent, ReactNode } from 'react';

export interface ChangeLinkProps extends AnchorProps {
  changeId: string;
  children: ReactNode;
}

/** The change page's address. */
export const changeHref = (changeId: string) => `/changes/${encodeURIComponent(changeId)}`;

/**
 * A link to a change's page that navigates within the console (a plain click) or opens a browser tab
 * (modifier keys, middle click), like the router's own links.
 */
export function ChangeLink({ changeId, children, ...props }: ChangeLinkProps) {
  const router = useRouter();
  const href = changeHref(changeId);
  const handleClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    void router.navigate({ href });
  };
  return (
    <Anchor href={href} onClick={handleClick} {...props}>
      {children}
    </Anchor>
  );
}
