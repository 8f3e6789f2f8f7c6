#!/usr/bin/env python3
"""Writes docs/openapi.json from the route table below.

The server embeds docs/openapi.json and serves it at /api/openapi.json; a test fails when a
registered route is missing from it. Add a route here, run this script, commit both.
"""
import json
import pathlib

ROOT = pathlib.Path(__file__).resolve().parents[2]

S = lambda t, **kw: {"type": t, **kw}
STR, INT, BOOL = S("string"), S("integer"), S("boolean")
NSTR = {"type": "string", "nullable": True}
ARR = lambda items: {"type": "array", "items": items}
REF = lambda name: {"$ref": f"#/components/schemas/{name}"}
OBJ = lambda props, required=(): {"type": "object", "additionalProperties": False, "properties": props,
                                  **({"required": list(required)} if required else {})}

SCHEMAS = {
    "Error": OBJ({"error": OBJ({"code": STR, "message": STR, "details": S("object"), "request_id": STR,
                                "rule": {"type": "object", "nullable": True, "properties": {"id": STR, "citation": STR}}})}),
    "User": OBJ({"id": STR, "username": STR, "display_name": STR, "email": STR, "agency_id": NSTR, "agency_name": STR,
                 "roles": ARR(STR), "pending_roles": ARR(STR), "permissions": ARR(STR), "active": BOOL, "created_at": STR,
                 "updated_at": STR}),
    "ApiToken": OBJ({"id": STR, "name": STR, "created_at": STR, "last_used_at": STR, "expires_at": NSTR,
                     "owner": OBJ({"id": STR, "display_name": STR, "username": STR})}),
    "RoleGrant": OBJ({"id": STR, "user": OBJ({"id": STR, "display_name": STR}), "role": STR, "role_name": S("object"),
                      "state": S("string", enum=["pending", "confirmed", "refused"]),
                      "requested_by": OBJ({"id": STR, "name": STR}), "requested_at": STR,
                      "decided_by": {"type": "object", "nullable": True, "properties": {"id": STR, "name": STR}},
                      "decided_at": NSTR, "note": STR, "can_decide": BOOL}),
    "Tenant": S("object", description="Tenant with its region, regulation and domains (docs/api.md)"),
    "Agency": OBJ({"id": STR, "code": STR, "name": STR, "short_name": STR, "type": STR, "flags": ARR(STR),
                   "mandiri_tik_decree": NSTR, "head_title": STR, "created_at": STR, "updated_at": STR,
                   "positions": ARR(S("object"))}),
    "AgencyInput": OBJ({"code": STR, "name": STR, "short_name": STR, "type": STR, "flags": ARR(STR),
                        "mandiri_tik_decree": NSTR, "head_title": STR}),
    "UserInput": OBJ({"username": STR, "display_name": STR, "email": STR, "agency_id": NSTR, "roles": ARR(STR),
                      "password": STR, "active": BOOL}),
    "Team": S("object", description="Team with the positions its regulation prescribes and its members"),
    "TeamMember": OBJ({"id": STR, "team_id": STR, "user_id": STR, "display_name": STR, "agency_name": STR,
                       "position_id": STR, "position_name": STR, "created_at": STR}),
    "LedgerEntry": OBJ({"seq": INT, "at": STR, "tenant_id": STR, "actor": OBJ({"id": STR, "name": STR}), "action": STR,
                        "object_type": STR, "object_id": STR, "details": STR, "digest": STR, "prev_hash": STR, "hash": STR}),
    "VerifyResult": OBJ({"ok": BOOL, "entries_checked": INT, "checkpoints_checked": INT, "public_key": STR,
                         "high_water_mark": {"type": "object", "nullable": True, "properties": {"seq": INT, "at": STR}},
                         "warnings": ARR(STR),
                         "first_problem": {"type": "object", "nullable": True,
                                           "properties": {"seq": INT, "problem": STR, "message": STR}}}),
    "Page": OBJ({"items": ARR(S("object")), "total": INT, "page": INT, "per_page": INT}),
}

LIST_PARAMS = [{"name": n, "in": "query", "required": False, "schema": s} for n, s in
               [("q", STR), ("sort", STR), ("order", S("string", enum=["asc", "desc"])),
                ("page", S("integer", minimum=1)), ("per_page", S("integer", minimum=1, maximum=200))]]

# (method, path, tag, summary, permission or None for public, request schema, success status, response schema, list?)
ROUTES = [
    ("get", "/healthz", "System", "Liveness and database reachability", None, None, 200, OBJ({"status": STR}), False),
    ("get", "/metrics", "System", "Prometheus metrics (loopback, or ledger.verify)", None, None, 200, STR, False),
    ("get", "/api/openapi.json", "System", "This document", None, None, 200, S("object"), False),
    ("get", "/api/errors", "System", "The error catalogue in both languages", None, None, 200, ARR(S("object")), False),
    ("post", "/api/auth/login", "Auth", "Sign in; sets the session cookie and returns the CSRF token", None,
     OBJ({"tenant": STR, "username": STR, "password": STR}, ["username", "password"]), 200,
     OBJ({"user": REF("User"), "csrf_token": STR, "expires_at": STR, "tenant": REF("Tenant")}), False),
    ("post", "/api/auth/logout", "Auth", "Sign out (ends the session)", "session", None, 204, None, False),
    ("get", "/api/auth/me", "Auth", "The signed-in user, CSRF token and tenant", "session", None, 200,
     OBJ({"user": REF("User"), "csrf_token": STR, "tenant": REF("Tenant")}), False),
    ("get", "/api/auth/tokens", "Auth", "My API tokens", "session", None, 200, ARR(REF("ApiToken")), False),
    ("post", "/api/auth/tokens", "Auth", "Create an API token (shown once), expiring within the tenant's maximum", "session",
     OBJ({"name": STR, "expires_in_days": INT}, ["name"]), 201,
     OBJ({"id": STR, "name": STR, "token": STR, "created_at": STR, "last_used_at": STR, "expires_at": STR}), False),
    ("delete", "/api/auth/tokens/{id}", "Auth", "Revoke one of my API tokens", "session", None, 204, None, False),
    ("post", "/api/auth/password", "Auth", "Change my own password (ends my other sessions and my tokens)", "session",
     OBJ({"current_password": STR, "new_password": STR}, ["current_password", "new_password"]), 204, None, False),
    ("get", "/api/tokens", "Organisation", "Every live API token of the tenant, with its owner", "user.manage", None, 200,
     OBJ({"items": ARR(REF("ApiToken")), "max_days": INT}), False),
    ("delete", "/api/tokens/{id}", "Organisation", "Revoke any API token of the tenant", "user.manage", None, 204, None, False),
    ("get", "/api/security-settings", "Organisation", "The tenant's security settings", "user.manage", None, 200,
     OBJ({"token_max_days": INT}), False),
    ("patch", "/api/security-settings", "Organisation", "Change the tenant's token lifetime maximum (1-365 days)", "user.manage",
     OBJ({"token_max_days": INT}), 200, OBJ({"token_max_days": INT}), False),
    ("post", "/api/users/{id}/unlock", "Organisation", "Lift the sign-in backoff of an account", "user.manage", None, 204, None, False),
    ("get", "/api/role-grants", "Organisation", "Role grants waiting for (or given) a second person's decision (filter state)",
     "user.read", None, 200, OBJ({"items": ARR(REF("RoleGrant"))}), False),
    ("post", "/api/role-grants/{id}/confirm", "Organisation", "Confirm a role grant (another approver, not requester or beneficiary)",
     "session (approver)", OBJ({"note": STR}), 200, REF("RoleGrant"), False),
    ("post", "/api/role-grants/{id}/refuse", "Organisation", "Refuse a role grant", "session (approver)", OBJ({"note": STR}), 200,
     REF("RoleGrant"), False),
    ("get", "/api/tenant", "Tenancy", "The caller's tenant", "profile.read", None, 200, REF("Tenant"), False),
    ("get", "/api/profiles", "Tenancy", "Regulation profiles installed", "profile.read", None, 200, ARR(S("object")), False),
    ("get", "/api/profiles/{id}", "Tenancy", "A whole regulation profile", "profile.read", None, 200, S("object"), False),
    ("get", "/api/dashboard", "Tenancy", "Counts and recent activity", "dashboard.read", None, 200, S("object"), False),
    ("get", "/api/agencies", "Organisation", "List Perangkat Daerah", "agency.read", None, 200, REF("Page"), True),
    ("post", "/api/agencies", "Organisation", "Create a Perangkat Daerah", "agency.write", REF("AgencyInput"), 201, REF("Agency"), False),
    ("get", "/api/agencies/{id}", "Organisation", "One Perangkat Daerah with its positions", "agency.read", None, 200, REF("Agency"), False),
    ("patch", "/api/agencies/{id}", "Organisation", "Change a Perangkat Daerah", "agency.write (or .own)", REF("AgencyInput"), 200, REF("Agency"), False),
    ("delete", "/api/agencies/{id}", "Organisation", "Delete an unreferenced Perangkat Daerah", "agency.write", None, 204, None, False),
    ("get", "/api/users", "Organisation", "List users", "user.read", None, 200, REF("Page"), True),
    ("post", "/api/users", "Organisation", "Create a user", "user.manage", REF("UserInput"), 201, REF("User"), False),
    ("get", "/api/users/{id}", "Organisation", "One user", "user.read", None, 200, REF("User"), False),
    ("patch", "/api/users/{id}", "Organisation", "Change a user (roles, agency, active, password)", "user.manage", REF("UserInput"), 200, REF("User"), False),
    ("get", "/api/roles", "Organisation", "The role catalogue", "user.read", None, 200, ARR(S("object")), False),
    ("get", "/api/permissions", "Organisation", "Every permission the modules define, with its labels and default roles", "user.read",
     None, 200, ARR(OBJ({"id": STR, "label": OBJ({"id": STR, "en": STR}), "roles": ARR(STR)})), False),
    ("get", "/api/teams", "Organisation", "Teams the regulation prescribes, with members", "team.read", None, 200, ARR(REF("Team")), False),
    ("post", "/api/teams/{id}/members", "Organisation", "Add a member to a team position", "team.manage",
     OBJ({"user_id": STR, "position_id": STR}, ["user_id", "position_id"]), 201, REF("TeamMember"), False),
    ("delete", "/api/teams/{id}/members/{member_id}", "Organisation", "Remove a team member", "team.manage", None, 204, None, False),
    ("get", "/api/architecture/reference", "Architecture", "National reference architecture (levels 1-2) and allowed relation types", "architecture.read", None, 200, S("object"), False),
    ("get", "/api/architecture/elements", "Architecture", "List elements (filters: domain, state, owner_agency_id, reference_code)", "architecture.read", None, 200, REF("Page"), True),
    ("post", "/api/architecture/elements", "Architecture", "Create an element", "architecture.write (or .own)", S("object"), 201, S("object"), False),
    ("get", "/api/architecture/elements/{id}", "Architecture", "One element with its relations and initiatives", "architecture.read", None, 200, S("object"), False),
    ("patch", "/api/architecture/elements/{id}", "Architecture", "Change an element", "architecture.write (or .own)", S("object"), 200, S("object"), False),
    ("delete", "/api/architecture/elements/{id}", "Architecture", "Delete an element and its relations", "architecture.write (or .own)", None, 204, None, False),
    ("get", "/api/architecture/elements/{id}/graph", "Architecture", "Elements and relations around an element (depth 1-3)", "architecture.read", None, 200, S("object"), False),
    ("get", "/api/architecture/elements/{id}/trace", "Architecture", "Service to process, application, data, infrastructure and security", "architecture.read", None, 200, S("object"), False),
    ("post", "/api/architecture/relations", "Architecture", "Relate two elements (allowed pairs only)", "architecture.write (or .own)", OBJ({"source_id": STR, "type": STR, "target_id": STR, "description": STR}, ["source_id", "type", "target_id"]), 201, S("object"), False),
    ("delete", "/api/architecture/relations/{id}", "Architecture", "Delete a relation", "architecture.write (or .own)", None, 204, None, False),
    ("get", "/api/architecture/gap", "Architecture", "As-is, to-be and retired per domain; to-be elements no initiative delivers", "architecture.read", None, 200, S("object"), False),
    ("get", "/api/architecture/status", "Architecture", "Architecture checks with citations", "architecture.read", None, 200, S("object"), False),
    ("get", "/api/architecture/documents", "Architecture", "Versions of the Arsitektur SPBE and Peta Rencana SPBE", "architecture.read", None, 200, ARR(S("object")), False),
    ("post", "/api/architecture/documents", "Architecture", "Start a draft version", "architecture.manage", S("object"), 201, S("object"), False),
    ("get", "/api/architecture/documents/{id}", "Architecture", "One version with reviews and review schedule", "architecture.read", None, 200, S("object"), False),
    ("patch", "/api/architecture/documents/{id}", "Architecture", "Change a draft", "architecture.manage", S("object"), 200, S("object"), False),
    ("post", "/api/architecture/documents/{id}/approve", "Architecture", "Record the deciding instrument and freeze the model", "architecture.approve", OBJ({"instrument_number": STR, "instrument_date": STR}, ["instrument_number", "instrument_date"]), 200, S("object"), False),
    ("post", "/api/architecture/documents/{id}/reviews", "Architecture", "Record a review", "architecture.manage", S("object"), 201, S("object"), False),
    ("get", "/api/architecture/documents/{id}/diff", "Architecture", "Compare with another version or the live model (?against=)", "architecture.read", None, 200, S("object"), False),
    ("post", "/api/architecture/import", "Architecture", "Import elements and relations from CSV, XLSX or ArchiMate Open Exchange (?dry_run=true|false, ?kind= for CSV); raw file body", "architecture.write", None, 200, S("object"), False),
    ("get", "/api/architecture/export.xlsx", "Architecture", "The model as an XLSX workbook (sheets Elemen and Relasi)", "architecture.read", None, 200, STR, False),
    ("get", "/api/architecture/export.xml", "Architecture", "The model as an ArchiMate Open Exchange file", "architecture.read", None, 200, STR, False),
    ("get", "/api/roadmap/initiatives", "Roadmap", "List Peta Rencana initiatives (filters: category, status, owner_agency_id, year)", "architecture.read", None, 200, REF("Page"), True),
    ("post", "/api/roadmap/initiatives", "Roadmap", "Create an initiative", "architecture.manage", S("object"), 201, S("object"), False),
    ("get", "/api/roadmap/initiatives/{id}", "Roadmap", "One initiative with its elements and monitoring", "architecture.read", None, 200, S("object"), False),
    ("patch", "/api/roadmap/initiatives/{id}", "Roadmap", "Change an initiative", "architecture.manage", S("object"), 200, S("object"), False),
    ("delete", "/api/roadmap/initiatives/{id}", "Roadmap", "Delete an initiative", "architecture.manage", None, 204, None, False),
    ("post", "/api/roadmap/initiatives/{id}/monitoring", "Roadmap", "Record yearly monitoring", "architecture.manage (owner agency: architecture.write)", OBJ({"year": INT, "progress": INT, "status": STR, "note": STR}, ["year", "status"]), 201, S("object"), False),
    ("get", "/api/applications/options", "Applications", "Every choice the application forms offer, from the profile", "applications.read", None, 200, S("object"), False),
    ("get", "/api/applications", "Applications", "Applications (aplikasi elements with their lifecycle record)", "applications.read", None, 200, S("object"), True),
    ("post", "/api/applications", "Applications", "Register an application at the first lifecycle stage", "applications.write (own agency: applications.write.own)", S("object"), 201, S("object"), False),
    ("post", "/api/applications/import", "Applications", "Import the application inventory from CSV or XLSX (?dry_run=true|false, default true); raw file body, format detected from the content; stages set without the gates", "applications.write", None, 200, OBJ({"dry_run": BOOL, "ok": BOOL, "rows": INT, "created": INT, "updated": INT, "problems": ARR(OBJ({"sheet": STR, "row": INT, "column": STR, "message": STR}))}), False),
    ("get", "/api/applications/import/template.csv", "Applications", "CSV template of the import: header row and one example row (attachment)", "applications.read", None, 200, None, False),
    ("get", "/api/applications/{id}", "Applications", "One application with recommendations, considerations, tests, artifacts, gates and findings", "applications.read", None, 200, S("object"), False),
    ("patch", "/api/applications/{id}", "Applications", "Change an application's record", "applications.write (own agency: applications.write.own)", S("object"), 200, S("object"), False),
    ("get", "/api/applications/{id}/gates", "Applications", "The stages it could move to and the rules that refuse each", "applications.read", None, 200, S("object"), False),
    ("post", "/api/applications/{id}/stage", "Applications", "Move to another lifecycle stage (refused with the rule's citation by a gate)", "applications.write (own agency: applications.write.own)", OBJ({"to": STR, "note": STR}, ["to"]), 200, S("object"), False),
    ("post", "/api/applications/{id}/recommendations", "Applications", "Ask Diskominfo for a recommendation", "applications.write (own agency: applications.write.own)", OBJ({"purpose": STR, "justification": STR}, ["purpose"]), 201, S("object"), False),
    ("get", "/api/recommendations", "Applications", "Recommendation requests (Diskominfo's inbox with state=diajukan)", "applications.read", None, 200, S("object"), False),
    ("post", "/api/recommendations/{id}/decision", "Applications", "Approve or reject a recommendation request", "applications.recommend", OBJ({"decision": STR, "reasons": STR}, ["decision", "reasons"]), 200, S("object"), False),
    ("post", "/api/applications/{id}/considerations", "Applications", "Record a ministry's consideration", "applications.recommend", OBJ({"kind": STR, "reference": STR, "date": STR, "decision": STR, "note": STR}, ["kind", "reference", "date", "decision"]), 201, S("object"), False),
    ("post", "/api/applications/{id}/tests", "Applications", "Record a feasibility test", "applications.write (own agency: applications.write.own)", OBJ({"date": STR, "release": STR, "result": STR, "summary": STR}, ["date", "result"]), 201, S("object"), False),
    ("post", "/api/applications/{id}/artifacts", "Applications", "Upload a file to the Repositori (raw body; query kind, release, filename)", "applications.write (own agency: applications.write.own)", None, 201, S("object"), False),
    ("get", "/api/artifacts/{id}/content", "Applications", "Download a Repositori file (always as an attachment)", "applications.read", None, 200, None, False),
    ("get", "/api/evaluation/options", "Evaluation", "Options: workflow roles, evidence topics, the profile's monitoring article, team and report recipient", "evaluation.read", None, 200, S("object"), False),
    ("get", "/api/evaluation/frameworks", "Evaluation", "Framework versions: shipped files and the tenant's corrections", "evaluation.read", None, 200, S("object"), False),
    ("get", "/api/evaluation/frameworks/{fid}", "Evaluation", "One framework version in the file format (query version; default latest)", "evaluation.read", None, 200, S("object"), False),
    ("post", "/api/evaluation/frameworks/{fid}/versions", "Evaluation", "Save corrections of names, weights and criteria as a new version", "evaluation.framework", S("object"), 201, S("object"), False),
    ("get", "/api/evaluation/periods", "Evaluation", "Evaluation periods with their index (query year, agency; agency=- for Pemda-wide only)", "evaluation.read", None, 200, S("object"), False),
    ("post", "/api/evaluation/periods", "Evaluation", "Open a period for a year (Pemda-wide or one agency); the team starts from the profile's team", "evaluation.manage", S("object"), 201, S("object"), False),
    ("get", "/api/evaluation/periods/{id}", "Evaluation", "A period: framework, team, indicators, index and progress per aspect", "evaluation.read", None, 200, S("object"), False),
    ("post", "/api/evaluation/periods/{id}/members", "Evaluation", "Add a member to the period's assessor team with a workflow role", "evaluation.manage", S("object"), 201, S("object"), False),
    ("delete", "/api/evaluation/periods/{id}/members/{mid}", "Evaluation", "Remove a member from the period's assessor team", "evaluation.manage", None, 200, S("object"), False),
    ("get", "/api/evaluation/periods/{id}/indicators/{ind}", "Evaluation", "Indicator workspace: criteria per level, answer, evidence, comments, live evidence proposals, next level", "evaluation.read", None, 200, S("object"), False),
    ("put", "/api/evaluation/periods/{id}/indicators/{ind}/answer", "Evaluation", "Fill the answer (level, explanation, external score)", "evaluation.read + data_entry in the period's team", S("object"), 200, S("object"), False),
    ("post", "/api/evaluation/periods/{id}/indicators/{ind}/answer/submit", "Evaluation", "Send the answer to the penanggung jawab", "evaluation.read + data_entry in the period's team", None, 200, S("object"), False),
    ("post", "/api/evaluation/periods/{id}/indicators/{ind}/answer/review", "Evaluation", "Approve or return (with a note) an answer", "evaluation.read + penanggung_jawab or koordinator, not the filler", S("object"), 200, S("object"), False),
    ("post", "/api/evaluation/periods/{id}/indicators/{ind}/comments", "Evaluation", "Post to the indicator's comment thread", "evaluation.read + member of the period's team", S("object"), 201, S("object"), False),
    ("post", "/api/evaluation/periods/{id}/indicators/{ind}/evidence", "Evaluation", "Upload an evidence file (raw body; query filename, level, main)", "evaluation.read + data_entry in the period's team", None, 201, S("object"), False),
    ("post", "/api/evaluation/periods/{id}/indicators/{ind}/evidence/link", "Evaluation", "Link a Simpul record as evidence (ref_kind, ref_id from a proposal)", "evaluation.read + data_entry in the period's team", S("object"), 201, S("object"), False),
    ("delete", "/api/evaluation/periods/{id}/evidence/{eid}", "Evaluation", "Remove an evidence item while its answer is a draft or returned", "evaluation.read + data_entry in the period's team", None, 200, S("object"), False),
    ("post", "/api/evaluation/periods/{id}/evidence/{eid}/verdict", "Evaluation", "Accept or reject an evidence item (8/2026 cumulative rule)", "evaluation.read + penanggung_jawab or koordinator", S("object"), 200, S("object"), False),
    ("get", "/api/evaluation/periods/{id}/evidence/{eid}/content", "Evaluation", "Download an evidence file (always as an attachment)", "evaluation.read", None, 200, None, False),
    ("get", "/api/evaluation/periods/{id}/index", "Evaluation", "The period's index, predicate, domains and aspects", "evaluation.read", None, 200, S("object"), False),
    ("post", "/api/evaluation/periods/{id}/what-if", "Evaluation", "Simulate raising indicators to levels; returns the new index and the delta", "evaluation.read", S("object"), 200, S("object"), False),
    ("post", "/api/evaluation/periods/{id}/submit", "Evaluation", "Lock and submit the period (every answer approved)", "evaluation.read + koordinator in the period's team", None, 200, S("object"), False),
    ("get", "/api/evaluation/periods/{id}/report", "Evaluation", "The evaluation report (PDF, Indonesian)", "evaluation.read", None, 200, None, False),
    ("get", "/api/evaluation/periods/{id}/export", "Evaluation", "All answers and evidence (XLSX)", "evaluation.read", None, 200, None, False),
    ("get", "/api/evaluation/history", "Evaluation", "Periods of the Pemda (or one agency, query agency) oldest first, with results", "evaluation.read", None, 200, S("object"), False),
    ("get", "/api/evaluation/league", "Evaluation", "Agency assessments of a year ranked by index (query year)", "evaluation.read", None, 200, S("object"), False),
    ("get", "/api/compliance/rules", "Compliance", "The tenant's rule instances with kind, gate and citation", "compliance.read", None, 200, S("object"), False),
    ("get", "/api/compliance/summary", "Compliance", "Counts by chapter, severity, agency and state", "compliance.read", None, 200, S("object"), False),
    ("get", "/api/compliance/findings", "Compliance", "Findings, open and overdue first", "compliance.read", None, 200, S("object"), True),
    ("get", "/api/compliance/findings/{id}", "Compliance", "One finding with the article text and sanctions", "compliance.read", None, 200, S("object"), False),
    ("post", "/api/compliance/evaluate", "Compliance", "Evaluate every rule over live data now", "compliance.evaluate", None, 200, S("object"), False),
    ("post", "/api/compliance/findings/{id}/waive", "Compliance", "Waive an open finding with a reason", "compliance.waive", OBJ({"reason": STR}, ["reason"]), 200, S("object"), False),
    ("post", "/api/compliance/findings/{id}/sanctions", "Compliance", "Record a sanction step (where the profile states sanctions)", "compliance.sanction", OBJ({"step": STR, "date": STR, "note": STR}, ["step"]), 201, S("object"), False),
    ("get", "/api/compliance/sanctions/{id}/letter", "Compliance", "The reprimand letter as PDF (attachment), with its signature in headers", "compliance.read", None, 200, None, False),
    ("get", "/api/gateway/options", "Gateway", "The profile's gateway section: operator, recommender, approver and refusal grounds with citations", "gateway.read", None, 200, S("object"), False),
    ("get", "/api/gateway/services", "Gateway", "Services of the Sistem Penghubung Layanan (query agency, active)", "gateway.read", None, 200, REF("Page"), True),
    ("post", "/api/gateway/services", "Gateway", "Register a service with its upstream, policy and links", "gateway.write (own agency: gateway.write.own)", S("object"), 201, S("object"), False),
    ("get", "/api/gateway/services/{id}", "Gateway", "One service", "gateway.read", None, 200, S("object"), False),
    ("patch", "/api/gateway/services/{id}", "Gateway", "Change a service; a partial policy changes only what it names", "gateway.write (own agency: gateway.write.own)", S("object"), 200, S("object"), False),
    ("post", "/api/gateway/services/{id}/activate", "Gateway", "Put a service back into the data plane", "gateway.write (own agency: gateway.write.own)", None, 200, S("object"), False),
    ("post", "/api/gateway/services/{id}/retire", "Gateway", "Take a service out of the data plane", "gateway.write (own agency: gateway.write.own)", None, 200, S("object"), False),
    ("post", "/api/gateway/services/{id}/openapi", "Gateway", "Upload the service's OpenAPI 3 document (raw JSON or YAML body, at most 2 MiB); stored as JSON", "gateway.write (own agency: gateway.write.own)", None, 200, S("object"), False),
    ("get", "/api/gateway/services/{id}/openapi", "Gateway", "The service's OpenAPI document as JSON", "gateway.read", None, 200, S("object"), False),
    ("get", "/api/gateway/directory", "Gateway", "Active services with the caller's agency's access (my_access: ada, diajukan, tidak)", "gateway.read", None, 200, S("object"), False),
    ("get", "/api/gateway/consumers", "Gateway", "Consumer applications with their keys' prefixes (query agency)", "gateway.read", None, 200, REF("Page"), True),
    ("post", "/api/gateway/consumers", "Gateway", "Register a consumer application; answers its API key once", "gateway.write (own agency: gateway.write.own)", S("object"), 201, S("object"), False),
    ("get", "/api/gateway/consumers/{id}", "Gateway", "One consumer application", "gateway.read", None, 200, S("object"), False),
    ("patch", "/api/gateway/consumers/{id}", "Gateway", "Change a consumer application (name, agency, application, client certificates)", "gateway.write (own agency: gateway.write.own)", S("object"), 200, S("object"), False),
    ("post", "/api/gateway/consumers/{id}/enable", "Gateway", "Enable a consumer application", "gateway.write (own agency: gateway.write.own)", None, 200, S("object"), False),
    ("post", "/api/gateway/consumers/{id}/disable", "Gateway", "Disable a consumer application (its keys and grants leave the data plane)", "gateway.write (own agency: gateway.write.own)", None, 200, S("object"), False),
    ("post", "/api/gateway/consumers/{id}/keys", "Gateway", "Issue another API key (rotation); answers the key once", "gateway.write (own agency: gateway.write.own)", None, 201, S("object"), False),
    ("post", "/api/gateway/consumers/{id}/keys/{key_id}/revoke", "Gateway", "Revoke one API key", "gateway.write (own agency: gateway.write.own)", None, 200, S("object"), False),
    ("get", "/api/gateway/access-requests", "Gateway", "Access requests with what the caller may do next (query state, service, consumer)", "gateway.read", None, 200, REF("Page"), True),
    ("post", "/api/gateway/access-requests", "Gateway", "Submit an access request (Balikpapan Pasal 9 ayat (6) fields)", "gateway.request (own agency: gateway.request.own)", OBJ({"consumer_id": STR, "service_id": STR, "path_prefix": NSTR, "methods": ARR(STR), "responsible_person": STR, "work_unit": STR, "purpose": STR, "data_needed": STR, "commercial_use": BOOL}, ["consumer_id", "service_id", "responsible_person", "work_unit", "purpose", "data_needed", "commercial_use"]), 201, S("object"), False),
    ("get", "/api/gateway/access-requests/{id}", "Gateway", "One access request with its steps", "gateway.read", None, 200, S("object"), False),
    ("post", "/api/gateway/access-requests/{id}/recommend", "Gateway", "Recommend (or not) a request, where the profile names a recommender", "gateway.recommend for the service's agency", OBJ({"recommend": BOOL, "note": STR}, ["recommend"]), 200, S("object"), False),
    ("post", "/api/gateway/access-requests/{id}/decide", "Gateway", "Approve (creates the grant) or refuse a request", "gateway.decide + the profile's deciding role, not the requester", OBJ({"approve": BOOL, "note": STR}, ["approve"]), 200, S("object"), False),
    ("post", "/api/gateway/access-requests/{id}/cancel", "Gateway", "Withdraw a pending request", "the requester or gateway.request for the consumer's agency", None, 200, S("object"), False),
    ("get", "/api/gateway/grants", "Gateway", "Grants with their legal basis (query service, consumer, active)", "gateway.read", None, 200, REF("Page"), True),
    ("post", "/api/gateway/grants/{id}/revoke", "Gateway", "Revoke a grant with a reason", "gateway.write for the service's agency", OBJ({"reason": STR}, ["reason"]), 200, S("object"), False),
    ("get", "/api/gateway/status", "Gateway", "The data plane's live status, merged over instances, for the tenant's services", "gateway.traffic", None, 200, S("object"), False),
    ("get", "/api/gateway/exchanges", "Gateway", "Newest exchanges of the message log for the tenant's services (query service, consumer, status, limit)", "gateway.traffic", None, 200, S("object"), False),
    ("get", "/api/gateway/exchanges/{seq}/proof", "Gateway", "Inclusion proof of one exchange (JSON attachment)", "gateway.traffic", None, 200, None, False),
    ("get", "/api/gateway/exchanges/{seq}/bodies/{part}", "Gateway", "A stored body of one exchange, part = request | response (attachment, checked against the log's digest; each read is a ledger entry)", "gateway.traffic", None, 200, None, False),
    ("get", "/api/gateway/public-key", "Gateway", "The gateway's message-log signing key (hex) and key id", "gateway.read", None, 200, OBJ({"public_key": STR, "key_id": STR}), False),
    ("get", "/api/ledger", "Ledger", "Ledger entries of the tenant, newest first", "ledger.read", None, 200, REF("Page"), True),
    ("post", "/api/ledger/verify", "Ledger", "Verify the whole hash chain and signed checkpoints", "ledger.verify", None, 200, REF("VerifyResult"), False),
]


# Path parameters that take one of a few words rather than an id.
PATH_CHOICES = {"part": S("string", enum=["request", "response"])}


def operation(method, path, tag, summary, permission, request, status, response, is_list):
    op = {"tags": [tag], "summary": summary, "operationId": f"{method}_{path}".replace("/", "_").replace("{", "").replace("}", ""),
          "responses": {str(status): {"description": "success"},
                        "default": {"description": "catalogue error", "content": {"application/json": {"schema": REF("Error")}}}}}
    if response is not None:
        op["responses"][str(status)]["content"] = {"application/json": {"schema": response}}
    if permission is None:
        op["security"] = []
    else:
        op["description"] = f"Requires: {permission}."
    params = [{"name": seg[1:-1], "in": "path", "required": True, "schema": PATH_CHOICES.get(seg[1:-1], STR)}
              for seg in path.split("/") if seg.startswith("{")]
    if is_list:
        params += LIST_PARAMS
    if params:
        op["parameters"] = params
    if request is not None:
        op["requestBody"] = {"required": True, "content": {"application/json": {"schema": request}}}
    return op


def main():
    paths = {}
    for r in ROUTES:
        paths.setdefault(r[1], {})[r[0]] = operation(*r)
    doc = {
        "openapi": "3.0.3",
        "info": {"title": "Simpul API", "version": "0.1.0",
                 "description": "SPBE platform for Indonesian regional governments. Conventions: docs/api.md."},
        "servers": [{"url": "/"}],
        "components": {
            "securitySchemes": {
                "session": {"type": "apiKey", "in": "cookie", "name": "simpul_session",
                            "description": "Browser session; writes also need the X-CSRF-Token header."},
                "token": {"type": "http", "scheme": "bearer"}},
            "schemas": SCHEMAS},
        "security": [{"session": []}, {"token": []}],
        "paths": paths,
    }
    out = ROOT / "docs" / "openapi.json"
    out.write_text(json.dumps(doc, indent=1, ensure_ascii=False) + "\n")
    print(f"wrote {out} with {len(ROUTES)} operations")


if __name__ == "__main__":
    main()
