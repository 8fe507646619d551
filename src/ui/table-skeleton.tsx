import { Skeleton, Stack, VisuallyHidden } from '@mantine/core';

export interface TableSkeletonProps {
  /** Announced to screen readers: "Loading environments". */
  label: string;
  rows?: number;
}

/** Placeholder rows while a list loads. */
export function TableSkeleton({ label, rows = 5 }: TableSkeletonProps) {
  return (
    <Stack gap="xs" aria-busy="true" role="status">
      <VisuallyHidden>{label}</VisuallyHidden>
      {Array.from({ length: rows }, (_, index) => (
        <Skeleton key={index} height={28} radius="sm" />
      ))}
    </Stack>
  );
}
