// Notifications: the inbox, and e-mail through a real SMTP server process on loopback (Debian's
// python3-aiosmtpd, installed by `scripts/bootstrap test`), never a mock. The server starts only
// after the first attempt failed, so the test also shows the sender retrying with backoff while
// requests go on.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "api_harness.hpp"
#include "smtp_fixture.hpp"
#include "core/crypto.hpp"
#include "notification/smtp.hpp"
#include "storage/unit_of_work.hpp"

using namespace simpul;
using namespace simpul::api_test;

namespace {

class NotificationTest : public test_support::DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    crypto::use_minimum_password_cost_for_tests();
  }
};

}  // namespace

TEST_P(NotificationTest, TicketMailGoesThroughARealSmtpServerAndIsRetriedUntilTheServerIsUp) {
  ASSERT_TRUE(aiosmtpd_installed()) << "install python3-aiosmtpd (scripts/bootstrap test)";
  test_support::TempDir dir;
  int port = free_port();
  auto maildir = dir.path() / "maildir";  // created by the server (Maildir with tmp/new/cur)
  auto conf = dir.path() / "smtp.conf";
  std::ofstream(conf) << "# test server\nhost = 127.0.0.1\nport = " << port
                      << "\nfrom = Simpul <simpul@balikpapan.go.id>\nretry_base_seconds = 1\ntimeout_seconds = 5\n";
  ::setenv("SIMPUL_SMTP_CONFIG", conf.c_str(), 1);
  Instance in(GetParam());
  ::unsetenv("SIMPUL_SMTP_CONFIG");

  auto admin = admin_client(in, "balikpapan");
  auto disdik = agency_id(admin, "DISDIK");
  for (const char* name : {"guru.disdik", "teknisi.disdik"})
    ASSERT_EQ(
        admin
            .post(
                "/api/users",
                std::string(R"({"must_change_password":false,"username":")") + name + R"(","display_name":")" + name +
                    R"(","email":")" + name +
                    R"(@disdik.balikpapan.go.id","password":"kata-sandi-panjang","roles":["agency_operator"],"agency_id":")" +
                    disdik + "\"}")
            .status,
        201);
  Client requester(in), teknisi(in);
  ASSERT_EQ(requester.login("balikpapan", "guru.disdik", "kata-sandi-panjang").status, 200);
  ASSERT_EQ(teknisi.login("balikpapan", "teknisi.disdik", "kata-sandi-panjang").status, 200);
  auto teknisi_id = text_of(teknisi.get("/api/auth/me").json.at("user"), "id");
  ASSERT_EQ(admin.post("/api/servicedesk/agents", R"({"user_id":")" + teknisi_id + R"(","tier":1})").status, 201);

  // The ticket is answered at once although no SMTP server is listening yet.
  auto opened =
      requester.post("/api/servicedesk/tickets",
                     R"({"type":"gangguan","title":"Internet kantor putus","urgency":"tinggi","impact":"tinggi"})");
  ASSERT_EQ(opened.status, 201) << opened.body;
  auto number = text_of(opened.json, "number");

  // The Level 1 technician has it in the inbox.
  auto inbox = teknisi.get("/api/notifications");
  ASSERT_EQ(inbox.status, 200);
  EXPECT_EQ(inbox.json.at("unread").as_int64(), 1);
  auto item = inbox.json.at("items").as_array().at(0);
  EXPECT_NE(text_of(item, "title").find(number), std::string::npos);
  EXPECT_EQ(requester.get("/api/notifications").json.at("unread").as_int64(), 0);  // not told of their own ticket

  // The first attempt fails and is scheduled again.
  auto outbox = [&] { return admin.get("/api/notifications/outbox").json.at("items").as_array(); };
  ASSERT_TRUE(eventually([&] { return !outbox().empty() && outbox().at(0).at("attempts").as_int64() >= 1; }, 60));
  EXPECT_EQ(text_of(outbox().at(0), "state"), "queued");
  EXPECT_FALSE(text_of(outbox().at(0), "last_error").empty());
  EXPECT_EQ(teknisi.get("/api/notifications/outbox").status, 403);

  // Once the server is up, the retry delivers it.
  SmtpServer server(port, maildir);
  ASSERT_TRUE(eventually([&] { return text_of(outbox().at(0), "state") == "sent"; }, 120)) << json_text(outbox().at(0));
  auto parsed = run(
      "/usr/bin/python3 -c \"import mailbox, sys, email.header as h; m = next(iter(mailbox.Maildir(sys.argv[1], create=False))); "
      "print(str(h.make_header(h.decode_header(m['Subject'])))); print(m['To']); print(m.get_payload(decode=True).decode())\" " +
      maildir.string());
  EXPECT_NE(parsed.find(number + ": Tiket baru: Internet kantor putus"), std::string::npos) << parsed;
  EXPECT_NE(parsed.find("teknisi.disdik@disdik.balikpapan.go.id"), std::string::npos) << parsed;
  EXPECT_NE(parsed.find("Pemohon: guru.disdik"), std::string::npos) << parsed;

  // Reading clears the badge.
  ASSERT_EQ(teknisi.post("/api/notifications/" + text_of(item, "id") + "/read", "").status, 200);
  EXPECT_EQ(teknisi.get("/api/notifications/unread").json.at("unread").as_int64(), 0);
  auto not_theirs = requester.post("/api/notifications/" + text_of(item, "id") + "/read", "");
  EXPECT_EQ(not_theirs.status, 404);
  EXPECT_EQ(not_theirs.error_code(), "notification.not_found");
}

TEST(SmtpConfig, AMalformedFileIsRefusedByLineAndAMissingFileMeansNoEmail) {
  test_support::TempDir dir;
  EXPECT_FALSE(notification::load_smtp_config(dir.path() / "none.conf").has_value());
  auto write = [&](const std::string& body) {
    std::ofstream(dir.path() / "smtp.conf") << body;
    return dir.path() / "smtp.conf";
  };
  std::ofstream(dir.path() / "secret") << "rahasia-sekali\n";
  auto ok = notification::load_smtp_config(
      write("host = mail.kota.go.id\nport = 587\nstarttls = true\nusername = simpul\npassword_file = " +
            (dir.path() / "secret").string() + "\nfrom = Simpul <simpul@kota.go.id>\n"));
  ASSERT_TRUE(ok.has_value());
  EXPECT_EQ(ok->password, "rahasia-sekali");
  EXPECT_TRUE(ok->starttls);
  try {
    notification::load_smtp_config(write("host = mail.kota.go.id\nport = tujuh\n"));
    FAIL() << "a bad port was accepted";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("smtp.conf:2"), std::string::npos) << e.what();
  }
  EXPECT_THROW(notification::load_smtp_config(write("host = mail.kota.go.id\nfrom = bukan-alamat\n")),
               std::runtime_error);
  EXPECT_THROW(notification::load_smtp_config(write("host = x\nfrom = a@b.id\nusername = u\n")),
               std::runtime_error);  // no password file
}

TEST(SmtpClient, StartTlsDeliversWithAVerifiedCertificateAndRefusesAnUntrustedOne) {
  ASSERT_TRUE(aiosmtpd_installed()) << "install python3-aiosmtpd (scripts/bootstrap test)";
  test_support::TempDir dir;
  auto cert = dir.path() / "cert.pem", key = dir.path() / "key.pem", maildir = dir.path() / "maildir";
  run("openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=localhost -addext subjectAltName=DNS:localhost -keyout " +
      key.string() + " -out " + cert.string() + " 2>/dev/null");
  ASSERT_TRUE(std::filesystem::exists(cert));
  int port = free_port();
  SmtpServer server(port, maildir, cert, key);
  notification::SmtpConfig c;
  c.host = "localhost";
  c.port = port;
  c.starttls = true;
  c.from = "Simpul <simpul@kota.go.id>";
  c.timeout_seconds = 5;
  // The system's trust anchors do not know this certificate: refused, nothing sent.
  bool up = eventually(
      [&] {
        return run("/usr/bin/python3 -c \"import socket; socket.create_connection(('127.0.0.1', " +
                   std::to_string(port) + "), 1)\" 2>/dev/null && echo up") == "up\n";
      },
      30);
  ASSERT_TRUE(up);
  EXPECT_THROW(notification::send_mail(c, "teknisi@disdik.go.id", "Uji", "Isi"), std::runtime_error);
  // Trusting it (ca_file), the message goes over TLS.
  c.ca_file = cert.string();
  EXPECT_NO_THROW(notification::send_mail(c, "teknisi@disdik.go.id", "Uji TLS", "Isi surat"));
  EXPECT_TRUE(eventually(
      [&] { return std::filesystem::exists(maildir / "new") && !std::filesystem::is_empty(maildir / "new"); }, 30));
}

namespace {

/// A user of the PD with an e-mail address, logged in.
Client desk_mail_user(Instance& in, Client& admin, const std::string& name, const std::string& agency,
                      const std::string& domain) {
  auto r =
      admin.post("/api/users", R"({"must_change_password":false,"username":")" + name + R"(","display_name":")" + name +
                                   R"(","email":")" + name + "@" + domain +
                                   R"(","password":"kata-sandi-panjang","roles":["agency_operator"],"agency_id":")" +
                                   agency + "\"}");
  EXPECT_EQ(r.status, 201) << r.body;
  Client c(in);
  EXPECT_EQ(c.login("balikpapan", name, "kata-sandi-panjang").status, 200);
  return c;
}

/// One message through the SMTP server on `port`, sent by Python's smtplib (a real SMTP client).
std::string send_desk_mail(int port, const std::string& from, const std::string& subject, const std::string& body) {
  auto quoted = [](const std::string& v) { return "'" + v + "'"; };  // the values used here carry no single quote
  return run(
      "/usr/bin/python3 -c \"import smtplib, sys, time\nfrom email.message import EmailMessage\n"
      "m = EmailMessage(); m['From'] = sys.argv[2]; m['To'] = 'meja.layanan@balikpapan.go.id'; m['Subject'] = sys.argv[3]; m.set_content(sys.argv[4])\n"
      "for i in range(150):\n  try:\n    s = smtplib.SMTP('127.0.0.1', int(sys.argv[1]), timeout=5); break\n  except OSError: time.sleep(0.2)\n"
      "s.send_message(m); s.quit(); print('sent')\" " +
      std::to_string(port) + " " + quoted(from) + " " + quoted(subject) + " " + quoted(body) + " 2>&1");
}

std::size_t files_in(const std::filesystem::path& dir) {
  std::error_code ec;
  std::size_t n = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir, ec)) n += e.is_regular_file() ? 1 : 0;
  return n;
}

}  // namespace

TEST_P(NotificationTest, MailToTheDeskOpensAndAnswersTicketsAndRefusesStrangersWithoutLosingTheRest) {
  ASSERT_TRUE(aiosmtpd_installed()) << "install python3-aiosmtpd (scripts/bootstrap test)";
  test_support::TempDir dir;
  int port = free_port();
  auto root = dir.path() / "inbound";
  auto maildir = root / "balikpapan";  // the tenant's Maildir, delivered by the operator's MTA (here aiosmtpd)
  ::setenv("SIMPUL_INBOUND_MAILDIR", root.c_str(), 1);
  Instance in(GetParam());
  ::unsetenv("SIMPUL_INBOUND_MAILDIR");
  auto admin = admin_client(in, "balikpapan");
  auto disdik = agency_id(admin, "DISDIK");
  auto dishub = agency_id(admin, "DISHUB");
  auto requester = desk_mail_user(in, admin, "guru.disdik", disdik, "disdik.balikpapan.go.id");
  auto teknisi = desk_mail_user(in, admin, "teknisi.disdik", disdik, "disdik.balikpapan.go.id");
  auto other = desk_mail_user(in, admin, "staf.dishub", dishub, "dishub.balikpapan.go.id");
  auto teknisi_id = text_of(teknisi.get("/api/auth/me").json.at("user"), "id");
  ASSERT_EQ(admin.post("/api/servicedesk/agents", R"({"user_id":")" + teknisi_id + R"(","tier":1})").status, 201);
  std::filesystem::create_directories(root);
  SmtpServer server(port, maildir);

  const std::string subject = "Printer lantai 2 \xE2\x80\x93 rusak";
  ASSERT_EQ(send_desk_mail(port, "Guru Disdik <Guru.Disdik@disdik.balikpapan.go.id>", subject, "Kertas macet terus."),
            "sent\n");
  ASSERT_EQ(send_desk_mail(port, "orang.asing@contoh.com", "Minta akses server", "Halo"), "sent\n");
  // A malformed and an oversized message in the same Maildir: refused, and the others still read.
  std::ofstream(maildir / "new" / "0-rusak.eml") << "bukan surel sama sekali";
  std::ofstream(maildir / "new" / "1-besar.eml") << "From: guru.disdik@disdik.balikpapan.go.id\n\n"
                                                 << std::string(2 * 1024 * 1024, 'a');
  auto ledger_before = ledger_size(in);
  run_job(in, "servicedesk.inbound_mail");

  auto mine = requester.get("/api/servicedesk/tickets?view=mine");
  ASSERT_EQ(mine.status, 200);
  ASSERT_EQ(mine.json.at("total").as_int64(), 1) << mine.body;
  auto ticket = mine.json.at("items").at(0);
  EXPECT_EQ(text_of(ticket, "title"), subject);
  EXPECT_EQ(text_of(ticket, "description"), "Kertas macet terus.");
  EXPECT_EQ(text_of(ticket, "queue_agency_id"), disdik);  // routed like any ticket: the PD's Level 1
  EXPECT_GT(ledger_size(in), ledger_before);
  EXPECT_EQ(files_in(maildir / "new"), 0u);
  EXPECT_EQ(files_in(maildir / "cur"), 1u);
  EXPECT_EQ(files_in(maildir / "refused"), 3u);  // the stranger, the malformed and the oversized message
  EXPECT_EQ(teknisi.get("/api/servicedesk/tickets?view=queue").json.at("total").as_int64(), 1);

  // A reply carrying the ticket number comments on it; from another PD's user it is refused.
  auto number = text_of(ticket, "number");
  ASSERT_EQ(send_desk_mail(port, "guru.disdik@disdik.balikpapan.go.id", "Re: [#" + number + "] " + subject,
                           "Sudah ganti kertas, tetap macet.\n> Kertas macet terus."),
            "sent\n");
  ASSERT_EQ(
      send_desk_mail(port, "staf.dishub@dishub.balikpapan.go.id", "Re: [#" + number + "] " + subject, "Saya juga"),
      "sent\n");
  run_job(in, "servicedesk.inbound_mail");
  auto detail = requester.get("/api/servicedesk/tickets/" + text_of(ticket, "id"));
  ASSERT_EQ(detail.status, 200);
  std::vector<std::string> comments;
  for (const auto& e : detail.json.at("events").as_array())
    if (text_of(e, "kind") == "comment") comments.push_back(text_of(e, "body"));
  EXPECT_EQ(comments, std::vector<std::string>{"Sudah ganti kertas, tetap macet."});
  EXPECT_EQ(files_in(maildir / "refused"), 4u);
  EXPECT_EQ(other.get("/api/servicedesk/tickets?view=mine").json.at("total").as_int64(), 0);
  EXPECT_GT(teknisi.get("/api/notifications/unread").json.at("unread").as_int64(), 0);  // told of the reply

  // Nothing is read twice.
  run_job(in, "servicedesk.inbound_mail");
  EXPECT_EQ(requester.get("/api/servicedesk/tickets?view=mine").json.at("total").as_int64(), 1);
}

TEST_P(NotificationTest, DeskStaffGetOneDailyDigestOfTheirQueueWithBreachedTicketsMarked) {
  ASSERT_TRUE(aiosmtpd_installed()) << "install python3-aiosmtpd (scripts/bootstrap test)";
  test_support::TempDir dir;
  int port = free_port();
  auto maildir = dir.path() / "maildir";
  auto conf = dir.path() / "smtp.conf";
  write_smtp_config(conf, port);
  SmtpServer server(port, maildir);
  ::setenv("SIMPUL_SMTP_CONFIG", conf.c_str(), 1);
  Instance in(GetParam());
  ::unsetenv("SIMPUL_SMTP_CONFIG");
  auto admin = admin_client(in, "balikpapan");
  auto disdik = agency_id(admin, "DISDIK");
  auto dishub = agency_id(admin, "DISHUB");
  auto requester = desk_mail_user(in, admin, "guru.disdik", disdik, "disdik.balikpapan.go.id");
  auto teknisi = desk_mail_user(in, admin, "teknisi.disdik", disdik, "disdik.balikpapan.go.id");
  auto idle = desk_mail_user(in, admin, "teknisi.dishub", dishub, "dishub.balikpapan.go.id");
  for (auto* c : {&teknisi, &idle}) {
    auto id = text_of(c->get("/api/auth/me").json.at("user"), "id");
    ASSERT_EQ(admin.post("/api/servicedesk/agents", R"({"user_id":")" + id + R"(","tier":1})").status, 201);
  }
  auto late = requester.post("/api/servicedesk/tickets",
                             R"({"type":"gangguan","title":"Internet putus","urgency":"tinggi","impact":"tinggi"})");
  auto fresh =
      requester.post("/api/servicedesk/tickets",
                     R"({"type":"permintaan","title":"Akun surel baru","urgency":"rendah","impact":"rendah"})");
  ASSERT_EQ(late.status, 201);
  ASSERT_EQ(fresh.status, 201);
  // The first has waited unowned for weeks (its events moved back in time).
  storage::write_transaction(in.db(), [&](storage::Connection& c) {
    c.execute("UPDATE sd_events SET at = ? WHERE ticket_id = ?", {"2026-10-01T01:00:00Z", text_of(late.json, "id")});
    // The clock stored with the event moves with it (servicedesk/sla_store.cpp).
    c.execute("UPDATE sd_tickets SET sla_since = ? WHERE id = ?", {"2026-10-01T01:00:00Z", text_of(late.json, "id")});
  });

  struct Sent {
    std::string recipient, subject, state;
  };
  auto digests = [&] {  // copied out as text: the answer's JSON lives only as long as the answer
    std::vector<Sent> out;
    auto outbox = admin.get("/api/notifications/outbox");
    for (const auto& m : outbox.json.at("items").as_array())
      if (text_of(m, "subject").find("Ringkasan harian") != std::string::npos)
        out.push_back({text_of(m, "recipient"), text_of(m, "subject"), text_of(m, "state")});
    return out;
  };
  run_job(in, "servicedesk.daily_digest");
  ASSERT_EQ(digests().size(), 1u);  // the idle desk has nothing open: no digest
  EXPECT_NE(digests().at(0).recipient.find("teknisi.disdik@"), std::string::npos);
  EXPECT_NE(digests().at(0).subject.find("2 tiket terbuka, 1 melewati SLA"), std::string::npos)
      << digests().at(0).subject;
  ASSERT_TRUE(eventually([&] { return digests().at(0).state == "sent"; }, 120)) << digests().at(0).state;
  auto mail = run(
      "/usr/bin/python3 -c \"import mailbox, sys, email.header as h\nfor m in mailbox.Maildir(sys.argv[1], create=False):\n"
      "  if 'Ringkasan' in str(h.make_header(h.decode_header(m['Subject']))): print(m['To']); print(m.get_payload(decode=True).decode())\" " +
      maildir.string() + " 2>&1");
  EXPECT_NE(mail.find("teknisi.disdik@disdik.balikpapan.go.id"), std::string::npos) << mail;
  EXPECT_NE(mail.find(text_of(late.json, "number") + " Internet putus (Baru) MELEWATI SLA"), std::string::npos) << mail;
  EXPECT_NE(mail.find(text_of(fresh.json, "number") + " Akun surel baru (Baru)"), std::string::npos) << mail;
  EXPECT_EQ(mail.find(text_of(fresh.json, "number") + " Akun surel baru (Baru) MELEWATI"), std::string::npos) << mail;
  EXPECT_EQ(mail.find("teknisi.dishub"), std::string::npos) << mail;

  // Once a day: the hourly job does not send it again.
  run_job(in, "servicedesk.daily_digest");
  EXPECT_EQ(digests().size(), 1u);
}

INSTANTIATE_TEST_SUITE_P(Databases, NotificationTest, ::testing::ValuesIn(test_support::backends()));
