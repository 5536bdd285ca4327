#include "rules/registry.hpp"

#include "rules/agent_conflict.hpp"
#include "rules/category_conflict.hpp"
#include "rules/count_conflict.hpp"
#include "rules/draft/certainty_on_contested.hpp"
#include "rules/draft/misattribution.hpp"
#include "rules/draft/one_sided.hpp"
#include "rules/draft/unattributed_contested.hpp"
#include "rules/draft/unsupported_figure.hpp"
#include "rules/party_only.hpp"
#include "rules/revision.hpp"
#include "rules/self_inconsistency.hpp"

#include <algorithm>
#include <array>
#include <vector>

namespace contra::detail {

namespace {

template <class Kind>
std::unique_ptr<CompareRule> make_compare(RuleInfo info, RuleReader& reader)
{
    auto params = Kind::read(reader);
    if (!reader.ok()) return nullptr;
    info.parameters = reader.parameters();
    return std::make_unique<Kind>(std::move(info), std::move(params));
}

template <class Kind>
constexpr KindEntry compare_kind(Severity severity, std::string_view message)
{
    return KindEntry{RuleKindInfo{Kind::k_name, RuleFamily::compare, Kind::k_summary}, severity, message,
                     &make_compare<Kind>};
}

template <class Kind>
std::unique_ptr<DraftRule> make_draft(RuleInfo info, RuleReader& reader)
{
    auto message = DraftMessage::compile(info.message);
    if (!message) reader.error(reader.key_location("message"), message.error().message);
    auto params = Kind::read(reader);
    if (!reader.ok()) return nullptr;
    info.parameters = reader.parameters();
    return std::make_unique<Kind>(std::move(info), std::move(*message), std::move(params));
}

template <class Kind>
constexpr KindEntry draft_kind(Severity severity, std::string_view message)
{
    return KindEntry{RuleKindInfo{Kind::k_name, RuleFamily::draft, Kind::k_summary}, severity, message, nullptr,
                     &make_draft<Kind>};
}

// THE list of kinds, sorted by name. Draft kinds (family draft, checking a
// draft against the claims) join this same list when they exist.
const std::array k_kinds = {
    compare_kind<AgentConflict>(Severity::error,
                                "{a.source} denies that {agent} bear responsibility; {b.source} holds "
                                "{agent} responsible"),
    compare_kind<CategoryConflict>(Severity::warning, "{a.source} gives {a.value} as the {attribute}, "
                                                      "{b.source} gives {b.value}"),
    draft_kind<CertaintyOnContested>(Severity::warning,
                                     "'{word}' presents {value} ({attribute}) as settled, but the accounts "
                                     "disagree: {accounts}"),
    compare_kind<CountConflict>(Severity::error,
                                "{a.source} gives {a.value} for {attribute}, {b.source} gives {b.value}"),
    draft_kind<Misattribution>(Severity::error,
                               "the draft has {source} give {value} for {attribute}, which its accounts do not "
                               "hold: {accounts}"),
    draft_kind<OneSided>(Severity::warning,
                         "the draft gives {source}'s account of {attribute} ({value}) and leaves out {accounts}"),
    compare_kind<PartyOnly>(Severity::warning,
                            "only parties to the event speak to {attribute}, such as {a.source}"),
    compare_kind<Revision>(Severity::info, "{a.source} revised {attribute} from {a.value} to {b.value}"),
    compare_kind<SelfInconsistency>(Severity::warning,
                                    "{a.source} gives both {a.value} and {b.value} for {attribute} on the "
                                    "same day"),
    draft_kind<UnattributedContested>(Severity::error,
                                      "the draft states {value} ({attribute}) in its own voice, but the sources "
                                      "disagree: {accounts}"),
    draft_kind<UnsupportedFigure>(Severity::error,
                                  "no source gives a figure like {value} for {attribute}; the accounts give "
                                  "{accounts}"),
};

}  // namespace

std::span<const KindEntry> kind_entries()
{
    return k_kinds;
}

const KindEntry* find_kind(std::string_view name)
{
    const auto it = std::lower_bound(k_kinds.begin(), k_kinds.end(), name,
                                     [](const KindEntry& entry, std::string_view key) { return entry.info.name < key; });
    return it != k_kinds.end() && it->info.name == name ? &*it : nullptr;
}

}  // namespace contra::detail

namespace contra {

std::span<const RuleKindInfo> rule_kinds()
{
    static const std::vector<RuleKindInfo> kinds = [] {
        std::vector<RuleKindInfo> out;
        for (const auto& entry : detail::kind_entries()) out.push_back(entry.info);
        return out;
    }();
    return kinds;
}

}  // namespace contra
