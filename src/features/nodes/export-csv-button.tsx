import { exportCsv, type CsvExportInput } from '@/api/downloads';
import { failureMessage } from '@/api/failures';
import { DownloadCsvButton } from '@/ui/download-csv-button';

export interface ExportCsvButtonProps {
  /** The list to export, with the filters on screen. */
  request: CsvExportInput;
  /** "environments": completes the button's accessible name ("Export CSV of the environments") and messages. */
  what: string;
}

/** Downloads the list as CSV through the API's `download` parameter (credentials in the header only). */
export function ExportCsvButton({ request, what }: ExportCsvButtonProps) {
  return (
    <DownloadCsvButton
      onExport={() => exportCsv(request)}
      fileName={request.fileName}
      what={what}
      describeFailure={failureMessage}
    />
  );
}
