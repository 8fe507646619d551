import { notifications } from '@mantine/notifications';

// Outcome messages for actions (saved, archived, failed). Failures stay until dismissed: they explain
// what to do next, which takes longer to read.

export function notifySuccess(message: string): void {
  notifications.show({ color: 'green', title: 'Done', message, autoClose: 4000 });
}

export function notifyFailure(title: string, message: string): void {
  notifications.show({ color: 'red', title, message, autoClose: false, style: { whiteSpace: 'pre-line' } });
}
