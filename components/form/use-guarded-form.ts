'use client'
import type { FormEvent } from 'react'
import { useForm, type FieldValues, type Path } from 'react-hook-form'
import type { z } from 'zod'
import { fieldErrorsFrom, formDataToObject } from '@/lib/schemas/form-state'

/**
 * react-hook-form holds the fields; the same zod schema the server uses checks them before the
 * native submit, so the form also works before JavaScript has loaded.
 */
export function useGuardedForm<T extends FieldValues>(
  schema: z.ZodType,
  defaultValues: T,
  // Turns the raw fields into what the schema reads; null skips the check (e.g. "save for later").
  prepare: (raw: Record<string, string>) => Record<string, string> | null = (raw) => raw,
) {
  const form = useForm<T>({ defaultValues: defaultValues as never })
  const guardSubmit = (event: FormEvent<HTMLFormElement>) => {
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null
    const raw = formDataToObject(new FormData(event.currentTarget, submitter))
    const values = prepare(raw)
    form.clearErrors()
    if (values === null) return
    const parsed = schema.safeParse(values)
    if (parsed.success) return
    event.preventDefault()
    for (const [field, message] of Object.entries(fieldErrorsFrom(parsed.error))) {
      form.setError(field as Path<T>, { type: 'schema', message })
    }
  }
  return { form, guardSubmit }
}
