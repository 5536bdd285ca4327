// contra check --format junit (src/check/output_junit.cpp): read back with a
// small strict XML reader (well-formedness, entities, balanced tags), then
// the suites, cases, counts and unique names checked.
#include "test_check_output_report.hpp"

#include <contra/check_output.hpp>

#include <catch2/catch.hpp>

#include <map>
#include <memory>
#include <set>
#include <stdexcept>

using namespace contra;

namespace {

struct Element {
    std::string name;
    std::map<std::string, std::string> attributes;
    std::vector<std::unique_ptr<Element>> children;
    std::string text;

    [[nodiscard]] std::vector<const Element*> all(const std::string& child) const
    {
        std::vector<const Element*> out;
        for (const auto& element : children) {
            if (element->name == child) out.push_back(element.get());
        }
        return out;
    }
    [[nodiscard]] const Element* first(const std::string& child) const
    {
        const auto found = all(child);
        return found.empty() ? nullptr : found.front();
    }
    [[nodiscard]] std::string at(const std::string& key) const
    {
        const auto found = attributes.find(key);
        if (found == attributes.end()) throw std::runtime_error("<" + name + "> lacks " + key);
        return found->second;
    }
};

// Just enough XML for the report: a declaration, elements, attributes in
// double quotes, text, the five named entities and decimal references.
// Anything else (a raw '<' or '&', an unclosed tag) throws.
class XmlReader {
public:
    explicit XmlReader(std::string_view text) : m_text(text) {}

    std::unique_ptr<Element> document()
    {
        expect("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        auto root = element();
        skip_space();
        if (m_pos != m_text.size()) fail("content after the root element");
        return root;
    }

private:
    [[noreturn]] void fail(const std::string& what) const
    {
        throw std::runtime_error(what + " at byte " + std::to_string(m_pos));
    }
    void expect(std::string_view what)
    {
        if (m_text.substr(m_pos, what.size()) != what) fail("expected " + std::string(what));
        m_pos += what.size();
    }
    void skip_space()
    {
        while (m_pos < m_text.size() && std::string_view(" \n\t\r").find(m_text[m_pos]) != std::string_view::npos) ++m_pos;
    }
    std::string name()
    {
        const std::size_t begin = m_pos;
        while (m_pos < m_text.size() && (std::isalnum(static_cast<unsigned char>(m_text[m_pos])) != 0 ||
                                         m_text[m_pos] == '-' || m_text[m_pos] == '_')) {
            ++m_pos;
        }
        if (m_pos == begin) fail("expected a name");
        return std::string(m_text.substr(begin, m_pos - begin));
    }
    // Character data up to `stop`, entities decoded.
    std::string characters(char stop)
    {
        std::string out;
        while (m_pos < m_text.size() && m_text[m_pos] != stop) {
            const char c = m_text[m_pos];
            if (c == '<') fail("raw '<'");
            if (c != '&') {
                out += c;
                ++m_pos;
                continue;
            }
            const std::size_t end = m_text.find(';', m_pos);
            if (end == std::string_view::npos) fail("unterminated entity");
            const std::string_view entity = m_text.substr(m_pos + 1, end - m_pos - 1);
            static const std::map<std::string_view, char> k_named{
                {"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"apos", '\''}};
            if (const auto named = k_named.find(entity); named != k_named.end()) {
                out += named->second;
            } else if (entity.size() > 1 && entity[0] == '#' &&
                       entity.find_first_not_of("0123456789", 1) == std::string_view::npos) {
                out += static_cast<char>(std::stoi(std::string(entity.substr(1))));
            } else {
                fail("unknown entity &" + std::string(entity) + ";");
            }
            m_pos = end + 1;
        }
        return out;
    }
    std::unique_ptr<Element> element()
    {
        skip_space();
        expect("<");
        auto out = std::make_unique<Element>();
        out->name = name();
        for (;;) {
            skip_space();
            if (m_text.substr(m_pos, 2) == "/>") {
                m_pos += 2;
                return out;
            }
            if (m_text.substr(m_pos, 1) == ">") {
                ++m_pos;
                break;
            }
            std::string key = name();
            expect("=\"");
            std::string value = characters('"');
            expect("\"");
            if (!out->attributes.emplace(std::move(key), std::move(value)).second) fail("repeated attribute");
        }
        for (;;) {
            out->text += characters('<');
            if (m_text.substr(m_pos, 2) == "</") {
                m_pos += 2;
                if (name() != out->name) fail("mismatched closing tag for " + out->name);
                expect(">");
                return out;
            }
            if (m_pos >= m_text.size()) fail("unclosed <" + out->name + ">");
            out->children.push_back(element());
        }
    }

    std::string_view m_text;
    std::size_t m_pos = 0;
};

std::unique_ptr<Element> junit(const CheckReport& report, Severity fail_on = Severity::error)
{
    RenderOptions options;
    options.fail_on = fail_on;
    const std::string xml = render_check(report, CheckFormat::junit, contra::test::sample_rules(), options);
    INFO(xml);
    return XmlReader(xml).document();
}

}  // namespace

TEST_CASE("junit: the reader used here rejects broken XML", "[check-output][junit]")
{
    const std::string head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    CHECK_NOTHROW(XmlReader(head + "<a x=\"1 &amp; 2\"><b/>t &lt; u</a>\n").document());
    CHECK_THROWS(XmlReader(head + "<a x=\"1 & 2\"/>").document());
    CHECK_THROWS(XmlReader(head + "<a>1 < 2</a>").document());
    CHECK_THROWS(XmlReader(head + "<a><b></a>").document());
    CHECK_THROWS(XmlReader(head + "<a>").document());
}

TEST_CASE("junit: a suite per draft, a case per finding, counts that add up", "[check-output][junit]")
{
    const auto root = junit(contra::test::sample_report());
    REQUIRE(root->name == "testsuites");
    const auto suites = root->all("testsuite");
    REQUIRE(suites.size() == 4);
    CHECK(suites[0]->at("name") == "drafts/durrës raid.md");
    CHECK(suites[1]->at("name") == "drafts/other.md");
    CHECK(suites[2]->at("name") == "drafts/none.md");
    CHECK(suites[3]->at("name") == "drafts/clean.md");

    // durrës: an error (failure), a warning (passes at --fail-on error), a suppressed one (skipped).
    CHECK(suites[0]->at("tests") == "3");
    CHECK(suites[0]->at("failures") == "1");
    CHECK(suites[0]->at("skipped") == "1");
    const auto cases = suites[0]->all("testcase");
    REQUIRE(cases.size() == 3);
    CHECK(cases[0]->at("name") == "unattributed-contested at drafts/durrës raid.md:3:5");
    CHECK(cases[0]->at("classname") == "drafts/durrës raid.md");
    const Element* failure = cases[0]->first("failure");
    REQUIRE(failure != nullptr);
    CHECK(failure->at("type") == "error");
    CHECK(failure->at("message") ==
          "the draft says \"police killed one man\" in its own voice, but: the Ministry <denies> it & the Council "
          "blames the police\n100% disputed");
    CHECK(failure->text.find("    Council (NCRI): \"he was killed during the police raid\" (NCRI: Durrës <raid> & "
                             "after)\n") != std::string::npos);
    CHECK(cases[1]->first("failure") == nullptr);
    REQUIRE(cases[1]->first("system-out") != nullptr);
    CHECK(cases[1]->first("system-out")->text.starts_with("drafts/durrës raid.md:5:1: warning one-sided:"));
    CHECK(cases[2]->first("skipped") != nullptr);
    CHECK(cases[2]->first("failure") == nullptr);

    // The clean draft and the one about no event pass, the note kept.
    for (const Element* suite : {suites[2], suites[3]}) {
        CHECK(suite->at("tests") == "1");
        CHECK(suite->at("failures") == "0");
        REQUIRE(suite->all("testcase").size() == 1);
        CHECK(suite->first("testcase")->children.empty());
    }
    REQUIRE(suites[2]->first("system-out") != nullptr);
    CHECK(suites[2]->first("system-out")->text.find("about no known event") != std::string::npos);

    CHECK(root->at("tests") == "7");
    CHECK(root->at("failures") == "3");
    CHECK(root->at("skipped") == "1");
    CHECK(root->at("errors") == "0");
}

TEST_CASE("junit: testcase names are unique, repeats get a number", "[check-output][junit]")
{
    const auto root = junit(contra::test::sample_report());
    std::set<std::string> names;
    std::size_t total = 0;
    for (const Element* suite : root->all("testsuite")) {
        for (const Element* test : suite->all("testcase")) {
            names.insert(test->at("name"));
            ++total;
        }
    }
    CHECK(names.size() == total);
    CHECK(names.contains("unsupported-figure at drafts/other.md:2:9"));
    CHECK(names.contains("unsupported-figure at drafts/other.md:2:9 (2)"));

    // Three at one place: the second and third are numbered.
    CheckReport report;
    for (int i = 0; i < 3; ++i) {
        report.findings.push_back(contra::test::sample_finding("x.md", "one-sided", Severity::error, 1, 1));
    }
    const auto repeated = junit(report);
    const auto cases = repeated->first("testsuite")->all("testcase");
    REQUIRE(cases.size() == 3);
    CHECK(cases[0]->at("name") == "one-sided at x.md:1:1");
    CHECK(cases[1]->at("name") == "one-sided at x.md:1:1 (2)");
    CHECK(cases[2]->at("name") == "one-sided at x.md:1:1 (3)");
}

TEST_CASE("junit: --fail-on decides which findings are failures", "[check-output][junit]")
{
    const auto strict = junit(contra::test::sample_report(), Severity::info);
    CHECK(strict->at("failures") == "4");
    const auto suite = strict->first("testsuite");
    CHECK(suite->all("testcase")[1]->first("failure")->at("type") == "warning");
}

TEST_CASE("junit: control characters never reach the XML", "[check-output][junit]")
{
    CheckReport report;
    report.findings.push_back(contra::test::sample_finding("x.md", "one-sided", Severity::error, 1, 1));
    report.findings[0].message = std::string("bell\x07 and escape\x1b here\tthere");
    const auto root = junit(report);
    const std::string message = root->first("testsuite")->first("testcase")->first("failure")->at("message");
    CHECK(message == "bell\xEF\xBF\xBD and escape\xEF\xBF\xBD here\tthere");
}

TEST_CASE("junit: line breaks are references in attributes, plain in element text", "[check-output][junit]")
{
    CheckReport report;
    report.findings.push_back(contra::test::sample_finding("x.md", "one-sided", Severity::error, 1, 1));
    report.findings[0].message = "first\nsecond";
    const std::string xml = render_check(report, CheckFormat::junit, contra::test::sample_rules(), RenderOptions{});
    CHECK(xml.find(R"(<failure message="first&#10;second" type="error">x.md:1:1: error one-sided: first second)" "\n"
                   "</failure>") != std::string::npos);
}
