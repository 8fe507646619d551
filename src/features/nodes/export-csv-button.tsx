import { Button } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { exportCsv, type CsvExportInput } from '@/api/downloads';
import { failureMessage } from '@/api/failures';
import { saveBlob } from '@/lib/save-blob';
import { notifyFailure } from '@/ui/notify';

export interface ExportCsvButtonProps {
  /** The list to export, with the filters on screen. */
  request: CsvExportInput;
  /** "environments": used in the button's accessible name and messages. */
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
      aria-label={`Export ${what} as CSV`}
    >
      Export CSV
    </Button>
  );
}
