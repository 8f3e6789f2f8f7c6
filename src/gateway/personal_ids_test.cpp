#include "gateway/personal_ids.hpp"

#include <gtest/gtest.h>

using simpul::gateway::has_personal_ids;
using simpul::gateway::mask_personal_ids;

TEST(PersonalIds, MasksANikKkNipAndPhoneNumbersInAPathKeepingTheLastFourDigits) {
  EXPECT_EQ(mask_personal_ids("/penduduk/3171012345670001"), "/penduduk/************0001");
  EXPECT_EQ(mask_personal_ids("/pegawai/198503102010011002/cuti"), "/pegawai/**************1002/cuti");
  EXPECT_EQ(mask_personal_ids("/kk?nomor=6471010101010007&x=1"), "/kk?nomor=************0007&x=1");
  EXPECT_EQ(mask_personal_ids("/sms/081234567890"), "/sms/********7890");
  EXPECT_EQ(mask_personal_ids("/sms/+6281234567890"), "/sms/+*********7890");
  EXPECT_TRUE(has_personal_ids("/penduduk/3171012345670001"));
}

TEST(PersonalIds, LeavesOtherNumbersAndPathsAlone) {
  for (const char* path :
       {"/pajak/2026/12", "/akta/P.2.0001", "/objek/12345678901234567", "/x/0812345", "/objek/1234567890123456789"}) {
    EXPECT_FALSE(has_personal_ids(path)) << path;
    EXPECT_EQ(mask_personal_ids(path), path);
  }
}
