import { Switch } from '@mantine/core';
import { useState } from 'react';
import { notificationApi, useInboxNotificationsPreference } from '@/lib/inbox-notifications';

/** Turns desktop notifications of new items on or off; the browser's permission is asked only when on. */
export function NotificationToggle() {
  const [isOn, setIsOn] = useInboxNotificationsPreference();
  const [problem, setProblem] = useState<string | null>(null);
  const api = notificationApi();

  const handleChange = async (wanted: boolean) => {
    setProblem(null);
    if (!wanted) {
      setIsOn(false);
      return;
    }
    if (api === null) {
      setProblem('This browser has no desktop notifications.');
      return;
    }
    const permission = api.permission === 'granted' ? 'granted' : await api.requestPermission();
    if (permission === 'granted') setIsOn(true);
    else
      setProblem('The browser does not allow notifications for this site; allow them in its site settings.');
  };

  return (
    <Switch
      label="Desktop notifications of new items"
      checked={isOn && api?.permission === 'granted'}
      error={problem}
      onChange={(event) => void handleChange(event.currentTarget.checked)}
    />
  );
}
