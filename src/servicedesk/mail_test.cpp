// Inbound e-mail parsing: what the desk takes from a message, and what it refuses.
#include <gtest/gtest.h>

#include "servicedesk/mail.hpp"

using namespace simpul::servicedesk;

TEST(InboundMail, PlainMessageGivesSenderSubjectAndBodyWithoutQuotedLines) {
  std::string problem;
  auto m = parse_mail(
      "From: Guru Disdik <Guru.Disdik@Disdik.Go.Id>\r\nSubject: Printer rusak\r\n\r\nTolong diperbaiki.\r\n> kutipan lama\r\n",
      problem);
  ASSERT_TRUE(m) << problem;
  EXPECT_EQ(m->from, "guru.disdik@disdik.go.id");
  EXPECT_EQ(m->subject, "Printer rusak");
  EXPECT_EQ(m->body, "Tolong diperbaiki.");
}

TEST(InboundMail, EncodedSubjectAndMultipartQuotedPrintableAndBase64AreDecoded) {
  std::string problem;
  auto m = parse_mail(
      "From: a@b.go.id\nSubject: =?UTF-8?B?UHJpbnRlciBydXNhaw==?= =?utf-8?Q?_lantai=5F2?=\nMIME-Version: 1.0\n"
      "Content-Type: multipart/alternative; boundary=\"XYZ\"\n\n--XYZ\nContent-Type: text/html\n\n<p>x</p>\n"
      "--XYZ\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\nSudah dicoba =\nrestart, tetap gagal =E2=80=94 mohon bantuan\n--XYZ--\n",
      problem);
  ASSERT_TRUE(m) << problem;
  EXPECT_EQ(m->subject, "Printer rusak lantai_2");
  EXPECT_EQ(m->body, "Sudah dicoba restart, tetap gagal \xE2\x80\x94 mohon bantuan");
  auto b64 =
      parse_mail("From: a@b.go.id\nSubject: x\nContent-Transfer-Encoding: base64\n\nSmFyaW5nYW4g\nbWF0aQ==\n", problem);
  ASSERT_TRUE(b64) << problem;
  EXPECT_EQ(b64->body, "Jaringan mati");
}

TEST(InboundMail, MalformedMessagesAreRefusedWithAReason) {
  std::string problem;
  EXPECT_FALSE(parse_mail("ini bukan surel", problem));
  EXPECT_FALSE(problem.empty());
  EXPECT_FALSE(parse_mail("Subject: tanpa pengirim\n\nisi\n", problem));
  EXPECT_EQ(problem, "no sender address");
  EXPECT_FALSE(
      parse_mail("From: a@b.go.id\nContent-Type: text/plain; charset=utf-8\n\n\xff\xfe bukan utf-8\n", problem));
  EXPECT_FALSE(parse_mail("From: a@b.go.id\nContent-Type: application/octet-stream\n\nMZ\n", problem));
  EXPECT_FALSE(parse_mail("From: a@b.go.id\nContent-Transfer-Encoding: base64\n\n!!!\n", problem));
  EXPECT_FALSE(parse_mail("From: a@b.go.id\n\n" + std::string(kMaxInboundMailBytes, 'a'), problem));
  EXPECT_EQ(problem, "larger than 1 MB");
}

TEST(InboundMail, TheTicketNumberIsTakenFromTheSubject) {
  EXPECT_EQ(ticket_number_in("Re: [#TK-2026-00012] Printer rusak"), "TK-2026-00012");
  EXPECT_EQ(ticket_number_in("Printer rusak"), "");
  EXPECT_EQ(ticket_number_in("[#TK-2026' OR 1=1]"), "");
}
