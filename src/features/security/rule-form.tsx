import { Button, Checkbox, Group, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMemo } from 'react';
import type { AuthorisationRule } from '@/api/authorisation';
import { useLinkRule, useSaveRule, type RuleValues } from '@/api/authorisation-admin';
import { formFailure } from '@/api/failures';
import type { AccessData } from '@/lib/access-model';
import { compileRulePath } from '@/lib/rule-tester';
import { FormAlert } from '@/ui/form-alert';
import { useFormSubmit } from '@/ui/use-form-submit';
import { ImpactPreview } from './impact-preview';
import { RulePathTester } from './rule-path-tester';
import type { SecurityContext } from './use-security-context';

export interface RuleFormProps {
  /** The rule to edit, or null to create one. */
  rule: AuthorisationRule | null;
  context: SecurityContext;
  /** Create the rule inside this policy (attached as soon as it exists); null for a free-standing rule. */
  policy?: { id: string; name: string } | null;
  onDone: () => void;
}

/** The objects as they would be with the draft saved: the edited rule's new values in every policy holding it. */
function withRule(data: AccessData, id: string, values: RuleValues): AccessData {
  return {
    ...data,
    rules: data.rules.map((rule) => (rule.id === id ? { ...rule, ...values } : rule)),
  };
}

const DRAFT_ID = 'draft-rule';

/** The objects with the draft rule added to one policy. */
function withNewRuleIn(data: AccessData, policyId: string, values: RuleValues): AccessData {
  return {
    rules: [...data.rules, { id: DRAFT_ID, system: false, ...values }],
    policies: data.policies.map((candidate) =>
      candidate.id === policyId ? { ...candidate, ruleIds: [...candidate.ruleIds, DRAFT_ID] } : candidate,
    ),
  };
}

/** Name, path regex and read / update / execute; the path is checked and tried as it is typed. */
export function RuleForm({ rule, context, policy = null, onDone }: RuleFormProps) {
  const save = useSaveRule();
  const link = useLinkRule();
  const form = useForm<RuleValues>({
    initialValues: {
      name: rule?.name ?? '',
      path: rule?.path ?? '',
      readable: rule?.readable ?? true,
      updatable: rule?.updatable ?? false,
      executable: rule?.executable ?? false,
    },
    validateInputOnChange: ['path'],
    validate: {
      name: (value) => (value.trim() === '' ? 'Enter a name.' : null),
      path: (value) => compileRulePath(value).error,
    },
  });
  const values = form.getValues();
  const pathError = compileRulePath(values.path).error;

  const after = useMemo(
    () =>
      context.access === undefined || pathError !== null
        ? null
        : rule !== null
          ? withRule(context.access, rule.id, values)
          : policy !== null
            ? withNewRuleIn(context.access, policy.id, values)
            : null,
    // The values object is new on every render; its fields are what matter.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- depends on the fields listed
    [
      rule,
      policy,
      context.access,
      pathError,
      values.path,
      values.readable,
      values.updatable,
      values.executable,
    ],
  );

  const { handleSubmit, formError, isSubmitting } = useFormSubmit({
    form,
    fields: ['name', 'path', 'readable', 'updatable', 'executable'],
    describeFailure: formFailure,
    submit: async (draft: RuleValues) => {
      const saved = await save.mutateAsync({
        id: rule?.id ?? null,
        values: { ...draft, name: draft.name.trim() },
      });
      if (policy !== null) await link.mutateAsync({ policyId: policy.id, ruleId: saved.id });
      return saved;
    },
    deniable: { resource: '/authorisation_rules', action: 'update' },
    failureTitle: rule === null ? 'Rule not created' : 'Rule not saved',
    successMessage: (saved) =>
      rule === null ? `Rule ${saved.name ?? ''} created.` : `Saved rule ${saved.name ?? ''}.`,
    onSuccess: onDone,
  });

  return (
    <form onSubmit={handleSubmit} noValidate>
      <Stack>
        <FormAlert message={formError} />
        <TextInput label="Name" required data-autofocus {...form.getInputProps('name')} />
        <TextInput
          label="Path (regular expression)"
          description="Matched against OpsChain paths such as /projects/bank/environments/dev/properties. A ^ is added at the start when missing, so the rule matches paths that begin with it; leave it empty to match every path."
          ff="monospace"
          {...form.getInputProps('path')}
        />
        <Group gap="lg">
          <Checkbox label="Read" {...form.getInputProps('readable', { type: 'checkbox' })} />
          <Checkbox label="Update" {...form.getInputProps('updatable', { type: 'checkbox' })} />
          <Checkbox label="Execute" {...form.getInputProps('executable', { type: 'checkbox' })} />
        </Group>
        <Text size="xs" c="dimmed">
          A permission left unticked denies it on the paths this rule matches, where the rule wins the
          ranking.
        </Text>
        {pathError === null ? <RulePathTester path={values.path} nodePaths={context.nodePaths} /> : null}
        {rule === null && policy === null ? (
          <Text size="sm" c="dimmed">
            A new rule changes nobody&apos;s access until a policy holds it.
          </Text>
        ) : (
          <ImpactPreview context={context} after={after} />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={isSubmitting}>
            {rule === null ? 'Create rule' : 'Save rule'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
