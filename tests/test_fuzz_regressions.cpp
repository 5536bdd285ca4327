// Replays the fuzzers' seed corpora and every input that once broke a parser
// (tests/fuzz/regressions/TARGET/) through the fuzz entry points of
// tests/fuzz/targets.hpp, in the normal (and the sanitizer) build.
#include "fuzz/targets.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

using namespace contra;
namespace fs = std::filesystem;

namespace {

const fuzz::Resources& resources()
{
    static const fuzz::Resources loaded(test::rules_dir());
    return loaded;
}

// Every input of one target: its seeds, then its regressions.
std::vector<fs::path> inputs(const std::string& target)
{
    std::vector<fs::path> found;
    for (const char* folder : {"corpus", "regressions"}) {
        const fs::path dir = test::source_dir() / "tests" / "fuzz" / folder / target;
        if (!fs::is_directory(dir)) continue;
        for (const auto& entry : fs::directory_iterator(dir)) {
            if (entry.is_regular_file()) found.push_back(entry.path());
        }
    }
    std::sort(found.begin(), found.end());
    return found;
}

template <class Run>
void replay(const std::string& target, std::size_t at_least, Run&& run)
{
    const auto files = inputs(target);
    CHECK(files.size() >= at_least);
    for (const fs::path& file : files) {
        const std::string bytes = test::read_file(file);
        const auto* data = reinterpret_cast<const std::uint8_t*>(bytes.data());
        INFO(file.string());
        CHECK(run(data, bytes.size()) == "");
    }
}

}  // namespace

TEST_CASE("quantity parser: seeds and regressions")
{
    replay("quantity", 5, [](const std::uint8_t* data, std::size_t size) {
        return fuzz::quantity(resources(), data, size);
    });
}

TEST_CASE("segmenter: seeds and regressions")
{
    replay("segmenter", 3, [](const std::uint8_t* data, std::size_t size) { return fuzz::segmenter(data, size); });
}

TEST_CASE("extractor: seeds and regressions")
{
    replay("extractor", 3, [](const std::uint8_t* data, std::size_t size) {
        return fuzz::extractor(resources(), data, size);
    });
}

TEST_CASE("draft reader: seeds and regressions")
{
    replay("draft", 3, [](const std::uint8_t* data, std::size_t size) { return fuzz::draft(data, size); });
}

TEST_CASE("rule loader: seeds and regressions")
{
    test::TempDir scratch;
    replay("rule_file", 3, [&](const std::uint8_t* data, std::size_t size) {
        return fuzz::rule_file(resources(), scratch.path(), data, size);
    });
}

TEST_CASE("accounts importer: seeds and regressions")
{
    test::TempDir scratch;
    replay("accounts", 2, [&](const std::uint8_t* data, std::size_t size) {
        return fuzz::accounts(resources(), scratch.path(), data, size);
    });
}

TEST_CASE("the fuzz checks can fail: a claim whose quote is not its span is caught")
{
    Claim claim;
    claim.id = "c-test";
    claim.span = Span{4, 9, 1, 5};
    claim.quote = "other";
    CHECK(fuzz::detail::check_claims({claim}, "the quick fox") != "");
    claim.quote = "quick";
    CHECK(fuzz::detail::check_claims({claim}, "the quick fox") == "");
}
