import {
  Anchor,
  Button,
  NavLink,
  type AnchorProps,
  type ButtonProps,
  type NavLinkProps,
} from '@mantine/core';
import { createLink, type LinkComponent } from '@tanstack/react-router';
import type { ComponentPropsWithRef } from 'react';

// Mantine components as typed router links (TanStack's createLink): `to` and `params` are checked
// against the route tree, which `component={Link}` on a polymorphic Mantine component cannot do.

type AnchorElementProps = AnchorProps & Omit<ComponentPropsWithRef<'a'>, keyof AnchorProps>;
function MantineAnchor(props: AnchorElementProps) {
  return <Anchor {...props} />;
}
const CreatedAnchorLink = createLink(MantineAnchor);
/** An Anchor that navigates within the console. */
export const AnchorLink: LinkComponent<typeof MantineAnchor> = (props) => <CreatedAnchorLink {...props} />;

type ButtonElementProps = ButtonProps & Omit<ComponentPropsWithRef<'a'>, keyof ButtonProps>;
function MantineButtonAnchor(props: ButtonElementProps) {
  return <Button component="a" {...props} />;
}
const CreatedButtonLink = createLink(MantineButtonAnchor);
/** A Button that navigates within the console. */
export const ButtonLink: LinkComponent<typeof MantineButtonAnchor> = (props) => (
  <CreatedButtonLink {...props} />
);

type NavLinkElementProps = NavLinkProps & Omit<ComponentPropsWithRef<'a'>, keyof NavLinkProps>;
function MantineNavLink(props: NavLinkElementProps) {
  return <NavLink component="a" {...props} />;
}
const CreatedNavLinkLink = createLink(MantineNavLink);
/** A NavLink (navigation list entry) that navigates within the console. */
export const NavLinkLink: LinkComponent<typeof MantineNavLink> = (props) => <CreatedNavLinkLink {...props} />;
