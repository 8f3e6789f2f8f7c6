// Files attached to a ticket (docs/service-desk.md, "Attachments"): at most 5 MB, typed by their
// content (never by the name or the client's header), stored once per tenant by SHA-256 in the
// storage layer's blob store; the uploaded name is only displayed and offered as the download name.
#include "servicedesk/service.hpp"

#include <algorithm>

#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "core/text.hpp"
#include "storage/blob_store.hpp"
#include "storage/unit_of_work.hpp"

namespace simpul::servicedesk {
namespace {

constexpr std::size_t kMaxAttachmentBytes = 5 * 1024 * 1024;

bool begins_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

/// Plain text: valid UTF-8 without control characters other than tab, CR and LF.
bool plain_text(const std::string& content) {
  if (!text::is_valid_utf8(content)) return false;
  for (unsigned char ch : content)
    if (ch < 0x20 && ch != '\t' && ch != '\r' && ch != '\n') return false;
  return true;
}

/// The attachment's type from its first bytes; empty when it is none the desk accepts.
std::string sniff_attachment(const std::string& content) {
  std::string_view head(content.data(), std::min<std::size_t>(content.size(), 16));
  if (begins_with(head, "%PDF-")) return "application/pdf";
  if (begins_with(head, "\x89PNG\r\n\x1a\n")) return "image/png";
  if (begins_with(head, "\xFF\xD8\xFF")) return "image/jpeg";
  if (begins_with(head, "GIF87a") || begins_with(head, "GIF89a")) return "image/gif";
  if (begins_with(head, std::string_view("PK\x03\x04", 4)))
    return "application/zip";  // Office documents (docx, xlsx, pptx, odt)
  if (plain_text(content)) return "text/plain; charset=utf-8";
  return "";
}

}  // namespace

std::vector<Attachment> Service::attachments(const Caller& who, const std::string& ticket_id) const {
  return storage::read(db_, [&](storage::Connection& c) {
    auto r = roles_of(c, who.scope, who.actor.id);
    visible(c, who, r, ticket_id);
    return Repository(c).attachments(who.scope, ticket_id);
  });
}

Attachment Service::attach(const Caller& who, const std::string& ticket_id, const std::string& filename,
                           const std::string& content) {
  if (content.empty()) throw Error(ErrorCode::ValidationMissingField, {{"field", "content"}});
  if (content.size() > kMaxAttachmentBytes)
    throw Error(ErrorCode::SdAttachmentTooLarge, {{"max_bytes", kMaxAttachmentBytes}});
  auto type = sniff_attachment(content);
  if (type.empty()) throw Error(ErrorCode::SdAttachmentType);
  auto out = storage::write_transaction(db_, [&](storage::Connection& c) {
    auto r = roles_of(c, who.scope, who.actor.id);
    Ticket t = visible(c, who, r, ticket_id);
    if (!works(who, r, t) && t.requester_id != who.actor.id) throw not_queue_staff(who.scope, t);
    Attachment a;
    a.id = crypto::new_id();
    a.ticket_id = t.id;
    a.filename = filename;
    a.content_type = type;
    a.size = static_cast<std::int64_t>(content.size());
    a.sha256 = crypto::sha256_hex(content);
    a.uploaded_by_id = who.actor.id;
    a.uploaded_by_name = who.actor.name;
    a.uploaded_at = clock::now_iso();
    storage::put_blob(c, who.scope.tenant_id, a.sha256, a.size, crypto::to_base64(content), a.uploaded_at);
    Repository repo(c);
    repo.insert(who.scope, a);
    t.updated_at = a.uploaded_at;
    repo.update(who.scope, t);
    Event e;
    e.kind = "attachment";
    e.body = filename;
    record(c, who, t, e, "servicedesk.ticket_attach");
    return a;
  });
  return out;
}

std::pair<Attachment, std::string> Service::download(const Caller& who, const std::string& id) const {
  return storage::read(db_, [&](storage::Connection& c) {
    auto a = Repository(c).attachment(who.scope, id);
    if (!a) throw Error(ErrorCode::SdAttachmentNotFound);
    auto r = roles_of(c, who.scope, who.actor.id);
    auto t = Repository(c).ticket(who.scope, a->ticket_id);
    if (!t || !sees(who, r, *t)) throw Error(ErrorCode::SdAttachmentNotFound);  // another PD's file is not revealed
    auto text = storage::blob_base64(c, who.scope.tenant_id, a->sha256);
    std::string bytes;
    if (!text || !crypto::from_base64(*text, bytes)) throw Error(ErrorCode::SdAttachmentNotFound);
    return std::make_pair(*a, bytes);
  });
}

}  // namespace simpul::servicedesk
