import { Tabs } from '@mantine/core';
import { createLink, type LinkComponent } from '@tanstack/react-router';
import type { ComponentPropsWithRef, ReactNode } from 'react';

// A Mantine tab that is a router link: the tab list keeps its roles and arrow keys (Mantine moves focus
// and clicks the next tab, which follows the link), while the address, not component state, says which
// tab is open. Put it in a <Tabs> whose `value` comes from the matched route.

type TabAnchorProps = Omit<ComponentPropsWithRef<'a'>, 'value' | 'children'> & {
  /** The tab's value in the enclosing <Tabs>. */
  value: string;
  children?: ReactNode;
};

function MantineTabAnchor({ value, children, className, style, ...anchorProps }: TabAnchorProps) {
  return (
    <Tabs.Tab
      value={value}
      // Mantine's own props (role, aria-selected, the roving tabIndex, arrow keys) first; the link's
      // href and click handler after them, so a click or an arrow key navigates. The router marks an
      // active link with a class of its own: it joins Mantine's tab class rather than replacing it.
      renderRoot={({
        className: tabClassName,
        style: tabStyle,
        ...rootProps
      }: ComponentPropsWithRef<'a'>) => (
        <a
          {...rootProps}
          {...anchorProps}
          className={[tabClassName, className].filter(Boolean).join(' ')}
          style={{ ...tabStyle, ...style }}
        />
      )}
    >
      {children}
    </Tabs.Tab>
  );
}

const CreatedTabLink = createLink(MantineTabAnchor);
/** A tab (role="tab") that navigates within the console. */
export const TabLink: LinkComponent<typeof MantineTabAnchor> = (props) => <CreatedTabLink {...props} />;
