#include "architecture/documents.hpp"

#include <algorithm>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "architecture/document_kinds.hpp"
#include "architecture/document_repository.hpp"
#include "architecture/domains.hpp"
#include "architecture/json.hpp"
#include "architecture/portable.hpp"
#include "architecture/repository.hpp"
#include "architecture/roadmap_repository.hpp"
#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "storage/unit_of_work.hpp"

namespace simpul::architecture {
namespace {

std::string year_date(int year, const char* month_day) { return std::to_string(year) + "-" + month_day; }

ledger::Change change(const Scope& s, const Actor& a, std::string action, const Document& d,
                      boost::json::object details) {
  details["kind"] = d.kind;
  details["version"] = d.version;
  return ledger::change_in(s, a, std::move(action), "document", d.id, std::move(details));
}

}  // namespace

std::vector<DueReview> review_schedule(const Document& d, const tenancy::ReviewSpec& spec,
                                       const std::vector<Review>& reviews, const std::string& today) {
  std::vector<DueReview> out;
  if (d.status != "approved" || d.period_start == 0) return out;
  auto add = [&](std::string label, int year) {
    DueReview due{std::move(label), year_date(year, "01-01"), year_date(year, "12-31"), std::nullopt, false};
    for (const auto& r : reviews)
      if (r.date >= due.window_start && r.date <= due.due) due.review_id = r.id;
    due.overdue = spec.mandatory && !due.review_id && today > due.due;
    out.push_back(std::move(due));
  };
  if (spec.schedule == "annual") {
    for (int y = d.period_start; y <= d.period_end; ++y) add("year_" + std::to_string(y), y);
  } else {
    // "Paruh waktu" is read as the middle year of the period; "tahun terakhir" as its final year.
    int years = d.period_end - d.period_start + 1;
    if (years >= 3) add("mid_term", d.period_start + (years - 1) / 2);
    add("final_year", d.period_end);
  }
  return out;
}

const tenancy::PlanDocumentSpec& Documents::spec(const tenancy::Profile& p, const std::string& kind) {
  if (auto k = document_kind(p, kind)) return *k->spec;
  return p.architecture.document;  // a kind the profile no longer names: read as an architecture version
}

void Documents::link_parts(storage::Connection& c, const Scope& s, const tenancy::Profile& p, Document& d,
                           const boost::json::object& parts) const {
  auto kind = document_kind(p, d.kind);
  auto rule = kind ? rule_ref(p, kind->parts_rule) : std::nullopt;
  DocumentRepository repo(c);
  for (const auto& [part, id] : parts) {
    std::string field = "parts." + std::string(part);
    if (!kind || std::find(kind->parts.begin(), kind->parts.end(), std::string(part)) == kind->parts.end()) {
      boost::json::array allowed;
      if (kind)
        for (const auto& k : kind->parts) allowed.push_back(boost::json::value(k));
      throw Error(ErrorCode::ValidationInvalidValue, {{"field", field}, {"allowed", std::move(allowed)}}, rule);
    }
    if (id.is_null()) {
      d.parts.erase(part);
      continue;
    }
    if (!id.is_string())
      throw Error(ErrorCode::ValidationInvalidValue, {{"field", field}, {"problem", "a document id"}}, rule);
    auto linked = repo.document(s, std::string(id.get_string()));
    if (!linked || linked->kind != std::string(part))
      throw Error(ErrorCode::ValidationInvalidValue,
                  {{"field", field}, {"problem", "a document of kind " + std::string(part)}}, rule);
    d.parts[part] = id;
  }
}

std::vector<Document> Documents::list(const Scope& s, const std::string& kind) const {
  return storage::read(db_, [&](storage::Connection& c) { return DocumentRepository(c).documents(s, kind); });
}

Document Documents::get(const Scope& s, const std::string& id) const {
  auto d = storage::read(db_, [&](storage::Connection& c) { return DocumentRepository(c).document(s, id); });
  if (!d) throw Error(ErrorCode::DocumentNotFound);
  return *d;
}

std::vector<Review> Documents::reviews(const Scope& s, const std::string& id) const {
  return storage::read(db_, [&](storage::Connection& c) { return DocumentRepository(c).reviews(s, id); });
}

void Documents::check_period(const tenancy::Profile& p, const Document& d) const {
  const auto& sp = spec(p, d.kind);
  auto rule = rule_ref(p, sp.validity_rule);
  if (d.period_start < 2000 || d.period_start > 2100)
    throw Error(ErrorCode::DocumentPeriodInvalid,
                {{"field", "period_start"}, {"problem", "a year between 2000 and 2100"}}, rule);
  int years = d.period_end - d.period_start + 1;
  if (years < 1 || years > sp.validity_years)
    throw Error(ErrorCode::DocumentPeriodInvalid, {{"field", "period_end"}, {"validity_years", sp.validity_years}},
                rule);
  if (years < sp.validity_years && !sp.shorter_when_mid_rpjmd)
    throw Error(ErrorCode::DocumentPeriodInvalid,
                {{"field", "period_end"},
                 {"validity_years", sp.validity_years},
                 {"problem", "the regulation sets a full period"}},
                rule);
}

std::map<std::string, std::string> Documents::coordinator_names(const Scope& s, const Document& d) const {
  return storage::read(db_, [&](storage::Connection& c) {
    std::map<std::string, std::string> out;
    for (const auto& [domain, agency_id] : d.domain_coordinators)
      if (agency_id.is_string())
        if (auto a = tenancy_.agency(c, s, std::string(agency_id.get_string()))) out[a->id] = a->name;
    return out;
  });
}

Document Documents::create(const Scope& s, const DocumentInput& in, const Actor& actor) {
  const auto& profile = tenancy_.profile_of(s);
  Document d;
  d.id = crypto::new_id();
  d.kind = in.kind.value_or("");
  auto kind = document_kind(profile, d.kind);
  if (!kind) {
    // A kind the region's regulation does not name (Rencana Induk SPBE outside Lampung Timur).
    boost::json::array allowed;
    for (const auto& k : document_kinds(profile)) allowed.push_back(boost::json::value(k.id));
    throw Error(ErrorCode::ValidationInvalidValue, {{"field", "kind"},
                                                    {"kind", d.kind},
                                                    {"allowed", std::move(allowed)},
                                                    {"problem", "not a document of this region's regulation"}});
  }
  const auto& sp = *kind->spec;
  d.title = in.title.value_or(kind->label + " " + profile.region_name);
  d.notes = in.notes.value_or("");
  if (!in.period_start) throw Error(ErrorCode::ValidationMissingField, {{"field", "period_start"}});
  d.period_start = *in.period_start;
  d.period_end = in.period_end.value_or(d.period_start + sp.validity_years - 1);
  d.created_at = d.updated_at = clock::now_iso();
  check_period(profile, d);
  return storage::write_transaction(db_, [&](storage::Connection& c) {
    // Domain coordinators start from the regulation (Madiun Pasal 6 ayat (9)): the agency holding each role.
    for (const auto& [domain, role_id] : sp.domain_coordinators)
      for (const auto& role : profile.roles)
        if (role.id == role_id && role.agency_flag)
          if (auto holder = tenancy_.agency_with_flag(c, s, *role.agency_flag))
            d.domain_coordinators[domain] = holder->id;
    if (in.domain_coordinators) {
      for (const auto& [k, v] : *in.domain_coordinators) d.domain_coordinators[k] = v;
    }
    for (const auto& [k, v] : d.domain_coordinators)
      if (!find_domain(k) || !v.is_string() || !tenancy_.agency(c, s, std::string(v.get_string())))
        throw Error(ErrorCode::ValidationInvalidValue, {{"field", "domain_coordinators." + std::string(k)}});
    if (in.parts) link_parts(c, s, profile, d, *in.parts);
    DocumentRepository repo(c);
    d.version = repo.next_version(s, d.kind);
    repo.insert(s, d);
    ledger_.append(
        c,
        change(
            s, actor, "document.create", d,
            {{"title", d.title}, {"period_start", d.period_start}, {"period_end", d.period_end}, {"parts", d.parts}}));
    return d;
  });
}

Document Documents::update(const Scope& s, const std::string& id, const DocumentInput& in, const Actor& actor) {
  const auto& profile = tenancy_.profile_of(s);
  return storage::write_transaction(db_, [&](storage::Connection& c) {
    DocumentRepository repo(c);
    auto d = repo.document(s, id);
    if (!d) throw Error(ErrorCode::DocumentNotFound);
    if (d->status != "draft") throw Error(ErrorCode::DocumentNotDraft);
    if (in.kind && *in.kind != d->kind) throw Error(ErrorCode::ValidationInvalidValue, "kind", "cannot change");
    const Document before = *d;
    if (in.title) d->title = *in.title;
    if (in.notes) d->notes = *in.notes;
    if (in.period_start) d->period_start = *in.period_start;
    if (in.period_end) d->period_end = *in.period_end;
    check_period(profile, *d);
    if (in.domain_coordinators) {
      for (const auto& [k, v] : *in.domain_coordinators) {
        if (!find_domain(k))
          throw Error(ErrorCode::ValidationInvalidValue, {{"field", "domain_coordinators." + std::string(k)}});
        if (v.is_null()) {
          d->domain_coordinators.erase(k);
          continue;
        }
        if (!v.is_string() || !tenancy_.agency(c, s, std::string(v.get_string())))
          throw Error(ErrorCode::ValidationInvalidValue, {{"field", "domain_coordinators." + std::string(k)}});
        d->domain_coordinators[k] = v;
      }
    }
    if (in.parts) link_parts(c, s, profile, *d, *in.parts);
    if (d->title == before.title && d->notes == before.notes && d->period_start == before.period_start &&
        d->period_end == before.period_end && d->domain_coordinators == before.domain_coordinators &&
        d->parts == before.parts)
      return before;  // nothing changes: nothing is written
    d->updated_at = clock::now_iso();
    repo.update(s, *d);
    ledger_.append(c, change(s, actor, "document.update", *d,
                             {{"title", d->title},
                              {"period_start", d->period_start},
                              {"period_end", d->period_end},
                              {"parts", d->parts}}));
    return *d;
  });
}

boost::json::object live_model(storage::Connection& c, const Scope& s) {
  Repository repo(c);
  auto model = to_json(to_portable(repo.all_elements(s), repo.all_relations(s)));
  boost::json::array initiatives;
  for (const auto& i : RoadmapRepository(c).all(s))
    initiatives.push_back(boost::json::object{{"code", i.code},
                                              {"name", i.name},
                                              {"category", i.category},
                                              {"start_year", i.start_year},
                                              {"target_year", i.target_year},
                                              {"status", i.status}});
  model["initiatives"] = std::move(initiatives);
  return model;
}

Document Documents::approve(const Scope& s, const std::string& id, const std::string& number, const std::string& date,
                            const Actor& actor) {
  const auto& profile = tenancy_.profile_of(s);
  return storage::write_transaction(db_, [&](storage::Connection& c) {
    DocumentRepository repo(c);
    auto d = repo.document(s, id);
    if (!d) throw Error(ErrorCode::DocumentNotFound);
    if (d->status != "draft") throw Error(ErrorCode::DocumentNotDraft);
    // The version is in force by its instrument (Lampung Timur Pasal 5 ayat (3): Peraturan Bupati).
    auto kind = document_kind(profile, d->kind);
    auto instrument_rule = rule_ref(profile, spec(profile, d->kind).instrument_rule);
    if (number.empty())
      throw Error(ErrorCode::ValidationMissingField, {{"field", "instrument_number"}}, instrument_rule);
    if (date.empty()) throw Error(ErrorCode::ValidationMissingField, {{"field", "instrument_date"}}, instrument_rule);
    if (!clock::is_iso_date(date))
      throw Error(ErrorCode::ValidationInvalidValue, {{"field", "instrument_date"}, {"problem", "YYYY-MM-DD"}},
                  instrument_rule);
    // What the regulation says the document contains (Pasal 5 ayat (2) huruf d and e): every part linked.
    if (kind) {
      boost::json::array missing;
      for (const auto& part : kind->parts)
        if (!d->parts.contains(part)) missing.push_back(boost::json::value(part));
      if (!missing.empty())
        throw Error(ErrorCode::ValidationMissingField, {{"field", "parts"}, {"missing", std::move(missing)}},
                    rule_ref(profile, kind->parts_rule));
    }
    check_period(profile, *d);
    auto model = live_model(c, s);
    d->element_count = static_cast<std::int64_t>(model.at("elements").as_array().size());
    d->relation_count = static_cast<std::int64_t>(model.at("relations").as_array().size());
    repo.supersede_approved(s, d->kind);
    d->status = "approved";
    d->instrument_number = number;
    d->instrument_date = date;
    d->approved_at = clock::now_iso();
    d->approved_by_name = actor.name;
    d->updated_at = *d->approved_at;
    repo.update(s, *d);
    repo.insert_snapshot(s, d->id, boost::json::serialize(model));
    const auto& sp = spec(profile, d->kind);
    ledger_.append(c, change(s, actor, "document.approve", *d,
                             {{"instrument", sp.instrument ? boost::json::value(*sp.instrument) : nullptr},
                              {"number", number},
                              {"date", date},
                              {"elements", d->element_count},
                              {"relations", d->relation_count},
                              {"parts", d->parts}}));
    return *d;
  });
}

Review Documents::add_review(const Scope& s, const std::string& id, const ReviewInput& in, const Actor& actor) {
  const auto& profile = tenancy_.profile_of(s);
  if (!clock::is_iso_date(in.date)) throw Error(ErrorCode::ValidationInvalidValue, "date", "YYYY-MM-DD");
  // Compared with the latest local date in Indonesia: at 01:00 WITA the UTC date is still yesterday.
  if (in.date > clock::latest_indonesian_date())
    throw Error(ErrorCode::ValidationInvalidValue, "date", "cannot be in the future");
  if (in.outcome != "tetap" && in.outcome != "perlu_perubahan")
    throw Error(ErrorCode::ValidationInvalidValue,
                {{"field", "outcome"}, {"allowed", boost::json::array{"tetap", "perlu_perubahan"}}});
  return storage::write_transaction(db_, [&](storage::Connection& c) {
    DocumentRepository repo(c);
    auto d = repo.document(s, id);
    if (!d) throw Error(ErrorCode::DocumentNotFound);
    if (d->status != "approved") throw Error(ErrorCode::DocumentNotApproved);
    const auto& review = spec(profile, d->kind).review;
    const tenancy::Enumeration* reasons = profile.enumeration(review.reasons);
    auto reasons_rule = reasons ? rule_ref(profile, reasons->rule) : std::nullopt;
    if (in.reasons.empty()) throw Error(ErrorCode::ValidationMissingField, {{"field", "reasons"}}, reasons_rule);
    for (const auto& r : in.reasons)
      if (!reasons || !reasons->contains(r))
        throw Error(ErrorCode::ValidationInvalidValue, {{"field", "reasons"}, {"reason", r}}, reasons_rule);
    if (review.decree_required && (!in.decree_number || in.decree_number->empty()))
      throw Error(ErrorCode::ReviewDecreeRequired, {{"field", "decree_number"}}, rule_ref(profile, review.decree_rule));
    Review r{crypto::new_id(), id,         in.date,         in.reasons, in.summary, in.outcome,
             in.decree_number, actor.name, clock::now_iso()};
    repo.insert_review(s, r);
    ledger_.append(
        c,
        change(
            s, actor, "document.review", *d,
            {{"review_id", r.id}, {"date", r.date}, {"outcome", r.outcome}, {"reasons", text::join(r.reasons, ',')}}));
    return r;
  });
}

boost::json::object Documents::diff(const Scope& s, const std::string& id, const std::string& against) const {
  return storage::read(db_, [&](storage::Connection& c) {
    DocumentRepository repo(c);
    auto model_of = [&](const std::string& doc_id) -> std::pair<boost::json::value, boost::json::object> {
      auto d = repo.document(s, doc_id);
      if (!d) throw Error(ErrorCode::DocumentNotFound);
      auto snap = repo.snapshot(s, doc_id);
      // A draft has no snapshot yet: it is compared as the live model it would freeze.
      auto model = snap ? boost::json::parse(*snap).as_object() : live_model(c, s);
      return {boost::json::object{{"id", d->id}, {"version", d->version}, {"kind", d->kind}}, std::move(model)};
    };
    auto [from_ref, from] = model_of(id);
    boost::json::value to_ref = "live";
    boost::json::object to;
    if (against == "live")
      to = live_model(c, s);
    else
      std::tie(to_ref, to) = model_of(against);
    auto out = diff_models(from, to);
    out["from"] = from_ref;
    out["to"] = to_ref;
    return out;
  });
}

std::vector<std::pair<Document, DueReview>> Documents::overdue(const Scope& s, const std::string& today) const {
  const auto& profile = tenancy_.profile_of(s);
  return storage::read(db_, [&](storage::Connection& c) {
    DocumentRepository repo(c);
    std::vector<std::pair<Document, DueReview>> out;
    for (const auto& kind : document_kinds(profile))
      if (auto d = repo.approved(s, kind.id))
        for (auto& due : review_schedule(*d, kind.spec->review, repo.reviews(s, d->id), today))
          if (due.overdue) out.emplace_back(*d, std::move(due));
    return out;
  });
}

}  // namespace simpul::architecture
