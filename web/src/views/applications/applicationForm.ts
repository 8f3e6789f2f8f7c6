// The editable fields of an application as a form holds them (empty text for 'none'), and the
// request body built from them: everything for a new application, only what changed for an edit.
import { computed } from 'vue'
import { useI18n } from 'vue-i18n'
import type { FormItemRule, FormRules } from 'element-plus'
import type { Application, ApplicationInput } from '@/api/applications'

export interface ApplicationForm {
  code: string
  name: string
  description: string
  owner_agency_id: string
  category: string
  operator_agency_id: string
  builder: string
  vendor_name: string
  source_model: string
  hosting: string
  subdomain: string
  url: string
  contact_email: string
  similar_to_umum: boolean
  justification: Record<string, boolean>
  last_audit_date: string
}

export function emptyForm(ownerAgencyId = ''): ApplicationForm {
  return {
    code: '',
    name: '',
    description: '',
    owner_agency_id: ownerAgencyId,
    category: '',
    operator_agency_id: '',
    builder: '',
    vendor_name: '',
    source_model: '',
    hosting: '',
    subdomain: '',
    url: '',
    contact_email: '',
    similar_to_umum: false,
    justification: {},
    last_audit_date: '',
  }
}

export function formOf(a: Application): ApplicationForm {
  return {
    code: a.code,
    name: a.name,
    description: a.description ?? '',
    owner_agency_id: a.owner_agency_id,
    category: a.category,
    operator_agency_id: a.operator_agency_id ?? '',
    builder: a.builder ?? '',
    vendor_name: a.vendor_name ?? '',
    source_model: a.source_model ?? '',
    hosting: a.hosting ?? '',
    subdomain: a.subdomain ?? '',
    url: a.url ?? '',
    contact_email: a.contact_email ?? '',
    similar_to_umum: !!a.similar_to_umum,
    justification: { ...(a.justification ?? {}) },
    last_audit_date: a.last_audit_date ?? '',
  }
}

const orNull = (s: string) => (s.trim() ? s.trim() : null)

/**
 * The whole record, as POST /api/applications takes it. The server clears the text fields of the
 * record with "" (null there means 'unchanged'); the agency, URL and dates are cleared with null.
 */
export function inputOf(f: ApplicationForm): ApplicationInput {
  return {
    code: f.code.trim(),
    name: f.name.trim(),
    description: f.description.trim(),
    owner_agency_id: f.owner_agency_id,
    category: f.category,
    operator_agency_id: orNull(f.operator_agency_id),
    builder: f.builder,
    vendor_name: f.builder === 'vendor' ? f.vendor_name.trim() : '',
    source_model: f.source_model,
    hosting: f.hosting,
    subdomain: f.subdomain.trim().toLowerCase(),
    url: orNull(f.url),
    contact_email: f.contact_email.trim(),
    similar_to_umum: f.similar_to_umum,
    justification: f.similar_to_umum ? { ...f.justification } : {},
    last_audit_date: orNull(f.last_audit_date),
  }
}

/** Only the fields that differ from the record, for PATCH. */
export function changesOf(f: ApplicationForm, before: Application): ApplicationInput {
  const now = inputOf(f)
  const was = inputOf(formOf(before))
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(now) as (keyof ApplicationInput)[]) {
    if (JSON.stringify(now[key]) !== JSON.stringify(was[key])) out[key] = now[key]
  }
  return out as ApplicationInput
}

/** Validation of the fields both the create dialog and the Data tab show. */
export function useApplicationRules() {
  const { t } = useI18n()
  const required = (field: string, trigger: 'blur' | 'change' = 'blur'): FormItemRule[] => [
    { required: true, message: () => t('common.required', { field }), trigger },
  ]
  return computed<FormRules>(() => ({
    code: [...required(t('apps.code')), { pattern: /^[A-Za-z0-9._-]{1,40}$/, message: () => t('apps.codeRule'), trigger: 'blur' }],
    name: required(t('apps.name')),
    owner_agency_id: required(t('apps.owner'), 'change'),
    category: required(t('apps.category'), 'change'),
    contact_email: [{ type: 'email', message: () => t('apps.emailRule'), trigger: 'blur' }],
  }))
}
