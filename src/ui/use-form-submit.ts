import { useQueryClient } from '@tanstack/react-query';
import { useState, type SyntheticEvent } from 'react';
import { recordServerDenial, type DeniableAction } from '@/lib/server-denials';
import { notifyFailure, notifySuccess } from './notify';

// The submit path every form shares: clear the last error, send, then either say it worked or put the
// server's answer where it belongs (422 `source.pointer` errors on their fields, the rest above them) and,
// for a 403, explain it in a notification and deny the action with the server's reason (`DeniableAction`).
// src/ui may not import src/api, so the form passes the API's reading of a failure (`formFailure`).

/** A failed submission as the API layer reads it (`formFailure` in src/api/failures). */
export interface SubmitFailure {
  /** By field name, ready for Mantine's `form.setErrors`. */
  fields: Record<string, string>;
  /** Everything not shown on a field. */
  message: string | null;
  /** For a 403, the server's own reason, to show on the refused action; null otherwise. */
  deniedReason: string | null;
}

export interface UseFormSubmitOptions<Values, Data> {
  /** The Mantine form: its validation runs first, and the server's field errors land on it. */
  form: {
    onSubmit: (handler: (values: Values) => void) => (event?: SyntheticEvent<HTMLFormElement>) => void;
    setErrors: (errors: Record<string, string>) => void;
  };
  /** The fields the server's `source.pointer`s may name; errors on any other go above the fields. */
  fields: readonly string[];
  /** Reads a failure: pass `formFailure` from `@/api/failures`. */
  describeFailure: (error: unknown, fields: readonly string[]) => SubmitFailure;
  /** Sends the values (a mutation's `mutateAsync`). */
  submit: (values: Values) => Promise<Data>;
  /** The action as the server may refuse it: a 403 disables it everywhere with the server's reason. */
  deniable?: DeniableAction | undefined;
  /** The notification's title when the server refuses: "Project not created". */
  failureTitle: string;
  /** The notification once saved: "Project Payments created." */
  successMessage: (data: Data, values: Values) => string;
  onSuccess: (data: Data) => void;
}

export interface FormSubmit {
  /** For the form's `onSubmit`. */
  handleSubmit: (event?: SyntheticEvent<HTMLFormElement>) => void;
  /** The error above the fields, or null (for `FormAlert`). */
  formError: string | null;
  isSubmitting: boolean;
}

/** Submits a form to the server and shows the outcome: fields, form alert, notification, denial. */
export function useFormSubmit<Values, Data>(options: UseFormSubmitOptions<Values, Data>): FormSubmit {
  const { form, fields, describeFailure, submit, deniable, failureTitle } = options;
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const [isSubmitting, setSubmitting] = useState(false);

  const send = async (values: Values) => {
    setFormError(null);
    setSubmitting(true);
    try {
      const data = await submit(values);
      notifySuccess(options.successMessage(data, values));
      options.onSuccess(data);
    } catch (error) {
      const failure = describeFailure(error, fields);
      form.setErrors(failure.fields);
      setFormError(failure.message);
      if (failure.deniedReason !== null) {
        notifyFailure(failureTitle, failure.message ?? failure.deniedReason);
        if (deniable !== undefined) recordServerDenial(queryClient, deniable, failure.deniedReason);
      }
    } finally {
      setSubmitting(false);
    }
  };

  return {
    handleSubmit: form.onSubmit((values) => {
      void send(values);
    }),
    formError,
    isSubmitting,
  };
}
