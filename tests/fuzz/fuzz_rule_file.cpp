// libFuzzer driver: the rule loader (one rule file's text).
#include "fuzz/driver.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace contra::fuzz;
    return report(rule_file(resources(), scratch(), data, size));
}
