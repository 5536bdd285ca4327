// libFuzzer driver: the accounts importer (an accounts TOML's text).
#include "fuzz/driver.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace contra::fuzz;
    return report(accounts(resources(), scratch(), data, size));
}
