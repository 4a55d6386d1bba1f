// CSV tables (signals, spike counts, event recordings in CSV): any bytes either parse
// into a rectangular table of finite numbers or raise InputError.
#include "fuzz_check.h"
#include "io/csv_table.h"
#include "io/input_error.h"

#include <cmath>
#include <cstdint>
#include <string_view>

// NOLINTNEXTLINE(readability-identifier-naming): the name libFuzzer calls
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        const sdlab::CsvTable table = sdlab::CsvTable::parse(text, "'fuzz.csv'");
        SDLAB_FUZZ_REQUIRE(!table.columnNames().empty());
        SDLAB_FUZZ_REQUIRE(table.rowCount() > 0);
        for (std::size_t c = 0; c < table.columnNames().size(); ++c) {
            const auto& column = table.column(c);
            SDLAB_FUZZ_REQUIRE(column.size() == table.rowCount());
            for (double v : column)
                SDLAB_FUZZ_REQUIRE(std::isfinite(v));
            SDLAB_FUZZ_REQUIRE(&table.column(table.columnNames()[c]) == &column);
        }
    } catch (const sdlab::InputError&) {
        // refused with a message: the contract
    }
    return 0;
}
