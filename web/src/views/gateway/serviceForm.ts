// The editable fields of a service as a form holds them, and the request body built from them:
// everything for a new service, only what changed for an edit. Policy numbers start at the values a
// server gives a new service (deny every network, 1 MB bodies, 30 s, no retries, no limits).
import type { Classification, GatewayService, ServiceInput, ServicePolicy } from '@/api/gateway'

export interface ServiceForm {
  code: string
  name: string
  version: string
  description: string
  upstream_base_url: string
  owner_agency_id: string
  classification: Classification | ''
  service_element_id: string
  application_id: string
  data_element_id: string
  policy: ServicePolicy
}

export function defaultPolicy(): ServicePolicy {
  return {
    allowed_networks: [],
    max_body_bytes: 1_048_576,
    upstream_timeout_ms: 30_000,
    retries_idempotent: 0,
    rate_per_second: 0,
    burst: 1,
    daily_quota: 0,
    health_path: '',
    store_bodies: false,
    mask_personal_ids: true,
  }
}

export function emptyServiceForm(ownerAgencyId = ''): ServiceForm {
  return {
    code: '',
    name: '',
    version: '1.0',
    description: '',
    upstream_base_url: '',
    owner_agency_id: ownerAgencyId,
    classification: '',
    service_element_id: '',
    application_id: '',
    data_element_id: '',
    policy: defaultPolicy(),
  }
}

export function serviceFormOf(s: GatewayService): ServiceForm {
  return {
    code: s.code,
    name: s.name,
    version: s.version,
    description: s.description ?? '',
    upstream_base_url: s.upstream_base_url,
    owner_agency_id: s.owner_agency.id,
    classification: s.classification,
    service_element_id: s.links.service_element_id ?? '',
    application_id: s.links.application_id ?? '',
    data_element_id: s.links.data_element_id ?? '',
    policy: { ...defaultPolicy(), ...s.policy, allowed_networks: [...s.policy.allowed_networks] },
  }
}

const orNull = (s: string) => (s.trim() ? s.trim() : null)

export function serviceInputOf(f: ServiceForm): ServiceInput {
  return {
    code: f.code.trim().toLowerCase(),
    name: f.name.trim(),
    version: f.version.trim(),
    description: orNull(f.description),
    upstream_base_url: f.upstream_base_url.trim(),
    owner_agency_id: f.owner_agency_id,
    classification: f.classification || undefined,
    links: {
      service_element_id: orNull(f.service_element_id),
      application_id: orNull(f.application_id),
      data_element_id: orNull(f.data_element_id),
    },
    policy: {
      ...f.policy,
      allowed_networks: f.policy.allowed_networks.map((n) => n.trim()).filter(Boolean),
      health_path: f.policy.health_path.trim(),
    },
  }
}

/** Only what differs from the record, for PATCH (the policy and links are sent whole when changed). */
export function serviceChangesOf(f: ServiceForm, before: GatewayService): ServiceInput {
  const now = serviceInputOf(f)
  const was = serviceInputOf(serviceFormOf(before))
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(now) as (keyof ServiceInput)[]) {
    if (JSON.stringify(now[key]) !== JSON.stringify(was[key])) out[key] = now[key]
  }
  return out as ServiceInput
}

/** A loose IPv4/IPv6 CIDR shape, only to warn while typing; the server decides. */
export function looksLikeCidr(s: string): boolean {
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(s)
  if (v4) return v4.slice(1, 5).every((o) => Number(o) <= 255) && Number(v4[5]) <= 32
  const v6 = /^([0-9a-fA-F:]+)\/(\d{1,3})$/.exec(s)
  return !!v6 && (v6[1] ?? '').includes(':') && Number(v6[2]) <= 128
}
