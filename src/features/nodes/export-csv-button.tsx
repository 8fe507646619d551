import { Button, VisuallyHidden } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { exportCsv, type CsvExportInput } from '@/api/downloads';
import { failureMessage } from '@/api/failures';
import { saveBlob } from '@/lib/save-blob';
import { notifyFailure } from '@/ui/notify';

export interface ExportCsvButtonProps {
  /** The list to export, with the filters on screen. */
  request: CsvExportInput;
  /** "environments": completes the button's accessible name ("Export CSV of the environments") and messages. */
  what: string;
}

/** Downloads the list as CSV through the API's `download` parameter (credentials in the header only). */
export function ExportCsvButton({ request, what }: ExportCsvButtonProps) {
  const download = useMutation({
    mutationFn: exportCsv,
    onSuccess: (file) => {
      saveBlob(file.blob, file.fileName ?? request.fileName);
    },
    onError: (error) => {
      notifyFailure(`The ${what} could not be exported`, failureMessage(error));
    },
  });
  return (
    <Button
      variant="default"
      size="sm"
      leftSection={<IconDownload size={16} aria-hidden />}
      loading={download.isPending}
      onClick={() => {
        download.mutate(request);
      }}
    >
      {/* The name starts with the visible text (WCAG 2.5.3, label in name), so "click Export CSV" works
          for speech input; the hidden rest tells screen reader users which list it exports. */}
      Export CSV<VisuallyHidden> of the {what}</VisuallyHidden>
    </Button>
  );
}
