import type { AnchorProps } from '@mantine/core';
import type { ReactNode } from 'react';
import { AnchorLink } from '@/ui/router-links';

export interface ChangeLinkProps extends AnchorProps {
  changeId: string;
  children: ReactNode;
}

/** A link to a change's page (a router link: modifier keys and middle click open a browser tab). */
export function ChangeLink({ changeId, children, ...props }: ChangeLinkProps) {
  return (
    <AnchorLink to="/changes/$changeId" params={{ changeId }} {...props}>
      {children}
    </AnchorLink>
  );
}
