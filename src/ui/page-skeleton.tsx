import { Group, Skeleton, Stack, VisuallyHidden } from '@mantine/core';

export interface PageSkeletonProps {
  /** Announced to screen readers: "Loading environment dev". */
  label: string;
  /**
   * `node`: a node page (breadcrumbs, heading, actions, tabs, a list); `list`: a list page (heading and
   * rows); `plain`: a heading and a few lines.
   * @default 'plain'
   */
  shape?: 'node' | 'list' | 'plain';
}

function Rows({ count }: { count: number }) {
  return (
    <Stack gap="xs">
      {Array.from({ length: count }, (_, index) => (
        <Skeleton key={index} height={28} radius="sm" />
      ))}
    </Stack>
  );
}

/** The shape of a page while its data loads, so a slow first load shows where things will be. */
export function PageSkeleton({ label, shape = 'plain' }: PageSkeletonProps) {
  return (
    <Stack gap="lg" role="status" aria-busy="true">
      <VisuallyHidden>{label}</VisuallyHidden>
      <Stack gap="xs" aria-hidden>
        {shape === 'node' ? <Skeleton height={12} width={220} radius="sm" /> : null}
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={10} style={{ flex: 1 }}>
            <Skeleton height={34} width="40%" radius="sm" />
            <Skeleton height={14} width="55%" radius="sm" />
          </Stack>
          {shape === 'plain' ? null : (
            <Group gap="xs" wrap="nowrap">
              <Skeleton height={30} width={76} radius="sm" />
              {shape === 'node' ? <Skeleton height={30} width={90} radius="sm" /> : null}
            </Group>
          )}
        </Group>
      </Stack>
      {shape === 'node' ? (
        <Group gap="lg" aria-hidden>
          {[80, 110, 70, 90, 100].map((width) => (
            <Skeleton key={width} height={18} width={width} radius="sm" />
          ))}
        </Group>
      ) : null}
      <div aria-hidden>
        <Rows count={shape === 'plain' ? 3 : 6} />
      </div>
    </Stack>
  );
}
