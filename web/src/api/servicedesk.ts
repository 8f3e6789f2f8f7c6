// Layanan SPBE's service desk (docs/service-desk.md): tickets, their steps, the staffing board,
// and the notification inbox. The shapes come from the contract (src/servicedesk/openapi.cpp,
// src/notification/openapi.cpp).
import { api } from './client'
import type { Answer, Body, Schema } from './contract'

const enc = encodeURIComponent

export type Ticket = Schema<'ServiceDeskTicket'>
export type TicketDetail = Schema<'ServiceDeskTicketDetail'>
export type TicketPage = Answer<'/api/servicedesk/tickets', 'get'>
export type DeskOptions = Answer<'/api/servicedesk/options', 'get'>
export type Staffing = Answer<'/api/servicedesk/staffing', 'get'>
export type NewTicket = Body<'/api/servicedesk/tickets', 'post'>
export type TicketAction = Body<'/api/servicedesk/tickets/{id}/actions', 'post'>
export type Inbox = Answer<'/api/notifications', 'get'>

export const servicedeskApi = {
  options: () => api.get<DeskOptions>('/api/servicedesk/options'),
  tickets: (query: Record<string, string | number | undefined>) => api.get<TicketPage>('/api/servicedesk/tickets', { query }),
  ticket: (id: string) => api.get<TicketDetail>(`/api/servicedesk/tickets/${enc(id)}`),
  open: (body: NewTicket) => api.post<TicketDetail>('/api/servicedesk/tickets', body),
  act: (id: string, body: TicketAction) => api.post<TicketDetail>(`/api/servicedesk/tickets/${enc(id)}/actions`, body),
  escalate: (id: string, note: string) => api.post<TicketDetail>(`/api/servicedesk/tickets/${enc(id)}/escalate`, { note }),
  giveBack: (id: string, note: string) => api.post<TicketDetail>(`/api/servicedesk/tickets/${enc(id)}/return`, { note }),
  comment: (id: string, body: string, internal: boolean) =>
    api.post<TicketDetail>(`/api/servicedesk/tickets/${enc(id)}/comments`, { body, internal }),
  rate: (id: string, score: number, comment: string) => api.post<TicketDetail>(`/api/servicedesk/tickets/${enc(id)}/rating`, { score, comment }),
  staffing: () => api.get<Staffing>('/api/servicedesk/staffing'),
  inbox: () => api.get<Inbox>('/api/notifications'),
  unread: () => api.get<Answer<'/api/notifications/unread', 'get'>>('/api/notifications/unread'),
  read: (id: string) => api.post<Answer<'/api/notifications/{id}/read', 'post'>>(`/api/notifications/${enc(id)}/read`),
}
