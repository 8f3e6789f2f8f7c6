// Layanan SPBE's service desk (docs/service-desk.md): tickets, their steps, the staffing board,
// and the notification inbox. The shapes come from the contract (src/servicedesk/openapi.cpp,
// src/notification/openapi.cpp).
import { api, download, upload } from './client'
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
export type Article = Schema<'ServiceDeskArticle'>
export type ArticleInput = Schema<'ServiceDeskArticleInput'>
export type ArticlePage = Answer<'/api/servicedesk/articles', 'get'>
export type Attachment = Schema<'ServiceDeskAttachment'>
export type BulkBody = Body<'/api/servicedesk/tickets/bulk', 'post'>
export type BulkAnswer = Answer<'/api/servicedesk/tickets/bulk', 'post'>
export type Statistics = Answer<'/api/servicedesk/statistics', 'get'>
export type MonitoringKey = Schema<'ServiceDeskMonitoringKey'>
export type IssuedMonitoringKey = Schema<'ServiceDeskIssuedMonitoringKey'>
export type DeskService = Schema<'ServiceDeskService'>
export type DeskServiceInput = Schema<'ServiceDeskServiceInput'>
export type DeskCategory = Schema<'ServiceDeskCategory'>
export type CategoryTargets = Body<'/api/servicedesk/categories/{id}/targets', 'put'>
export type Classification = Body<'/api/servicedesk/tickets/{id}/classify', 'post'>

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
  bulk: (body: BulkBody) => api.post<BulkAnswer>('/api/servicedesk/tickets/bulk', body),
  statistics: (query: Record<string, string | undefined>) => api.get<Statistics>('/api/servicedesk/statistics', { query }),
  articles: (query: Record<string, string | number | undefined>) => api.get<ArticlePage>('/api/servicedesk/articles', { query }),
  article: (id: string) => api.get<Article>(`/api/servicedesk/articles/${enc(id)}`),
  addArticle: (body: ArticleInput) => api.post<Article>('/api/servicedesk/articles', body),
  editArticle: (id: string, body: ArticleInput) => api.patch<Article>(`/api/servicedesk/articles/${enc(id)}`, body),
  attachments: (ticketId: string) => api.get<{ items: Attachment[] }>(`/api/servicedesk/tickets/${enc(ticketId)}/attachments`),
  attach: (ticketId: string, file: Blob, filename: string) =>
    upload<Attachment>(`/api/servicedesk/tickets/${enc(ticketId)}/attachments`, file, 'application/octet-stream', { query: { filename } }),
  downloadAttachment: (id: string) => download(`/api/servicedesk/attachments/${enc(id)}/content`),
  monitoringKey: () => api.get<MonitoringKey>('/api/servicedesk/monitoring-key'),
  rotateMonitoringKey: () => api.post<IssuedMonitoringKey>('/api/servicedesk/monitoring-key', {}),
  revokeMonitoringKey: () => api.del('/api/servicedesk/monitoring-key'),
  services: () => api.get<Answer<'/api/servicedesk/services', 'get'>>('/api/servicedesk/services'),
  addService: (body: DeskServiceInput) => api.post<DeskService>('/api/servicedesk/services', body),
  editService: (id: string, body: DeskServiceInput) => api.patch<DeskService>(`/api/servicedesk/services/${enc(id)}`, body),
  removeService: (id: string) => api.del(`/api/servicedesk/services/${enc(id)}`),
  staffing: () => api.get<Staffing>('/api/servicedesk/staffing'),
  categories: () => api.get<Answer<'/api/servicedesk/categories', 'get'>>('/api/servicedesk/categories'),
  setCategoryTargets: (id: string, body: CategoryTargets) => api.put<DeskCategory>(`/api/servicedesk/categories/${enc(id)}/targets`, body),
  classify: (id: string, body: Classification) => api.post<TicketDetail>(`/api/servicedesk/tickets/${enc(id)}/classify`, body),
  inbox: () => api.get<Inbox>('/api/notifications'),
  unread: () => api.get<Answer<'/api/notifications/unread', 'get'>>('/api/notifications/unread'),
  read: (id: string) => api.post<Answer<'/api/notifications/{id}/read', 'post'>>(`/api/notifications/${enc(id)}/read`),
}
