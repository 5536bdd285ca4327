#include "extract/lexicon.hpp"

#include <fmt/format.h>
#include <toml++/toml.h>

#include <algorithm>
#include <filesystem>

namespace contra::detail::extraction {

namespace {

Location where(const toml::source_region& region, const std::string& path)
{
    return Location{path, static_cast<int>(region.begin.line), static_cast<int>(region.begin.column),
                    std::nullopt};
}

// One lexicon file: checks its documentation and keys, reads string lists.
class LexiconFile {
public:
    static Expected<LexiconFile> open(const std::string& path, std::vector<std::string_view> known)
    {
        LexiconFile file;
        file.m_path = path;
        try {
            file.m_table = toml::parse_file(path);
        } catch (const toml::parse_error& error) {
            return bad_input(std::string(error.description()), where(error.source(), path));
        }
        known.insert(known.end(), {"summary", "why", "example"});
        for (const auto& [key, node] : file.m_table) {
            if (std::ranges::find(known, key.str()) != known.end()) continue;
            std::string valid;
            for (auto name : known) valid += (valid.empty() ? "" : ", ") + std::string(name);
            return bad_input(fmt::format("unknown key '{}' (valid keys: {})", key.str(), valid),
                             where(key.source(), path));
        }
        for (std::string_view key : {"summary", "why", "example"}) {
            if (!file.m_table[key].is_string()) {
                return bad_input(fmt::format("a lexicon needs its documentation: '{}' is missing", key),
                                 Location{path, 1, 1, std::nullopt});
            }
        }
        return file;
    }

    // The strings of array `key` in `table` (the file's root by default).
    Expected<std::vector<std::string>> strings(std::string_view key, const toml::table* table = nullptr) const
    {
        const toml::table& in = table ? *table : m_table;
        std::vector<std::string> out;
        const toml::node* node = in.get(key);
        if (node == nullptr) return out;
        const toml::array* array = node->as_array();
        if (array == nullptr) return wrong(*node, key);
        for (const toml::node& element : *array) {
            auto value = element.value<std::string>();
            if (!value || value->empty()) return wrong(element, key);
            out.push_back(*value);
        }
        return out;
    }

    // Adds every phrase of array `key` to the table.
    Expected<void> add(PhraseTable& phrases, std::string_view key, Cue cue, int payload = 0,
                       const toml::table* table = nullptr) const
    {
        auto list = strings(key, table);
        if (!list) return std::unexpected(list.error());
        for (const auto& phrase : *list) phrases.add(phrase, cue, payload);
        return {};
    }

    Expected<void> add_words(WordSet& set, std::string_view key) const
    {
        auto list = strings(key);
        if (!list) return std::unexpected(list.error());
        for (const auto& phrase : *list) {
            for (const auto& word : phrase_words(phrase)) set.insert(word);
        }
        return {};
    }

    // Each table of array `key`: its `name_key` string and its `phrases`.
    Expected<std::vector<std::pair<std::string, std::vector<std::string>>>> named(std::string_view key,
                                                                                  std::string_view name_key) const
    {
        std::vector<std::pair<std::string, std::vector<std::string>>> out;
        const toml::node* node = m_table.get(key);
        if (node == nullptr) return out;
        const toml::array* array = node->as_array();
        if (array == nullptr) return wrong(*node, key);
        for (const toml::node& element : *array) {
            const toml::table* table = element.as_table();
            if (table == nullptr) return wrong(element, key);
            auto name = (*table)[name_key].value<std::string>();
            if (!name) {
                return bad_input(fmt::format("[[{}]] needs a '{}' string", key, name_key),
                                 where(element.source(), m_path));
            }
            auto phrases = strings("phrases", table);
            if (!phrases) return std::unexpected(phrases.error());
            out.emplace_back(*name, std::move(*phrases));
        }
        return out;
    }

    [[nodiscard]] const toml::table& table() const { return m_table; }
    [[nodiscard]] const std::string& path() const { return m_path; }

private:
    std::unexpected<Error> wrong(const toml::node& node, std::string_view key) const
    {
        return bad_input(fmt::format("'{}' must be an array of non-empty strings", key),
                         where(node.source(), m_path));
    }

    std::string m_path;
    toml::table m_table;
};

#define CONTRA_TRY(expr)                                                  \
    do {                                                                  \
        if (auto result_ = (expr); !result_) return std::unexpected(result_.error()); \
    } while (false)

}  // namespace

void PhraseTable::add(std::string_view phrase, Cue cue, int payload)
{
    std::vector<std::string> words;
    std::size_t i = 0;
    while (i < phrase.size()) {
        auto space = phrase.find(' ', i);
        if (space == std::string_view::npos) space = phrase.size();
        auto part = phrase.substr(i, space - i);
        if (part == "#year") {
            words.emplace_back(part);  // no word of text folds to it: "#" is punctuation
        } else if (!part.empty()) {
            for (auto& word : phrase_words(part)) words.push_back(std::move(word));
        }
        i = space + 1;
    }
    if (words.empty() || words.front() == "#year") return;
    m_phrases.push_back(Phrase{std::move(words), cue, payload});
}

void PhraseTable::compile(WordIndex& vocabulary)
{
    m_first_of.clear();
    m_by_first.clear();
    for (const Phrase& phrase : m_phrases) {
        std::vector<std::uint32_t> words;
        words.reserve(phrase.words.size());
        for (const auto& word : phrase.words) words.push_back(word == "#year" ? k_year : vocabulary.insert(word));
        if (m_first_of.size() <= words.front()) m_first_of.resize(words.front() + 1, WordIndex::k_none);
        std::uint32_t& first = m_first_of[words.front()];
        if (first == WordIndex::k_none) {
            first = static_cast<std::uint32_t>(m_by_first.size());
            m_by_first.emplace_back();
        }
        m_by_first[first].entries.push_back(Entry{std::move(words), phrase.cue, phrase.payload});
    }
    for (FirstWord& first : m_by_first) {
        std::ranges::stable_sort(first.entries,
                                 [](const Entry& a, const Entry& b) { return a.words.size() > b.words.size(); });
        first.index();
    }
}

void PhraseTable::FirstWord::index()
{
    any_second.clear();
    by_second.clear();
    for (std::uint32_t e = 0; e < entries.size(); ++e) {
        const std::vector<std::uint32_t>& words = entries[e].words;
        if (words.size() < 2 || words[1] == k_year) {
            any_second.push_back(e);
            continue;
        }
        auto at = std::ranges::lower_bound(by_second, words[1], {}, [](const auto& group) { return group.first; });
        if (at == by_second.end() || at->first != words[1]) at = by_second.insert(at, {words[1], {}});
        at->second.push_back(e);
    }
}

// True when phrase word `word` (a number, or k_year) matches `token`, whose
// number is `number`.
bool PhraseTable::word_matches(std::uint32_t word, std::uint32_t number, const WordToken& token)
{
    return word == k_year ? year_of(token).has_value() : word == number;
}

void PhraseTable::scan(std::span<const WordToken> tokens, std::vector<PhraseMatch>& out) const
{
    out.clear();
    const std::size_t n = tokens.size();
    static const std::vector<std::uint32_t> k_no_entries;
    // Locals: a push_back to `out` might, for all the compiler knows, move
    // the tables, whose sizes and data it would then read again at every
    // token; most tokens start no phrase and need nothing else.
    const std::uint32_t* const first_of = m_first_of.data();
    const std::size_t words = m_first_of.size();
    for (std::size_t i = 0; i < n; ++i) {
        const std::uint32_t entry = tokens[i].entry;
        if (entry >= words || first_of[entry] == WordIndex::k_none) continue;
        const FirstWord& phrases = m_by_first[first_of[entry]];
        const std::uint32_t number = i + 1 < n ? tokens[i + 1].entry : WordIndex::k_none;
        // The candidates, in the entries' order: those any next word may
        // continue, merged with those the next word continues.
        const std::vector<std::uint32_t>* seconds = &k_no_entries;
        if (number != WordIndex::k_none) {
            auto at = std::ranges::lower_bound(phrases.by_second, number, {},
                                               [](const auto& group) { return group.first; });
            if (at != phrases.by_second.end() && at->first == number) seconds = &at->second;
        }
        const std::size_t first_match = out.size();
        auto any = phrases.any_second.begin();
        auto next = seconds->begin();
        while (any != phrases.any_second.end() || next != seconds->end()) {
            const bool take_any = next == seconds->end() || (any != phrases.any_second.end() && *any < *next);
            const Entry& entry = phrases.entries[take_any ? *any++ : *next++];
            const std::size_t size = entry.words.size();
            if (i + size > n) continue;
            if (size > 1 && !word_matches(entry.words[1], number, tokens[i + 1])) continue;
            bool all = true;
            for (std::size_t k = 2; k < size && all; ++k) {
                all = word_matches(entry.words[k], tokens[i + k].entry, tokens[i + k]);
            }
            if (!all) continue;
            // Entries are longest first: keep only the first match per cue.
            bool seen = false;
            for (std::size_t m = first_match; m < out.size(); ++m) seen = seen || out[m].cue == entry.cue;
            if (seen) continue;
            out.push_back(PhraseMatch{static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(size), entry.cue,
                                      entry.payload});
        }
    }
}

void WordSet::compile(WordIndex& vocabulary)
{
    std::vector<std::uint32_t> numbers;
    numbers.reserve(m_words.size());
    for (const auto& word : m_words) numbers.push_back(vocabulary.insert(word));
    m_members.assign(vocabulary.size(), false);
    for (const std::uint32_t number : numbers) m_members[number] = true;
}

void Lexicon::look_up(std::span<WordToken> tokens) const
{
    for (WordToken& token : tokens) token.entry = vocabulary.find(token.word);
}

int Lexicon::attribute_index(std::string_view name) const
{
    auto found = std::ranges::find(attributes, name);
    return found == attributes.end() ? -1 : static_cast<int>(found - attributes.begin());
}

Expected<Lexicon> Lexicon::load(const std::string& dir,
                                const std::map<std::string, AttributeSpec, std::less<>>& attribute_specs)
{
    namespace fs = std::filesystem;
    auto path = [&](std::string_view name) { return (fs::path(dir) / name).string(); };
    Lexicon lexicon;
    PhraseTable& phrases = lexicon.phrases;

    auto counts = LexiconFile::open(path("counts.toml"),
                                    {"extra_triggers", "ignored_triggers", "after_links", "out_of_scope", "explanations",
                                     "retractions", "retracts_before", "partial_degrees", "light_words", "part_of", "part_links", "partitive", "months", "month_links", "patient_verbs",
                                     "patient_nouns", "to_hospital", "hospital_words", "carry_verbs", "additions", "bare_links", "people_nouns", "persons",
                                     "person_ordinals", "person_links", "doer_verbs", "restating", "measures", "participle_triggers",
                                     "year_before", "calendar_months", "group"});
    if (!counts) return std::unexpected(counts.error());
    auto ignored = counts->strings("ignored_triggers");
    if (!ignored) return std::unexpected(ignored.error());
    for (const auto& [name, spec] : attribute_specs) {
        if (spec.kind != ValueKind::count) continue;
        const int index = static_cast<int>(lexicon.attributes.size());
        lexicon.attributes.push_back(name);
        lexicon.harm.push_back(false);
        for (const auto& trigger : spec.triggers) {
            if (std::ranges::find(*ignored, trigger) == ignored->end()) phrases.add(trigger, Cue::trigger, index);
        }
    }

    auto attribution = LexiconFile::open(path("attribution.toml"),
                                         {"verbs", "denial_verbs", "prefixes", "pronouns", "document_references",
                                          "adverbs", "speaker_words", "not_speaker", "determiners", "possessive_figures",
                                          "table_source_headers", "colon_leads", "figure_verbs", "named_verbs", "focus_roles",
                                          "claim_labels", "claim_carriers", "claim_authored"});
    if (!attribution) return std::unexpected(attribution.error());
    CONTRA_TRY(attribution->add(phrases, "verbs", Cue::verb));
    CONTRA_TRY(attribution->add(phrases, "named_verbs", Cue::verb, k_named_verb));
    CONTRA_TRY(attribution->add(phrases, "denial_verbs", Cue::denial_verb));
    CONTRA_TRY(attribution->add(phrases, "prefixes", Cue::prefix));
    CONTRA_TRY(attribution->add(phrases, "pronouns", Cue::pronoun));
    CONTRA_TRY(attribution->add(phrases, "document_references", Cue::document_ref));
    CONTRA_TRY(attribution->add_words(lexicon.adverbs, "adverbs"));
    CONTRA_TRY(attribution->add_words(lexicon.speaker_words, "speaker_words"));
    CONTRA_TRY(attribution->add_words(lexicon.not_speaker, "not_speaker"));
    CONTRA_TRY(attribution->add_words(lexicon.determiners, "determiners"));
    CONTRA_TRY(attribution->add_words(lexicon.possessive_figures, "possessive_figures"));
    CONTRA_TRY(attribution->add_words(lexicon.colon_leads, "colon_leads"));
    CONTRA_TRY(attribution->add_words(lexicon.figure_verbs, "figure_verbs"));
    CONTRA_TRY(attribution->add_words(lexicon.focus_roles, "focus_roles"));
    for (auto [key, list] : {std::pair{"table_source_headers", &lexicon.table_source_headers},
                             std::pair{"claim_labels", &lexicon.claim_labels},
                             std::pair{"claim_carriers", &lexicon.claim_carriers},
                             std::pair{"claim_authored", &lexicon.claim_authored}}) {
        auto strings = attribution->strings(key);
        if (!strings) return std::unexpected(strings.error());
        *list = std::move(*strings);
    }

    auto negation = LexiconFile::open(path("negation.toml"), {"words"});
    if (!negation) return std::unexpected(negation.error());
    CONTRA_TRY(negation->add(phrases, "words", Cue::negation));

    auto hedges = LexiconFile::open(path("hedges.toml"), {"phrases"});
    if (!hedges) return std::unexpected(hedges.error());
    CONTRA_TRY(hedges->add(phrases, "phrases", Cue::hedge));

    auto responsibility = LexiconFile::open(path("responsibility.toml"),
                                            {"harm_attributes", "states", "blame_verbs", "purpose_blame_verbs",
                                             "pointing_phrases", "direct_links",
                                             "implied_links", "denial_objects", "denied_sayings", "denied_pronouns", "pronoun_closers", "instruments", "modifiers", "bodies",
                                             "vague_bodies", "self_links", "denied_states", "harm_objects",
                                             "violence_verbs", "circumstance_violence_verbs", "neglect_verbs", "agent"});
    if (!responsibility) return std::unexpected(responsibility.error());
    auto harm = responsibility->strings("harm_attributes");
    if (!harm) return std::unexpected(harm.error());
    for (const auto& name : *harm) {
        const int index = lexicon.attribute_index(name);
        if (index < 0) {
            return bad_input(fmt::format("harm attribute '{}' is not a count attribute of rules/attributes.toml", name),
                             Location{responsibility->path(), 1, 1, std::nullopt});
        }
        lexicon.harm[static_cast<std::size_t>(index)] = true;
    }
    CONTRA_TRY(responsibility->add(phrases, "states", Cue::state));
    CONTRA_TRY(responsibility->add(phrases, "denied_states", Cue::state, 1));
    CONTRA_TRY(responsibility->add(phrases, "blame_verbs", Cue::blame));
    CONTRA_TRY(responsibility->add(phrases, "purpose_blame_verbs", Cue::blame, k_purpose_blame));
    CONTRA_TRY(responsibility->add(phrases, "pointing_phrases", Cue::blame, k_pointing_blame));
    CONTRA_TRY(responsibility->add(phrases, "direct_links", Cue::direct_link));
    CONTRA_TRY(responsibility->add(phrases, "implied_links", Cue::implied_link));
    CONTRA_TRY(responsibility->add(phrases, "denial_objects", Cue::denial_object));
    CONTRA_TRY(responsibility->add(phrases, "denied_sayings", Cue::denial_object, k_denied_saying));
    CONTRA_TRY(responsibility->add(phrases, "denied_pronouns", Cue::denial_object, k_denied_pronoun));
    CONTRA_TRY(responsibility->add_words(lexicon.pronoun_closers, "pronoun_closers"));
    CONTRA_TRY(responsibility->add(phrases, "instruments", Cue::instrument));
    CONTRA_TRY(responsibility->add(phrases, "violence_verbs", Cue::violence));
    CONTRA_TRY(responsibility->add(phrases, "circumstance_violence_verbs", Cue::violence, k_circumstance_only));
    CONTRA_TRY(responsibility->add(phrases, "neglect_verbs", Cue::violence, k_neglect));
    CONTRA_TRY(responsibility->add_words(lexicon.modifiers, "modifiers"));
    CONTRA_TRY(responsibility->add_words(lexicon.bodies, "bodies"));
    CONTRA_TRY(responsibility->add_words(lexicon.vague_bodies, "vague_bodies"));
    CONTRA_TRY(responsibility->add_words(lexicon.self_links, "self_links"));
    CONTRA_TRY(responsibility->add_words(lexicon.harm_objects, "harm_objects"));
    auto agents = responsibility->named("agent", "id");
    if (!agents) return std::unexpected(agents.error());
    for (const auto& [id, list] : *agents) {
        const int index = static_cast<int>(lexicon.agents.size());
        lexicon.agents.push_back(id);
        for (const auto& phrase : list) phrases.add(phrase, Cue::agent, index);
    }

    if (const toml::table* extra = counts->table()["extra_triggers"].as_table()) {
        for (const auto& [key, node] : *extra) {
            const int index = lexicon.attribute_index(key.str());
            if (index < 0) {
                return bad_input(fmt::format("extra_triggers: '{}' is not a count attribute", key.str()),
                                 where(key.source(), counts->path()));
            }
            CONTRA_TRY(counts->add(phrases, key.str(), Cue::trigger, index, extra));
        }
    }
    CONTRA_TRY(counts->add(phrases, "after_links", Cue::after_link));
    CONTRA_TRY(counts->add(phrases, "out_of_scope", Cue::out_of_scope));
    CONTRA_TRY(counts->add(phrases, "year_before", Cue::out_of_scope, k_year_before));
    auto months = counts->strings("calendar_months");
    if (!months) return std::unexpected(months.error());
    for (const auto& month : *months) phrases.add("since " + month, Cue::out_of_scope, 0);
    lexicon.calendar_months = std::move(*months);
    CONTRA_TRY(counts->add(phrases, "explanations", Cue::explanation));
    CONTRA_TRY(counts->add(phrases, "retractions", Cue::retraction));
    CONTRA_TRY(counts->add(phrases, "retracts_before", Cue::retraction, k_retracts_before));
    CONTRA_TRY(counts->add(phrases, "restating", Cue::restating));
    CONTRA_TRY(counts->add_words(lexicon.measures, "measures"));
    CONTRA_TRY(counts->add_words(lexicon.participle_triggers, "participle_triggers"));
    CONTRA_TRY(counts->add_words(lexicon.partial_degrees, "partial_degrees"));
    CONTRA_TRY(counts->add_words(lexicon.light_words, "light_words"));
    CONTRA_TRY(counts->add_words(lexicon.part_of, "part_of"));
    CONTRA_TRY(counts->add_words(lexicon.part_links, "part_links"));
    CONTRA_TRY(counts->add_words(lexicon.partitive, "partitive"));
    CONTRA_TRY(counts->add_words(lexicon.months, "months"));
    CONTRA_TRY(counts->add_words(lexicon.month_links, "month_links"));
    CONTRA_TRY(counts->add_words(lexicon.persons, "persons"));
    CONTRA_TRY(counts->add_words(lexicon.person_links, "person_links"));
    CONTRA_TRY(counts->add_words(lexicon.doer_verbs, "doer_verbs"));
    CONTRA_TRY(counts->add_words(lexicon.person_ordinals, "person_ordinals"));
    CONTRA_TRY(counts->add_words(lexicon.bare_links, "bare_links"));
    CONTRA_TRY(counts->add_words(lexicon.people_nouns, "people_nouns"));
    lexicon.injuries = lexicon.attribute_index("injuries");
    if (lexicon.injuries >= 0) {
        CONTRA_TRY(counts->add(phrases, "patient_verbs", Cue::patient_verb, lexicon.injuries));
        CONTRA_TRY(counts->add(phrases, "to_hospital", Cue::to_hospital, lexicon.injuries));
        CONTRA_TRY(counts->add_words(lexicon.patient_nouns, "patient_nouns"));
        CONTRA_TRY(counts->add_words(lexicon.hospital_words, "hospital_words"));
        CONTRA_TRY(counts->add_words(lexicon.carry_verbs, "carry_verbs"));
        CONTRA_TRY(counts->add_words(lexicon.additions, "additions"));
    }
    auto groups = counts->named("group", "name");
    if (!groups) return std::unexpected(groups.error());
    for (const auto& [name, list] : *groups) {
        const int index = static_cast<int>(lexicon.groups.size());
        lexicon.groups.push_back(name);
        for (const auto& phrase : list) phrases.add(phrase, Cue::group, index);
    }
    phrases.compile(lexicon.vocabulary);
    for (WordSet* set : {&lexicon.speaker_words, &lexicon.not_speaker, &lexicon.determiners, &lexicon.adverbs,
                         &lexicon.possessive_figures, &lexicon.colon_leads, &lexicon.figure_verbs, &lexicon.focus_roles, &lexicon.harm_objects,
                         &lexicon.modifiers, &lexicon.bodies, &lexicon.vague_bodies, &lexicon.partial_degrees, &lexicon.pronoun_closers,
                         &lexicon.light_words, &lexicon.part_of, &lexicon.part_links, &lexicon.partitive, &lexicon.months, &lexicon.month_links, &lexicon.patient_nouns, &lexicon.hospital_words, &lexicon.carry_verbs,
                         &lexicon.additions, &lexicon.bare_links, &lexicon.people_nouns, &lexicon.persons, &lexicon.person_links, &lexicon.doer_verbs,
                         &lexicon.person_ordinals, &lexicon.self_links,
                         &lexicon.measures, &lexicon.participle_triggers}) {
        set->compile(lexicon.vocabulary);
    }
    return lexicon;
}

}  // namespace contra::detail::extraction
