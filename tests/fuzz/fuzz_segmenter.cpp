// libFuzzer driver: the sentence segmenter (markdown_skips, segment_sentences).
#include "fuzz/driver.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace contra::fuzz;
    return report(segmenter(data, size));
}
