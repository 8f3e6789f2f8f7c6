#include <gtest/gtest.h>

#include "core/error.hpp"
#include "interchange/import_slots.hpp"

using namespace simpul;
using namespace simpul::interchange;

TEST(ImportSlots, AThirdImportAtOnceIsAskedToComeBackAndASlotIsFreedOnItsEnd) {
  {
    auto first = ImportSlot::acquire();
    auto second = ImportSlot::acquire();
    try {
      ImportSlot::acquire();
      FAIL() << "a third concurrent import was admitted";
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::ImportBusy);
      EXPECT_EQ(e.details().at("retry_after_seconds").as_int64(), 5);
    }
    { auto moved = std::move(second); }  // the moved-to slot frees it once
    EXPECT_TRUE(ImportSlot::try_acquire().has_value());
  }
  auto a = ImportSlot::try_acquire(), b = ImportSlot::try_acquire();
  EXPECT_TRUE(a && b);  // all freed when their imports ended
}
