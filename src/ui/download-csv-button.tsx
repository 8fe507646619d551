import { Button, VisuallyHidden } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { saveBlob } from '@/lib/save-blob';
import { notifyFailure } from './notify';

export interface DownloadCsvButtonProps {
  /** Fetches the file (the API's `download=` form: `exportCsv` in src/api/downloads). */
  onExport: () => Promise<{ blob: Blob; fileName: string | null }>;
  /** The name to save under when the server names none. */
  fileName: string;
  /** "environments": completes the button's accessible name ("Export CSV of the environments") and messages. */
  what: string;
  /** Reads a failure for the notification (`failureMessage` in src/api/failures). */
  describeFailure: (error: unknown) => string;
}

/** Downloads a list as CSV and hands it to the browser; a failure is told in a notification. */
export function DownloadCsvButton({ onExport, fileName, what, describeFailure }: DownloadCsvButtonProps) {
  const download = useMutation({
    mutationFn: onExport,
    onSuccess: (file) => {
      saveBlob(file.blob, file.fileName ?? fileName);
    },
    onError: (error) => {
      notifyFailure(`The ${what} could not be exported`, describeFailure(error));
    },
  });
  return (
    <Button
      variant="default"
      size="sm"
      leftSection={<IconDownload size={16} aria-hidden />}
      loading={download.isPending}
      onClick={() => {
        download.mutate();
      }}
    >
      {/* The name starts with the visible text (WCAG 2.5.3, label in name), so "click Export CSV" works
          for speech input; the hidden rest tells screen reader users which list it exports. */}
      Export CSV<VisuallyHidden> of the {what}</VisuallyHidden>
    </Button>
  );
}
