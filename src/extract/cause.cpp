#include "extract/cause.hpp"

#include <fmt/format.h>
#include <toml++/toml.h>

#include <algorithm>
#include <array>
#include <filesystem>

namespace contra::detail::extraction {

namespace {

// The phrase table keeps one match per position and cue, so each kind of
// phrase is filed under a cue of its own; the payload is the index within it.
constexpr std::array k_tags{Cue::trigger, Cue::after_link, Cue::negation, Cue::verb, Cue::prefix, Cue::blame,
                            Cue::group, Cue::hedge};

constexpr std::uint32_t k_harm_window = 12;   // tokens from a harm trigger to its cause
constexpr std::uint32_t k_subject_window = 10; // tokens from a cause to the harm verb it is the subject of
constexpr std::uint32_t k_verb_window = 3;    // tokens between an effect or a cause and its verb
constexpr std::uint32_t k_object_window = 6;  // tokens from a verb to the cause or effect it governs
constexpr std::uint32_t k_zero_window = 6;    // tokens before a trigger where "no one" makes it a zero
constexpr std::uint32_t k_contrast_window = 6; // tokens from a cause to a ", not by ..." after it

Location at(const toml::source_region& region, const std::string& path)
{
    return Location{path, static_cast<int>(region.begin.line), static_cast<int>(region.begin.column), std::nullopt};
}

// The non-empty strings of array `key` in `table`; missing is empty.
Expected<std::vector<std::string>> string_list(const toml::table& table, std::string_view key, const std::string& path)
{
    std::vector<std::string> out;
    const toml::node* node = table.get(key);
    if (node == nullptr) return out;
    const toml::array* array = node->as_array();
    auto wrong = [&](const toml::node& where) {
        return bad_input(fmt::format("'{}' must be an array of non-empty strings", key), at(where.source(), path));
    };
    if (array == nullptr) return wrong(*node);
    for (const toml::node& element : *array) {
        auto text = element.value<std::string>();
        if (!text || text->empty()) return wrong(element);
        out.push_back(std::move(*text));
    }
    return out;
}

// Rejects a key outside `known`, naming the valid ones.
Expected<void> known_keys(const toml::table& table, std::initializer_list<std::string_view> known,
                          const std::string& path)
{
    for (const auto& [key, node] : table) {
        if (std::ranges::find(known, key.str()) != known.end()) continue;
        std::string valid;
        for (auto name : known) valid += (valid.empty() ? "" : ", ") + std::string(name);
        return bad_input(fmt::format("unknown key '{}' (valid keys: {})", key.str(), valid), at(key.source(), path));
    }
    return {};
}

}  // namespace

Expected<CauseFinder> CauseFinder::load(const std::string& dir)
{
    const std::string path = (std::filesystem::path(dir) / "cause.toml").string();
    toml::table root;
    try {
        root = toml::parse_file(path);
    } catch (const toml::parse_error& error) {
        return bad_input(std::string(error.description()), at(error.source(), path));
    }
    if (auto ok = known_keys(root, {"summary", "why", "example", "harm_links", "zero_words", "subject_verbs",
                                    "passive_verbs", "active_verbs", "comma_openers", "effect", "cue"}, path);
        !ok) {
        return std::unexpected(ok.error());
    }
    for (std::string_view key : {"summary", "why", "example"}) {
        if (!root[key].is_string()) {
            return bad_input(fmt::format("a lexicon needs its documentation: '{}' is missing", key),
                             Location{path, 1, 1, std::nullopt});
        }
    }

    CauseFinder finder;
    auto add = [&](Kind kind, std::string_view phrase, std::size_t index) {
        finder.m_phrases.add(phrase, k_tags[static_cast<std::size_t>(kind)], static_cast<int>(index));
    };
    const std::array<std::pair<std::string_view, Kind>, 6> lists{{{"harm_links", Kind::harm_link},
                                                                  {"zero_words", Kind::zero},
                                                                  {"subject_verbs", Kind::subject_verb},
                                                                  {"passive_verbs", Kind::passive_verb},
                                                                  {"active_verbs", Kind::active_verb},
                                                                  {"comma_openers", Kind::comma_opener}}};
    for (const auto& [key, kind] : lists) {
        auto phrases = string_list(root, key, path);
        if (!phrases) return std::unexpected(phrases.error());
        for (const auto& phrase : *phrases) add(kind, phrase, 0);
    }

    // [[effect]] and [[cue]]: arrays of tables, each checked for its keys.
    auto tables = [&](std::string_view key) -> Expected<std::vector<const toml::table*>> {
        std::vector<const toml::table*> out;
        const toml::node* node = root.get(key);
        if (node == nullptr) return out;
        const toml::array* array = node->as_array();
        if (array == nullptr) return bad_input(fmt::format("'{}' must be an array of tables", key), at(node->source(), path));
        for (const toml::node& element : *array) {
            const toml::table* table = element.as_table();
            if (table == nullptr) return bad_input(fmt::format("'{}' must be an array of tables", key), at(element.source(), path));
            out.push_back(table);
        }
        return out;
    };
    auto required = [&](const toml::table& table, std::string_view key, std::string_view in) -> Expected<std::string> {
        auto text = table[key].value<std::string>();
        if (!text || text->empty()) return bad_input(fmt::format("[[{}]] needs a '{}' string", in, key), at(table.source(), path));
        return *text;
    };

    auto effects = tables("effect");
    if (!effects) return std::unexpected(effects.error());
    for (const toml::table* table : *effects) {
        if (auto ok = known_keys(*table, {"name", "phrases"}, path); !ok) return std::unexpected(ok.error());
        auto name = required(*table, "name", "effect");
        if (!name) return std::unexpected(name.error());
        auto phrases = string_list(*table, "phrases", path);
        if (!phrases) return std::unexpected(phrases.error());
        for (const auto& phrase : *phrases) add(Kind::effect, phrase, finder.m_effects.size());
        finder.m_effects.push_back(std::move(*name));
    }

    auto cues = tables("cue");
    if (!cues) return std::unexpected(cues.error());
    if (cues->empty()) return bad_input("the cause lexicon has no [[cue]]", Location{path, 1, 1, std::nullopt});
    for (const toml::table* table : *cues) {
        if (auto ok = known_keys(*table, {"category", "phrases", "harm", "reason"}, path); !ok) {
            return std::unexpected(ok.error());
        }
        auto category = required(*table, "category", "cue");
        if (!category) return std::unexpected(category.error());
        if (auto reason = required(*table, "reason", "cue"); !reason) return std::unexpected(reason.error());
        auto phrases = string_list(*table, "phrases", path);
        if (!phrases) return std::unexpected(phrases.error());
        if (phrases->empty()) return bad_input("[[cue]] needs at least one phrase", at(table->source(), path));

        CueInfo info;
        auto known = std::ranges::find(finder.m_categories, *category);
        info.category = static_cast<int>(known - finder.m_categories.begin());
        if (known == finder.m_categories.end()) finder.m_categories.push_back(*category);
        if (const toml::node* harm = table->get("harm")) {
            const auto name = harm->value<std::string>();
            if (!name || (*name != "deaths" && *name != "injuries")) {
                return bad_input("'harm' must be \"deaths\" or \"injuries\"", at(harm->source(), path));
            }
            auto found = std::ranges::find(finder.m_harms, *name);
            info.harm = static_cast<int>(found - finder.m_harms.begin());
            if (found == finder.m_harms.end()) finder.m_harms.push_back(*name);
        }
        for (const auto& phrase : *phrases) add(Kind::cause, phrase, finder.m_cues.size());
        finder.m_cues.push_back(info);
    }
    return finder;
}

// The work on one sentence.
class CauseSentence {
public:
    CauseSentence(const CauseFinder& finder, std::string_view text, const SentenceView& s, const Lexicon& lexicon,
                  const std::optional<Attribution>& attribution, std::vector<SentenceClaim>& out)
        : m_finder(finder), m_text(text), m_s(s), m_lexicon(lexicon), m_attribution(attribution), m_out(out),
          m_first(out.size())
    {
    }

    void run()
    {
        for (const auto& match : m_s.matches) {
            // A withdrawn statement states nothing.
            if (match.cue == Cue::retraction && match.payload != k_retracts_before) return;
        }
        thread_local std::vector<PhraseMatch> matches;
        m_finder.m_phrases.scan(m_s.tokens, matches);
        m_matches = matches;
        thread_local std::vector<const PhraseMatch*> causes;
        causes.clear();
        // Overlapping cues: the longer stands ("exchanged fire" over "fire").
        for (const auto& match : m_matches) {
            if (kind(match) != CauseFinder::Kind::cause) continue;
            if (!causes.empty() && match.pos < causes.back()->end()) {
                if (match.len > causes.back()->len) causes.back() = &match;
                continue;
            }
            causes.push_back(&match);
        }
        m_causes = causes;

        for (const auto& trigger : m_s.matches) {
            if (trigger.cue == Cue::trigger && m_lexicon.harm[static_cast<std::size_t>(trigger.payload)]) {
                harm_claims(trigger);
            }
        }
        for (const PhraseMatch* cause : m_causes) {
            self_harm_claim(*cause);
            subject_claim(*cause);
        }
        for (const auto& match : m_matches) {
            if (kind(match) == CauseFinder::Kind::passive_verb) passive_claim(match);
            if (kind(match) == CauseFinder::Kind::active_verb) active_claim(match);
        }
        drop_contradicted_denials();
    }

private:
    using Kind = CauseFinder::Kind;

    [[nodiscard]] static Kind kind(const PhraseMatch& match)
    {
        const auto found = std::ranges::find(k_tags, match.cue);
        return static_cast<Kind>(found - k_tags.begin());
    }
    [[nodiscard]] const PhraseMatch* mine(std::uint32_t pos, Kind wanted) const
    {
        for (const auto& match : m_matches) {
            if (match.pos == pos && kind(match) == wanted) return &match;
            if (match.pos > pos) break;
        }
        return nullptr;
    }
    [[nodiscard]] const PhraseMatch* cause_at(std::uint32_t pos) const
    {
        for (const PhraseMatch* cause : m_causes) {
            if (cause->pos == pos) return cause;
        }
        return nullptr;
    }
    [[nodiscard]] bool main_cue(Cue cue, std::uint32_t from, std::uint32_t to) const
    {
        return std::ranges::any_of(m_s.matches, [&](const PhraseMatch& m) { return m.cue == cue && m.pos >= from && m.pos < to; });
    }
    [[nodiscard]] std::uint32_t size() const { return static_cast<std::uint32_t>(m_s.tokens.size()); }
    // The first token of the clause of `t` and the token after its end.
    [[nodiscard]] std::uint32_t clause_start(std::uint32_t t) const
    {
        while (t > 0 && !m_s.is_break(t - 1)) --t;
        return t;
    }
    [[nodiscard]] std::uint32_t clause_end(std::uint32_t t) const
    {
        while (t < size() && !m_s.is_break(t)) ++t;
        return t;
    }
    [[nodiscard]] bool clear(std::uint32_t from, std::uint32_t to) const
    {
        for (auto t = from; t < to; ++t) {
            if (m_s.is_break(t)) return false;
        }
        return true;
    }

    // "No one was killed when ...": nobody was harmed.
    [[nodiscard]] bool zero_before(std::uint32_t trigger) const
    {
        const std::uint32_t from = std::max(clause_start(trigger), trigger >= k_zero_window ? trigger - k_zero_window : 0);
        return std::ranges::any_of(m_matches, [&](const PhraseMatch& m) {
            return kind(m) == Kind::zero && m.pos >= from && m.pos < trigger;
        });
    }

    [[nodiscard]] Polarity polarity(std::uint32_t anchor, std::uint32_t first, bool negated) const
    {
        if (negated || (m_attribution && m_attribution->denial && first > m_attribution->cue)) return Polarity::denied;
        const std::uint32_t from = clause_start(anchor);
        return main_cue(Cue::hedge, from, clause_end(anchor)) ? Polarity::hedged : Polarity::asserted;
    }

    void emit(const std::string& of, const PhraseMatch& cause, Polarity polarity, std::uint32_t first, std::uint32_t last)
    {
        const auto& info = m_finder.m_cues[static_cast<std::size_t>(cause.payload)];
        const std::string& category = m_finder.m_categories[static_cast<std::size_t>(info.category)];
        for (std::size_t k = m_first; k < m_out.size(); ++k) {
            const auto& claim = m_out[k];
            if (claim.attribute != "cause" || claim.qualifier.at("of") != of || claim.polarity != polarity) continue;
            if (std::get<Category>(claim.value.data).name == category) return;  // said once is enough
        }
        const std::uint32_t start = m_s.tokens[cause.pos].start;
        const std::uint32_t end = m_s.tokens[cause.end() - 1].end;
        SentenceClaim claim;
        claim.attribute = "cause";
        claim.qualifier["of"] = of;
        claim.value = Value{Category{category}, std::string(m_text.substr(start, end - start))};
        claim.polarity = polarity;
        claim.start = m_s.tokens[first].start;
        claim.end = m_s.tokens[last - 1].end;
        claim.rule = k_rule_cause;
        m_out.push_back(std::move(claim));
        contrast(of, cause);
    }

    // "... caused by the rain, not by neglect": the cause after the negation is denied.
    void contrast(const std::string& of, const PhraseMatch& cause)
    {
        const std::uint32_t to = std::min(size(), cause.end() + k_contrast_window);
        for (auto t = cause.end(); t < to; ++t) {
            if (m_s.is_break(t) && !m_s.is_punct(t, ',')) return;
            if (!main_cue(Cue::negation, t, t + 1)) continue;
            for (auto u = t + 1; u < to && u <= t + 3; ++u) {
                if (const PhraseMatch* other = cause_at(u)) {
                    emit(of, *other, Polarity::denied, t, other->end());
                    return;
                }
            }
            return;
        }
    }

    // A cause joined to the one before by "and" or "or": "tear gas and batons".
    void coordinated(const std::string& of, const PhraseMatch& cause, Polarity polarity, std::uint32_t first)
    {
        std::uint32_t t = cause.end();
        while (t + 1 < size()) {
            const auto word = m_s.tokens[t].word;
            if (word != "and" && word != "or") return;
            const PhraseMatch* next = cause_at(t + 1);
            if (next == nullptr && t + 2 < size() && m_lexicon.determiners.contains(m_s.tokens[t + 1])) {
                next = cause_at(t + 2);
            }
            if (next == nullptr) return;
            emit(of, *next, polarity, first, next->end());
            t = next->end();
        }
    }

    // "died of smoke inhalation", "killed when the roof collapsed", "treated for burns".
    void harm_claims(const PhraseMatch& trigger)
    {
        if (zero_before(trigger.pos) || main_cue(Cue::out_of_scope, clause_start(trigger.pos), clause_end(trigger.pos))) return;
        const std::string& of = m_lexicon.attributes[static_cast<std::size_t>(trigger.payload)];
        const std::uint32_t to = std::min(size(), trigger.end() + k_harm_window);
        // "treated for burns": the trigger may end with its link.
        bool linked = mine(trigger.end() - 1, Kind::harm_link) != nullptr;
        for (auto t = trigger.end(); t < to; ++t) {
            if (m_s.is_break(t)) {
                // "killed on 9 April, when ...", "treated nine people, mostly for ...".
                const bool goes_on = m_s.is_punct(t, ',') && t + 1 < size() &&
                                     (mine(t + 1, Kind::harm_link) != nullptr || mine(t + 1, Kind::comma_opener) != nullptr);
                if (!goes_on) return;
                continue;
            }
            if (mine(t, Kind::harm_link) != nullptr) linked = true;
            const PhraseMatch* cause = cause_at(t);
            if (cause == nullptr || !linked) continue;
            const std::uint32_t negation_from = trigger.pos >= 3 ? trigger.pos - 3 : 0;
            const bool negated = main_cue(Cue::negation, negation_from, trigger.pos);
            const Polarity p = polarity(trigger.pos, trigger.pos, negated);
            emit(of, *cause, p, trigger.pos, cause->end());
            coordinated(of, *cause, p, trigger.pos);
            return;
        }
    }

    // "drowned", "shot dead": the cue states the harm itself.
    void self_harm_claim(const PhraseMatch& cause)
    {
        const auto& info = m_finder.m_cues[static_cast<std::size_t>(cause.payload)];
        if (info.harm < 0 || zero_before(cause.pos)) return;
        if (main_cue(Cue::out_of_scope, clause_start(cause.pos), clause_end(cause.pos))) return;
        const std::uint32_t negation_from = cause.pos >= 3 ? cause.pos - 3 : 0;
        const bool negated = main_cue(Cue::negation, negation_from, cause.pos);
        emit(m_finder.m_harms[static_cast<std::size_t>(info.harm)], cause, polarity(cause.pos, cause.pos, negated),
             cause.pos, cause.end());
    }

    // "the blast killed 12", "Fire at Brenholt textile mill kills seven".
    void subject_claim(const PhraseMatch& cause)
    {
        const std::uint32_t to = std::min(size(), cause.end() + k_subject_window);
        for (auto t = cause.end(); t < to; ++t) {
            // "The roof collapsed on Thursday, killing three": a comma before the verb is passed.
            if (m_s.is_break(t) && !(m_s.is_punct(t, ',') && mine(t + 1, Kind::subject_verb) != nullptr)) return;
            if (mine(t, Kind::subject_verb) == nullptr) continue;
            const PhraseMatch* trigger = m_s.at(t, Cue::trigger);
            if (trigger == nullptr || !m_lexicon.harm[static_cast<std::size_t>(trigger->payload)]) continue;
            if (main_cue(Cue::out_of_scope, clause_start(cause.pos), clause_end(t))) return;
            const bool negated = main_cue(Cue::negation, cause.end(), t);
            emit(m_lexicon.attributes[static_cast<std::size_t>(trigger->payload)], cause,
                 polarity(cause.pos, cause.pos, negated), cause.pos, trigger->end());
            // "kills seven, injures 19": the next verb has the same subject.
        }
    }

    // "the collapse was caused by heavy rain".
    void passive_claim(const PhraseMatch& verb)
    {
        const PhraseMatch* effect = nullptr;
        const std::uint32_t from = verb.pos >= k_verb_window + 1 ? verb.pos - k_verb_window - 1 : 0;
        for (const auto& match : m_matches) {
            if (kind(match) == Kind::effect && match.pos >= from && match.end() <= verb.pos) effect = &match;
        }
        if (effect == nullptr || !clear(effect->end(), verb.pos)) return;
        const std::uint32_t to = std::min(size(), verb.end() + k_object_window);
        for (auto t = verb.end(); t < to; ++t) {
            if (m_s.is_break(t)) return;
            const PhraseMatch* cause = cause_at(t);
            if (cause == nullptr) continue;
            const bool negated = main_cue(Cue::negation, effect->end(), verb.pos);
            emit(m_finder.m_effects[static_cast<std::size_t>(effect->payload)], *cause,
                 polarity(verb.pos, effect->pos, negated), effect->pos, cause->end());
            return;
        }
    }

    // "a brake failure caused the crash".
    void active_claim(const PhraseMatch& verb)
    {
        const PhraseMatch* cause = nullptr;
        for (const PhraseMatch* candidate : m_causes) {
            if (candidate->end() <= verb.pos && verb.pos - candidate->end() <= k_verb_window) cause = candidate;
        }
        if (cause == nullptr || !clear(cause->end(), verb.pos)) return;
        const std::uint32_t to = std::min(size(), verb.end() + k_verb_window + 1);
        for (auto t = verb.end(); t < to; ++t) {
            if (m_s.is_break(t)) return;
            const PhraseMatch* effect = mine(t, Kind::effect);
            if (effect == nullptr) continue;
            const bool negated = main_cue(Cue::negation, cause->end(), verb.pos);
            emit(m_finder.m_effects[static_cast<std::size_t>(effect->payload)], *cause,
                 polarity(verb.pos, cause->pos, negated), cause->pos, effect->end());
            return;
        }
    }

    // "died of smoke inhalation, not of burns": burns are fire too; a denial
    // of a category the sentence also asserts would contradict the sentence.
    void drop_contradicted_denials()
    {
        auto asserted = [&](const SentenceClaim& denied) {
            for (std::size_t k = m_first; k < m_out.size(); ++k) {
                const auto& claim = m_out[k];
                if (claim.attribute == "cause" && claim.polarity != Polarity::denied &&
                    claim.qualifier == denied.qualifier && claim.value.data == denied.value.data) {
                    return true;
                }
            }
            return false;
        };
        for (std::size_t k = m_out.size(); k > m_first; --k) {
            const auto& claim = m_out[k - 1];
            if (claim.attribute == "cause" && claim.polarity == Polarity::denied && asserted(claim)) {
                m_out.erase(m_out.begin() + static_cast<std::ptrdiff_t>(k - 1));
            }
        }
    }

    const CauseFinder& m_finder;
    std::string_view m_text;
    const SentenceView& m_s;
    const Lexicon& m_lexicon;
    const std::optional<Attribution>& m_attribution;
    std::vector<SentenceClaim>& m_out;
    std::size_t m_first;  // this sentence's first claim in m_out
    std::span<const PhraseMatch> m_matches;
    std::span<const PhraseMatch* const> m_causes;
};

void CauseFinder::find(std::string_view text, const SentenceView& sentence, const Lexicon& lexicon,
                       const std::optional<Attribution>& attribution, std::vector<SentenceClaim>& out) const
{
    CauseSentence(*this, text, sentence, lexicon, attribution, out).run();
}

}  // namespace contra::detail::extraction
