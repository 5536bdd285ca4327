// libFuzzer driver: the draft reader (read_draft).
#include "fuzz/driver.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace contra::fuzz;
    return report(draft(data, size));
}
