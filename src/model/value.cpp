#include <contra/value.hpp>

#include <fmt/core.h>

#include <string>

namespace contra {

namespace {

template <class... Ts>
struct Overloaded : Ts... {
    using Ts::operator()...;
};

std::string count_text(const Count& count)
{
    if (!count.hi) return fmt::format("{} or more", count.lo);
    if (*count.hi == count.lo) return fmt::format("{}", count.lo);
    return fmt::format("{}–{}", count.lo, *count.hi);
}

}  // namespace

std::string Value::canonical() const
{
    // Built by appending, not formatting: every extracted claim's fingerprint holds it.
    return std::visit(
        Overloaded{
            [](const Count& c) {
                std::string text = "count:" + std::to_string(c.lo) + '-';
                if (c.hi) text += std::to_string(*c.hi);
                return text;
            },
            [](const Agent& a) {
                return "agent:" + a.agent + (a.responsible ? ":true:" : ":false:") + a.for_attribute;
            },
            [](const Category& c) { return "category:" + c.name; },
            [](const DateRange& d) { return "date:" + d.first + '/' + d.last; },
            [](const Text& t) { return "text:" + t.text; },
        },
        data);
}

std::string Value::display() const
{
    if (!wording.empty()) return wording;
    return std::visit(
        Overloaded{
            [](const Count& c) { return count_text(c); },
            [](const Agent& a) {
                std::string text = a.responsible ? a.agent + " responsible" : a.agent + " not responsible";
                if (!a.for_attribute.empty()) text += " for " + a.for_attribute;
                return text;
            },
            [](const Category& c) { return c.name; },
            [](const DateRange& d) { return d.first == d.last ? d.first : d.first + " to " + d.last; },
            [](const Text& t) { return t.text; },
        },
        data);
}

}  // namespace contra
