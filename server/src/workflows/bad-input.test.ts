import { expect, it } from 'vitest';
import { SOA_DEV, startWorkflowHarness } from './testing.ts';

// Malformed bodies, parameters and filters on every workflow and schedule endpoint that takes input: each is
// answered with a 4xx (or ignored, for filters), never a 5xx.
it('answers malformed input on workflow, run, step and schedule endpoints with 4xx, never 5xx', async () => {
  const h = await startWorkflowHarness();
  await h.workflow('w', [{ type: 'wait', name: 'QA', requires_approval_from: 'approvers' }]);
  const runId = await h.run('w');
  h.advance(100);
  const stepId = h.stepId(runId, 'QA');
  const bodies: unknown[] = [
    null,
    'x',
    [],
    5,
    { data: [] },
    { data: { attributes: [] } },
    { data: { attributes: null } },
    { data: { attributes: {} } },
    { data: { attributes: { steps: [[]], name: {}, code: [] } } },
    { data: { attributes: { source_yaml: 'a: &a [*a, *a]\nb: *a' } } },
    {
      data: {
        attributes: {
          source_yaml:
            'x: &a [1,2]\n' + Array.from({ length: 300 }, (_, i) => `k${String(i)}: *a`).join('\n'),
          name: 'n',
          code: 'yy',
        },
      },
    },
    {
      data: {
        attributes: {
          steps: [{ type: 'change', target: {}, action: [] }],
          name: 'n',
          code: 'zz',
          draft: 'x',
        },
      },
    },
    {
      data: {
        attributes: { steps: [{ run_as: 'parallel', name: 'x', children: 'no' }], name: 'n', code: 'zz2' },
      },
    },
    { data: { attributes: { cron_schedule: 5, repeat: 'x', parent_path: 7 } } },
    {
      data: {
        attributes: { cron_schedule: '* * * * *', repeat: true, project_code: 'bank', environment_code: 5 },
      },
    },
    {
      data: {
        attributes: {
          cron_schedule: '* * * * *',
          repeat: true,
          parent_path: '/projects/bank',
          workflow_code: 5,
        },
      },
    },
    {
      data: {
        attributes: {
          cron_schedule: '* * * * *',
          repeat: true,
          parent_path: SOA_DEV,
          action: 'x',
          metadata: 'm',
        },
      },
    },
    { data: { attributes: { project_code: ['bank'], workflow_code: null } } },
    { data: { attributes: { skip_on_retry: null, message: {} } } },
    { data: { attributes: { message: ['x'] } } },
    {
      meta: { validate: true },
      data: {
        attributes: {
          code: 'v',
          name: 'v',
          steps: [{ type: 'workflow', target: '/projects/bank/workflows/w', version: 1.5 }],
        },
      },
    },
  ];
  const urls: [string, string][] = [
    ['POST', '/api/projects/bank/workflows'],
    ['PATCH', '/api/projects/bank/workflows/w'],
    ['POST', '/api/workflow_runs'],
    ['POST', '/api/projects/bank/workflows/w/runs'],
    ['POST', '/api/scheduled_activities'],
    ['POST', `/api${SOA_DEV}/scheduled_activities`],
    ['PATCH', `/api/workflow_steps/${stepId}`],
    ['POST', `/api/workflow_steps/${stepId}/continue`],
    ['POST', `/api/workflow_steps/${stepId}/approve`],
    ['POST', `/api/workflow_steps/${stepId}/reject`],
    ['DELETE', '/api/projects/bank/workflows/w/versions/99999999999999999999'],
    ['GET', '/api/projects/bank/workflows/w/versions/-1'],
    [
      'GET',
      '/api/workflow_runs?filter[created_at_gt]=garbage&filter[sorts]=nope%20desc&filter[metadata_a,b_eq]=1',
    ],
    ['GET', '/api/workflow_steps?filter[lock_version_gt]=abc'],
    ['GET', '/api/scheduled_activities?filter[next_run_at_lt]=x&include=parents,foo'],
  ];
  for (const [method, url] of urls) {
    for (const body of bodies) {
      const res = await h.request(
        'opschain',
        method,
        url,
        method === 'GET' || method === 'DELETE' ? undefined : body,
      );
      expect(
        res.status,
        `${method} ${url} ${JSON.stringify(body).slice(0, 80)} -> ${res.text.slice(0, 200)}`,
      ).toBeLessThan(500);
    }
  }
  await h.close();
});
