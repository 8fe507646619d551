import { screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { toOneId } from '@contract/json-api';
import { getProject } from '@/api/projects';
import { setUpEmulator, signInAs } from '@/test/emulator';
import { renderWithProviders } from '@/test/render-with-providers';
import { DocumentPanel } from './document-panel';

const emulator = setUpEmulator();

async function propertiesIdOf(projectCode: string): Promise<string> {
  const id = toOneId((await getProject(projectCode)).relationships.properties);
  if (id === null) throw new Error(`${projectCode} has no properties document`);
  return id;
}

describe('DocumentPanel', () => {
  it('shows the current version with its number and date, as formatted JSON', async () => {
    signInAs('viewer');
    const id = await propertiesIdOf('bank');
    const current = await emulator().app.inject({
      method: 'GET',
      url: `/api/properties/${id}`,
      headers: { authorization: `Basic ${btoa('viewer:viewer')}` },
    });
    const { attributes } = (
      JSON.parse(current.body) as { data: { attributes: { created_at: string; data: unknown } } }
    ).data;
    renderWithProviders(
      <DocumentPanel
        kind="properties"
        documentId={id}
        readDenied={null}
        version={undefined}
        onVersionChange={vi.fn()}
      />,
    );

    const json = await screen.findByRole('region', { name: 'Properties version 3' });
    expect(json.textContent).toBe(JSON.stringify(attributes.data, null, 2));
    const summary = screen.getByText(/^Current version/);
    expect(summary).toHaveTextContent(/Current version 3, saved/);
    expect(within(summary).getByText((_, element) => element?.tagName === 'TIME')).toHaveAttribute(
      'datetime',
      attributes.created_at,
    );
  });

  it('shows an older version on request and says which version is current', async () => {
    signInAs('viewer');
    const id = await propertiesIdOf('bank');
    const onVersionChange = vi.fn();
    // The page keeps the version in the URL; here a state stands in for it.
    function WithVersionState() {
      const [version, setVersion] = useState<number | undefined>(undefined);
      return (
        <DocumentPanel
          kind="properties"
          documentId={id}
          readDenied={null}
          version={version}
          onVersionChange={(next) => {
            onVersionChange(next);
            setVersion(next);
          }}
        />
      );
    }
    const { user } = renderWithProviders(<WithVersionState />);

    await screen.findByRole('region', { name: 'Properties version 3' });
    const picker = screen.getByRole('combobox', { name: 'Version' });
    await waitFor(() => {
      expect(picker).toBeEnabled();
    });
    await user.click(picker);
    await user.click(await screen.findByRole('option', { name: 'Version 1' }));

    expect(onVersionChange).toHaveBeenCalledWith(1);
    const json = await screen.findByRole('region', { name: 'Properties version 1' });
    expect(json).toHaveTextContent('"owner": "platform-team"');
    expect(json).not.toHaveTextContent('monitoring');
    expect(screen.getByText(/^Older version/)).toHaveTextContent(/Older version 1, saved/);
    expect(screen.getByText('Version 1 was replaced; the current version is 3.')).toBeInTheDocument();
  });

  it('renders markup in the JSON as text', async () => {
    signInAs('opschain');
    const id = await propertiesIdOf('website');
    const patched = await emulator().app.inject({
      method: 'PATCH',
      url: `/api/properties/${id}`,
      headers: {
        authorization: `Basic ${btoa('opschain:opschain')}`,
        'content-type': 'application/vnd.api+json',
      },
      payload: JSON.stringify({
        data: { attributes: { data: { banner: '<img src=x onerror="alert(1)"><b>hi</b>' }, version: 1 } },
      }),
    });
    expect(patched.statusCode).toBe(200);
    renderWithProviders(
      <DocumentPanel
        kind="properties"
        documentId={id}
        readDenied={null}
        version={undefined}
        onVersionChange={vi.fn()}
      />,
    );

    const json = await screen.findByRole('region', { name: 'Properties version 2' });
    expect(json).toHaveTextContent('"banner": "<img src=x onerror=\\"alert(1)\\"><b>hi</b>"');
    expect(json.querySelector('img, b')).toBeNull();
  });

  it('explains instead of loading when the user may not read the document', () => {
    renderWithProviders(
      <DocumentPanel
        kind="settings"
        documentId="any"
        readDenied="You need read permission on /projects/bank/settings to see its settings"
        version={undefined}
        onVersionChange={vi.fn()}
      />,
    );

    expect(screen.getByText('Settings not shown')).toBeInTheDocument();
    expect(
      screen.getByText('You need read permission on /projects/bank/settings to see its settings'),
    ).toBeInTheDocument();
  });
});
