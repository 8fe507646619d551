import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { credentialsStore } from '@/api/credentials';
import {
  emulatorFetch,
  plainFetch,
  startEmulator,
  unreachableFetch,
  type TestEmulator,
} from '@/test/emulator';
import { renderWithProviders } from '@/test/render-with-providers';
import { SignInForm } from './sign-in-form';

let emulator: TestEmulator;

beforeAll(async () => {
  emulator = await startEmulator();
});

afterAll(async () => {
  await emulator.close();
});

afterEach(() => {
  vi.stubGlobal('fetch', emulatorFetch(emulator.app));
});

async function submit(username: string, password: string) {
  const onSignedIn = vi.fn();
  const { user } = renderWithProviders(<SignInForm onSignedIn={onSignedIn} />);
  await user.type(screen.getByRole('textbox', { name: 'Username' }), username);
  await user.type(screen.getByLabelText(/^Password/), password);
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
  return { onSignedIn, user };
}

describe('SignInForm against the emulator', () => {
  it('hands over the credentials and the user’s record once the server accepts them', async () => {
    const { onSignedIn } = await submit('approver', 'approver');

    await waitFor(() => {
      expect(onSignedIn).toHaveBeenCalledTimes(1);
    });
    expect(onSignedIn).toHaveBeenCalledWith(
      { username: 'approver', password: 'approver' },
      expect.objectContaining({ username: 'approver', groupnames: ['approvers', 'qa'] }),
    );
    // Keeping them is the caller's decision (the auth layer), not the form's.
    expect(credentialsStore.get()).toBeNull();
  });

  it('says the username or password is wrong, clears the password and keeps the username', async () => {
    const { onSignedIn } = await submit('operator', 'wrong');

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Wrong username or password');
    expect(screen.getByLabelText(/^Password/)).toHaveValue('');
    expect(screen.getByLabelText(/^Password/)).toHaveFocus();
    expect(screen.getByRole('textbox', { name: 'Username' })).toHaveValue('operator');
    expect(onSignedIn).not.toHaveBeenCalled();
  });

  it('stays busy from the submit until the console has opened its page, and cannot be sent twice', async () => {
    const fetchSpy = vi.fn(emulatorFetch(emulator.app));
    vi.stubGlobal('fetch', fetchSpy);
    // The navigation to the first page, held until the test lets it finish.
    let finishNavigation: (() => void) | undefined;
    const onSignedIn = vi.fn(
      () =>
        new Promise<void>((resolve) => {
          finishNavigation = resolve;
        }),
    );
    const { user } = renderWithProviders(<SignInForm onSignedIn={onSignedIn} />);
    await user.type(screen.getByRole('textbox', { name: 'Username' }), 'operator');
    await user.type(screen.getByLabelText(/^Password/), 'operator');
    const button = screen.getByRole('button', { name: 'Sign in' });

    await user.click(button);
    await waitFor(() => {
      expect(onSignedIn).toHaveBeenCalledTimes(1);
    });
    expect(button).toBeDisabled();
    expect(screen.getByRole('status')).toHaveTextContent('Signed in. Opening the console…');
    const checks = fetchSpy.mock.calls.length;

    // Enter in the password field, another click, or the form submitted some other way change nothing.
    await user.type(screen.getByLabelText(/^Password/), '{Enter}');
    await user.click(button);
    fireEvent.submit(screen.getByRole('form', { name: 'Sign in' }));
    expect(fetchSpy).toHaveBeenCalledTimes(checks);
    expect(onSignedIn).toHaveBeenCalledTimes(1);
    expect(button).toBeDisabled();

    finishNavigation?.();
    await waitFor(() => {
      expect(button).toBeEnabled();
    });
    expect(screen.getByRole('status')).toHaveTextContent('');
  });

  it('asks for a missing username and password without calling the server', async () => {
    const fetchSpy = vi.fn(emulatorFetch(emulator.app));
    vi.stubGlobal('fetch', fetchSpy);
    const { user } = renderWithProviders(<SignInForm onSignedIn={vi.fn()} />);

    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByText('Enter your username.')).toBeInTheDocument();
    expect(screen.getByText('Enter your password.')).toBeInTheDocument();
    expect(fetchSpy).not.toHaveBeenCalled();
  });
});

/** The emulator, except that the first `count` checks of the credentials answer 503 with `Retry-After: 1`. */
function busyFirst(count: number): { fetch: typeof fetch; checks: () => number } {
  const passThrough = emulatorFetch(emulator.app);
  let checks = 0;
  return {
    checks: () => checks,
    fetch: (input, init) => {
      checks += 1;
      if (checks > count) return passThrough(input, init);
      const body = JSON.stringify({ errors: [{ status: '503', title: 'Service Unavailable' }] });
      return Promise.resolve(
        new Response(body, {
          status: 503,
          statusText: 'Service Unavailable',
          headers: { 'content-type': 'application/vnd.api+json', 'retry-after': '1' },
        }),
      );
    },
  };
}

/** Fills in the form and sends it, then lets every retry's wait pass at once. */
async function submitAndOutwaitRetries(username: string, password: string) {
  const { user } = renderWithProviders(<SignInForm onSignedIn={vi.fn()} />);
  await user.type(screen.getByRole('textbox', { name: 'Username' }), username);
  await user.type(screen.getByLabelText(/^Password/), password);
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  try {
    fireEvent.submit(screen.getByRole('form', { name: 'Sign in' }));
    await vi.advanceTimersByTimeAsync(60_000);
  } finally {
    vi.useRealTimers();
  }
}

describe('SignInForm when the server is busy for a moment', () => {
  it('says it is retrying after a 503 with Retry-After, waits that long, and then signs in', async () => {
    const busy = busyFirst(1);
    vi.stubGlobal('fetch', busy.fetch);

    const { onSignedIn } = await submit('operator', 'operator');

    expect(await screen.findByRole('status')).toHaveTextContent(
      'The server answered 503 Service Unavailable. Trying again in 1 s (retry 1 of 3)…',
    );
    expect(screen.queryByRole('alert')).toBeNull();
    await waitFor(
      () => {
        expect(onSignedIn).toHaveBeenCalledTimes(1);
      },
      { timeout: 3000 },
    );
    expect(busy.checks()).toBe(2);
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('SignInForm when the server cannot check the credentials', () => {
  it('says the server is not available when it answers 503 to every retry, keeping the password', async () => {
    const busy = busyFirst(Number.POSITIVE_INFINITY);
    vi.stubGlobal('fetch', busy.fetch);

    await submitAndOutwaitRetries('operator', 'operator');

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The OpsChain server is not available');
    expect(alert).toHaveTextContent('503');
    expect(screen.getByLabelText(/^Password/)).toHaveValue('operator');
    // The first check and three retries.
    expect(busy.checks()).toBe(4);
  });

  it('says the server is not available on a plain 503 from a proxy, keeping the password for another try', async () => {
    vi.stubGlobal('fetch', plainFetch(503, 'Service Unavailable'));

    await submitAndOutwaitRetries('operator', 'operator');

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The OpsChain server is not available');
    expect(alert).toHaveTextContent('503');
    expect(screen.getByLabelText(/^Password/)).toHaveValue('operator');
  });

  it('says the server failed on another 5xx', async () => {
    vi.stubGlobal('fetch', plainFetch(500, 'oops'));

    await submitAndOutwaitRetries('operator', 'operator');

    expect(await screen.findByRole('alert')).toHaveTextContent('The OpsChain server failed');
  });

  it('says the server could not be reached when the network fails', async () => {
    vi.stubGlobal('fetch', unreachableFetch());

    await submitAndOutwaitRetries('operator', 'operator');

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The OpsChain server could not be reached');
    expect(alert).toHaveTextContent('Check your network connection');
  });
});
