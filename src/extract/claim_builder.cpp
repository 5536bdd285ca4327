#include "extract/claim_builder.hpp"

#include "extract/sources.hpp"

#include <algorithm>

namespace contra::detail::extraction {

namespace {

constexpr std::uint32_t k_before_gap = 6;    // words (light words not counted) between a figure and its trigger
constexpr std::uint32_t k_before_span = 14;  // tokens between a figure and its trigger, all counted
constexpr std::uint32_t k_aside = 9;         // tokens of an aside between commas
constexpr std::uint32_t k_label_words = 10;  // tokens from a trigger to the colon that ends its label
constexpr std::uint32_t k_label_cost = 20;   // a label's pairing loses to every nearer one
constexpr std::uint32_t k_role_words = 5;    // tokens of a role before its name: "the rink's operator, Orvane Leisure"
constexpr std::uint32_t k_part_link_span = 3; // tokens from a part link to its trigger: "among those we treated"
constexpr std::uint32_t k_noun_gap = 1;     // words between a figure and a trigger that is a group noun: "150 young protesters"
constexpr std::uint32_t k_after_gap = 4;     // tokens between a trigger and a figure after it
constexpr std::uint32_t k_agent_window = 16; // tokens from a harm trigger to its agent
constexpr std::uint32_t k_joint_window = 6;  // tokens from a joining "and" to a responsibility state
constexpr std::uint32_t k_hospital_window = 5; // tokens from "taken to" to its hospital word
constexpr std::uint32_t k_carried_words = 3;   // tokens from a carried figure to its "to": "21 people from the site to"
constexpr std::uint32_t k_patient_cost = 100;   // a patient verb's pairing loses to every plain trigger's
constexpr std::uint32_t k_person_aside = 10;    // tokens of an aside after a person: ", the driver of a van,"
constexpr std::uint32_t k_person_tail = 4;      // tokens of a phrase after a person: "of the lorry"
constexpr std::uint32_t k_person_modifiers = 6; // tokens between a determiner and a person: "27 - year - old"
constexpr std::uint32_t k_denial_window = 6;    // tokens from a denial verb to the agent it denies
constexpr std::uint32_t k_relative_window = 6;  // tokens from "who" to an agent in its clause: "who attacked officers"
constexpr std::uint32_t k_self_window = 6;      // tokens from a speaker's pronoun to a state: "it was in no way"
constexpr std::uint32_t k_none = UINT32_MAX;
constexpr int k_denied_state = 1;  // the payload of a state that denies itself: "bears no responsibility"

// A form of "be": before a verb of saying it makes a passive participle.
bool is_copula(std::string_view word)
{
    return word == "is" || word == "are" || word == "was" || word == "were" || word == "been" || word == "be";
}

// Everything build_claims needs to know about one sentence, computed once.
class SentenceFacts {
public:
    SentenceFacts(const SentenceView& s, std::span<const Figure> figures, ClaimScratch& scratch)
        : m_s(s), m_figure_at(scratch.figure_at), m_break(scratch.breaks), m_clause(scratch.clauses)
    {
        const auto n = s.tokens.size();
        m_figure_at.assign(n, k_none);
        for (std::uint32_t f = 0; f < figures.size(); ++f) {
            for (auto t = figures[f].first; t < figures[f].last && t < n; ++t) m_figure_at[t] = f;
        }
        // Quotation marks that enclose a figure ("\"more than a hundred\" were
        // hurt") quote its wording; they do not cut the clause.
        m_break.assign(n, false);
        for (std::size_t t = 0; t < n; ++t) {
            if (m_figure_at[t] != k_none || !s.is_break(t)) continue;
            const bool quote = s.is_punct(t, '"');
            const bool encloses = quote && ((t > 0 && m_figure_at[t - 1] != k_none) ||
                                            (t + 1 < n && m_figure_at[t + 1] != k_none));
            m_break[t] = !encloses;
        }
        // Clause numbers: a break outside a figure starts a new clause.
        m_clause.assign(n, 0);
        int clause = 0;
        for (std::size_t t = 0; t < n; ++t) {
            if (m_break[t] && !s.is_punct(t, '-')) ++clause;
            m_clause[t] = clause;
        }
        m_clauses = clause + 1;
    }

    [[nodiscard]] std::uint32_t figure_at(std::size_t t) const { return m_figure_at[t]; }
    [[nodiscard]] int clause(std::size_t t) const { return m_clause[t]; }
    [[nodiscard]] int clauses() const { return m_clauses; }
    [[nodiscard]] bool is_break(std::size_t t) const { return t < m_break.size() && m_break[t]; }

    // True when a match of `cue` starts in tokens [from, to).
    [[nodiscard]] const PhraseMatch* find(Cue cue, std::uint32_t from, std::uint32_t to) const
    {
        for (const auto& match : m_s.matches) {
            if (match.cue == cue && match.pos >= from && match.pos < to) return &match;
        }
        return nullptr;
    }
    // True when a match of `cue` lies in the clause of token `t`.
    [[nodiscard]] bool in_clause(Cue cue, std::size_t t) const
    {
        for (const auto& match : m_s.matches) {
            if (match.cue == cue && m_clause[match.pos] == m_clause[t]) return true;
        }
        return false;
    }

private:
    const SentenceView& m_s;
    std::vector<std::uint32_t>& m_figure_at;
    std::vector<bool>& m_break;
    std::vector<int>& m_clause;
    int m_clauses = 1;
};

Polarity clause_polarity(const SentenceFacts& facts, std::size_t t)
{
    return facts.in_clause(Cue::hedge, t) ? Polarity::hedged : Polarity::asserted;
}

// True when `figure` stands right after a colon that ends a label holding
// `trigger`, with no break or figure between them: "Deaths recorded by
// Tidewell field teams: at least 53".
bool labels_figure(const SentenceView& s, const SentenceFacts& facts, const Trigger& trigger, const Figure& figure)
{
    if (figure.first == 0 || !s.is_punct(figure.first - 1, ':')) return false;
    const std::uint32_t colon = figure.first - 1;
    if (colon < trigger.end || colon - trigger.end > k_label_words) return false;
    for (auto t = trigger.end; t < colon; ++t) {
        if (facts.is_break(t) || facts.figure_at(t) != k_none) return false;
    }
    return true;
}

// Pairs each trigger with at most one figure, nearest first.
void pair_figures(const SentenceView& s, const Lexicon& lexicon, const SentenceFacts& facts,
                  std::span<const Figure> figures, std::vector<Trigger>& triggers, std::vector<Pairing>& candidates,
                  std::vector<bool>& figure_used, std::vector<bool>& says)
{
    figure_used.assign(figures.size(), false);
    if (triggers.empty() || figures.empty()) return;
    // Tokens that open an attribution verb, marked once for every pair's gap.
    says.assign(s.tokens.size(), false);
    for (const auto& match : s.matches) {
        if (match.cue != Cue::verb && match.cue != Cue::denial_verb) continue;
        // "Two traders are confirmed dead", "were reported killed", a
        // headline's "Six confirmed dead": a participle says nothing; the
        // figure is the trigger's.
        if (match.pos > 0 && is_copula(s.tokens[match.pos - 1].word)) continue;
        if (match.end() < s.tokens.size() && lexicon.participle_triggers.contains(s.tokens[match.end()])) continue;
        says[match.pos] = true;
    }
    candidates.clear();
    auto is_trigger = [&](std::uint32_t t) { return s.at(t, Cue::trigger) != nullptr && s.at(t, Cue::group) == nullptr; };
    // The words between a figure and a trigger after it, light words not
    // counted; k_none when something cuts them apart. One aside set off by
    // commas is passed over: "16 people, two of them crew members, were treated".
    auto gap_words = [&](std::uint32_t from, std::uint32_t to) -> std::uint32_t {
        if (to - from > k_before_span) return k_none;
        std::uint32_t words = 0;
        bool aside_used = false;
        for (auto t = from; t < to; ++t) {
            if (s.is_punct(t, ',') && facts.is_break(t) && !aside_used && t > from) {
                auto close = t + 1;
                while (close < to && close <= t + k_aside && !facts.is_break(close) && !is_trigger(close)) ++close;
                if (close < to && s.is_punct(close, ',')) {
                    aside_used = true;
                    t = close;
                    continue;
                }
            }
            if (facts.is_break(t) || facts.figure_at(t) != k_none || is_trigger(t)) return k_none;
            // "Both sides say people were hurt": the figure is the subject of
            // an attribution verb, and counts the speakers, not the harmed.
            if (says[t]) return k_none;
            if (!lexicon.light_words.contains(s.tokens[t])) ++words;
        }
        return words;
    };
    // "18 of the injured", "two of those killed": the figure counts a part of
    // the people the trigger names, who are counted elsewhere.
    auto part_of_trigger = [&](std::uint32_t figure_last, std::uint32_t trigger_pos) {
        // "Two stewards were among the injured", "Four children were among
        // those we treated": a link word a few words before the trigger.
        for (auto t = trigger_pos; t > figure_last && t + k_part_link_span >= trigger_pos; --t) {
            if (facts.is_break(t - 1)) break;
            if (lexicon.part_links.contains(s.tokens[t - 1])) return true;
        }
        if (figure_last + 1 >= trigger_pos || s.tokens[figure_last].word != "of") return false;
        for (auto t = figure_last + 1; t < trigger_pos; ++t) {
            if (!lexicon.part_of.contains(s.tokens[t])) return false;
        }
        return true;
    };
    for (std::size_t k = 0; k < triggers.size(); ++k) {
        const Trigger& trigger = triggers[k];
        for (std::uint32_t f = 0; f < figures.size(); ++f) {
            const Figure& figure = figures[f];
            if (figure.last <= trigger.pos) {
                if (trigger.patient || part_of_trigger(figure.last, trigger.pos)) continue;
                // "one of them, a child, was taken to hospital": some of the people counted before.
                if (trigger.hospital && s.tokens[figure.last].word == "of") continue;
                const auto gap = gap_words(figure.last, trigger.pos);
                // "two suffered sprains while removing protesters": a trigger that
                // is a group noun counts only with its own figure ("150 protesters").
                const bool noun = s.at(trigger.pos, Cue::group) != nullptr;
                if (gap <= (noun ? k_noun_gap : k_before_gap)) {
                    candidates.push_back({gap * 2, k, f});
                }
            } else if (figure.first >= trigger.end) {
                const auto gap = figure.first - trigger.end;
                bool linked = gap <= k_after_gap;
                for (auto t = trigger.end; t < figure.first && linked; ++t) {
                    linked = s.at(t, Cue::after_link) != nullptr;
                }
                // A fact sheet's line: "Bodies received at the hospital mortuary: 38".
                if (!linked && labels_figure(s, facts, trigger, figure)) {
                    candidates.push_back({k_label_cost + gap, k, f});
                    continue;
                }
                if (!linked) continue;
                if (!trigger.patient) {
                    candidates.push_back({gap * 2 + 1, k, f});
                } else if (figure.last < s.tokens.size() && lexicon.patient_nouns.contains(s.tokens[figure.last])) {
                    // "We admitted 14 people": after any plain trigger that wants the same
                    // figure ("the ministry admitted 12 people had died").
                    candidates.push_back({k_patient_cost + gap * 2, k, f});
                }
            }
        }
    }
    std::ranges::sort(candidates, [](const Pairing& a, const Pairing& b) { return a.cost < b.cost; });
    for (const Pairing& candidate : candidates) {
        Trigger& trigger = triggers[candidate.trigger];
        if (trigger.figure != k_none || figure_used[candidate.figure]) continue;
        trigger.figure = candidate.figure;
        figure_used[candidate.figure] = true;
    }
}

// Clauses whose figures are about something else ("since 2010", "an earlier
// protest"), into `out`; `has_figure` is a buffer.
void out_of_scope_clauses(const SentenceView& s, const SentenceFacts& facts, std::span<const Figure> figures,
                          const std::vector<Trigger>& triggers, std::vector<bool>& has_figure, std::vector<bool>& out)
{
    has_figure.assign(static_cast<std::size_t>(facts.clauses()), false);
    for (const Trigger& trigger : triggers) {
        if (trigger.figure != k_none) has_figure[static_cast<std::size_t>(facts.clause(figures[trigger.figure].first))] = true;
    }
    out.assign(static_cast<std::size_t>(facts.clauses()), false);
    for (const auto& match : s.matches) {
        if (match.cue != Cue::out_of_scope) continue;
        auto clause = static_cast<std::size_t>(facts.clause(match.pos));
        out[clause] = true;
        // "During an earlier protest in March, 12 people were killed.": a
        // phrase in a clause without figures governs the clauses after it, up
        // to the first that has one ("Six years ago, in the same gorge, 17 died").
        while (!has_figure[clause] && clause + 1 < out.size()) out[++clause] = true;
    }
}

// The group a count is about, read in [from, to): "over 100 residents".
std::optional<std::string> group_in(const SentenceView& s, const Lexicon& lexicon, std::uint32_t from,
                                    std::uint32_t to, const Trigger& trigger)
{
    // "Eleven persons who ... resisted officers, were detained": a group in a
    // relative clause is not whose count it is, nor one in an aside: "41
    // people, most of them children from a skating club, were treated".
    for (auto t = from; t < to; ++t) {
        const std::string_view word = s.tokens[t].word;
        if (word == "who" || word == "which" || word == "whom" || (s.is_break(t) && !s.is_punct(t, '"'))) {
            to = t;
            break;
        }
    }
    for (const auto& match : s.matches) {
        if (match.cue != Cue::group || match.pos < from || match.end() > to) continue;
        if (match.pos < trigger.end && match.end() > trigger.pos) continue;  // the trigger itself
        return lexicon.groups[static_cast<std::size_t>(match.payload)];
    }
    return std::nullopt;
}

// The harm attribute a responsibility is about: the first harm trigger in [from, to).
std::string harm_in(const SentenceView& s, const Lexicon& lexicon, std::uint32_t from, std::uint32_t to)
{
    for (const auto& match : s.matches) {
        if (match.cue != Cue::trigger || match.pos < from || match.pos >= to) continue;
        if (lexicon.harm[static_cast<std::size_t>(match.payload)]) {
            return lexicon.attributes[static_cast<std::size_t>(match.payload)];
        }
    }
    return {};
}

// An agent phrase the lexicon does not list: tokens [pos, end), its name [name, end).
struct NamedAgent {
    std::uint32_t pos = 0;
    std::uint32_t name = 0;
    std::uint32_t end = 0;
    bool proper = false;
    bool known_only = false;
};

class Builder {
public:
    Builder(const SentenceView& s, const Lexicon& lexicon, std::span<const Figure> figures,
            const std::optional<Attribution>& attribution, std::string_view previous_subject, ClaimScratch& scratch,
            std::vector<SentenceClaim>& out)
        : m_s(s),
          m_lexicon(lexicon),
          m_figures(figures),
          m_attribution(attribution),
          m_previous_subject(previous_subject),
          m_scratch(scratch),
          m_facts(s, figures, scratch),
          m_out(out)
    {
    }

    void run()
    {
        std::vector<Trigger>& triggers = m_scratch.triggers;
        triggers.clear();
        for (const auto& match : m_s.matches) {
            // "death toll" holds the trigger "toll": the longer one stands.
            const bool inside = !triggers.empty() && match.pos < triggers.back().end;
            if (inside) continue;
            if (match.cue == Cue::trigger && !noun_before_trigger(match) && !names_month(match)) {
                triggers.push_back({match.pos, match.end(), match.payload});
            } else if (match.cue == Cue::patient_verb) {
                triggers.push_back({match.pos, match.end(), match.payload, k_none, true});
            } else if (match.cue == Cue::to_hospital) {
                if (const auto end = hospital_end(match); end != 0) {
                    triggers.push_back({match.pos, end, match.payload, k_none, false, true});
                }
            }
        }
        carried_to_hospital(triggers);
        pair_figures(m_s, m_lexicon, m_facts, m_figures, triggers, m_scratch.pairings, m_scratch.figure_used,
                     m_scratch.says);
        share_coordinated(triggers);
        out_of_scope_clauses(m_s, m_facts, m_figures, triggers, m_scratch.has_figure, m_scratch.out_of_scope);
        const std::vector<bool>& skip = m_scratch.out_of_scope;
        // A correction quoting a withdrawn figure gives no count at all.
        const bool retracted = std::ranges::any_of(m_s.matches, [](const PhraseMatch& m) {
            return m.cue == Cue::retraction && m.payload != k_retracts_before;
        });
        m_scratch.retracted_attribute = {};
        for (const Trigger& trigger : triggers) {
            if (trigger.figure != k_none && retracted && m_scratch.retracted_attribute.empty()) {
                m_scratch.retracted_attribute = m_lexicon.attributes[static_cast<std::size_t>(trigger.attribute)];
            }
            if (trigger.figure == k_none || retracted) continue;
            const Figure& figure = m_figures[trigger.figure];
            if (skip[static_cast<std::size_t>(m_facts.clause(figure.first))]) continue;
            if (explains_gap(figure) || partial_zero(trigger, figure)) continue;
            // "nobody was injured by police action" clears the police; it is no toll.
            if (is_zero(figure) && m_lexicon.harm[static_cast<std::size_t>(trigger.attribute)] &&
                harm_agent(trigger).direct) {
                continue;
            }
            count_claim(trigger, figure);
        }
        if (!retracted) restated_claims();
        if (!retracted) {
            for (const Trigger& trigger : triggers) {
                if (trigger.figure != k_none || trigger.patient) continue;
                if (skip[static_cast<std::size_t>(m_facts.clause(trigger.pos))]) continue;
                if (const auto first = one_person(trigger)) {
                    person_claim(trigger, *first, trigger.end);
                } else if (const auto end = one_person_after(trigger)) {
                    person_claim(trigger, trigger.pos, *end);
                } else if (const auto pronoun = pronoun_person(trigger)) {
                    person_claim(trigger, *pronoun, trigger.end);
                    m_out.back().pronoun_person = true;
                }
            }
        }
        state_claims();
        owned_responsibility_claims();
        blame_claims();
        denial_claims();
        for (const Trigger& trigger : triggers) {
            if (!m_lexicon.harm[static_cast<std::size_t>(trigger.attribute)]) continue;
            if (!link_claim(trigger)) subject_claim(trigger);
        }
        for (const auto& violence : m_s.matches) {
            if (violence.cue == Cue::violence) violence_claim(violence);
        }
    }

private:
    // "its crews took 21 people to hospital": a carry verb, a figure, a few
    // words, then "to" and a hospital word make the "to ..." a trigger of
    // the injured, as "21 people were taken to hospital" does.
    void carried_to_hospital(std::vector<Trigger>& triggers) const
    {
        if (m_lexicon.injuries < 0 || m_figures.empty()) return;
        const auto n = static_cast<std::uint32_t>(m_s.tokens.size());
        const std::size_t before = triggers.size();
        for (const Figure& figure : m_figures) {
            if (figure.first == 0 || !m_lexicon.carry_verbs.contains(m_s.tokens[figure.first - 1])) continue;
            for (std::uint32_t t = figure.last; t < n && t <= figure.last + k_carried_words; ++t) {
                if (m_facts.is_break(t)) break;
                if (m_s.tokens[t].word != "to") continue;
                const PhraseMatch to{t, 1, Cue::to_hospital, m_lexicon.injuries};
                const bool taken = std::ranges::any_of(triggers, [&](const Trigger& other) {
                    return other.pos <= t && t < other.end;
                });
                if (const auto end = hospital_end(to); end != 0 && !taken) {
                    triggers.push_back({t, end, m_lexicon.injuries, k_none, false, true});
                }
                break;
            }
        }
        if (triggers.size() != before) {
            std::ranges::sort(triggers, {}, &Trigger::pos);
        }
    }

    // "were taken to Saltmere General Hospital": the end of the hospital word
    // that completes a to-hospital phrase within its clause, else 0.
    [[nodiscard]] std::uint32_t hospital_end(const PhraseMatch& match) const
    {
        const auto n = static_cast<std::uint32_t>(m_s.tokens.size());
        for (auto t = match.end(); t < n && t < match.end() + k_hospital_window; ++t) {
            if (m_facts.is_break(t)) return 0;
            if (m_lexicon.hospital_words.contains(m_s.tokens[t])) return t + 1;
        }
        return 0;
    }

    // "interviewed on 9 and 10 March", "in March", "March 9": a trigger word
    // capitalised inside a sentence that is also a month's name is the month
    // when a day's number or a word of `month_links` stands next to it
    // ("Thousands March on Capital" is a title-case headline's verb).
    [[nodiscard]] bool names_month(const PhraseMatch& trigger) const
    {
        const auto& tokens = m_s.tokens;
        const WordToken& token = tokens[trigger.pos];
        if (trigger.pos == 0 || trigger.len != 1 || !token.capital || !m_lexicon.months.contains(token)) return false;
        const WordToken& before = tokens[trigger.pos - 1];
        const bool day_before = before.number && before.word.size() <= 2;
        const bool day_after = trigger.pos + 1 < tokens.size() && tokens[trigger.pos + 1].number;
        return day_before || day_after || m_lexicon.month_links.contains(before);
    }

    // "Five protesters were detained", "Two protesters were taken to hospital":
    // a group word that is also a trigger is the noun of the trigger after
    // it, not a count of its own.
    [[nodiscard]] bool noun_before_trigger(const PhraseMatch& trigger) const
    {
        if (m_s.at(trigger.pos, Cue::group) == nullptr) return false;
        for (const auto& match : m_s.matches) {
            const bool counts = match.cue == Cue::trigger || (match.cue == Cue::to_hospital && hospital_end(match) != 0);
            if (!counts || match.pos < trigger.end()) continue;
            if (match.pos > trigger.end() + 3) break;
            bool clear = true;
            for (auto t = trigger.end(); t < match.pos && clear; ++t) clear = !m_facts.is_break(t);
            return clear;
        }
        return false;
    }

    // "no civilians had been killed or injured": the figure counts both.
    void share_coordinated(std::vector<Trigger>& triggers) const
    {
        for (std::size_t k = 0; k + 1 < triggers.size(); ++k) {
            Trigger& first = triggers[k];
            Trigger& second = triggers[k + 1];
            if (first.figure == k_none || second.figure != k_none || first.attribute == second.attribute) continue;
            if (m_figures[first.figure].last > first.pos || second.pos != first.end + 1) continue;
            const std::string_view joint = m_s.tokens[first.end].word;
            if (joint == "or" || joint == "and") second.figure = first.figure;
        }
    }

    // "the gap arose because the council also counted two people who died":
    // a figure after an explanation cue in its clause explains, it does not count.
    [[nodiscard]] bool explains_gap(const Figure& figure) const
    {
        for (const auto& match : m_s.matches) {
            if (match.cue == Cue::explanation && match.end() <= figure.first &&
                m_facts.clause(match.pos) == m_facts.clause(figure.first)) {
                return true;
            }
        }
        return false;
    }

    // "Nobody was seriously hurt": a zero of a part says nothing of the whole.
    [[nodiscard]] bool partial_zero(const Trigger& trigger, const Figure& figure) const
    {
        if (figure.count.lo != 0 || figure.count.hi != std::optional<std::int64_t>(0)) return false;
        const std::uint32_t from = std::min(figure.last, trigger.end);
        const std::uint32_t to = std::max(figure.first, trigger.pos);
        for (auto t = from; t < to; ++t) {
            if (m_lexicon.partial_degrees.contains(m_s.tokens[t])) return true;
        }
        return false;
    }

    [[nodiscard]] std::uint32_t start_of(std::uint32_t token) const { return m_s.tokens[token].start; }
    [[nodiscard]] std::uint32_t end_of(std::uint32_t token_end) const { return m_s.tokens[token_end - 1].end; }
    [[nodiscard]] bool denied_by_cue(std::uint32_t token) const
    {
        return m_attribution && m_attribution->denial && token > m_attribution->cue;
    }
    // "... and denied that it was responsible", "it \"firmly rejects\" any
    // suggestion that it was to blame": a denial verb shortly before a
    // responsibility's agent denies it, even when the sentence's attribution
    // is another verb ("X said ... and denied ...").
    [[nodiscard]] bool denied_before(std::uint32_t token) const
    {
        if (denied_by_cue(token)) return true;
        for (const auto& match : m_s.matches) {
            if (match.cue == Cue::denial_verb && match.end() <= token && token - match.end() <= k_denial_window) return true;
        }
        return false;
    }

    void count_claim(const Trigger& trigger, const Figure& figure)
    {
        if (whole_of_a_part(figure)) return;
        SentenceClaim claim;
        claim.attribute = m_lexicon.attributes[static_cast<std::size_t>(trigger.attribute)];
        claim.value = Value{figure.count, figure.wording};
        claim.rule = k_rule_count;
        const bool before = figure.last <= trigger.pos;
        const std::uint32_t first = before ? figure.first : trigger.pos;
        const std::uint32_t last = before ? trigger.end : figure.last;
        // Whose count: "over 100 residents were injured", "killing 12 protesters".
        std::uint32_t group_to = before ? trigger.pos : figure.last;
        if (!before) {
            while (group_to < m_s.tokens.size() && group_to < figure.last + 3 && !m_facts.is_break(group_to)) ++group_to;
        }
        if (claim.attribute != "participants") {
            if (auto group = group_in(m_s, m_lexicon, figure.last, group_to, trigger)) claim.qualifier["group"] = *group;
        }
        claim.polarity = clause_polarity(m_facts, figure.first);
        if ((before && m_facts.find(Cue::negation, figure.last, trigger.pos)) || denied_by_cue(first)) {
            claim.polarity = Polarity::denied;
        }
        claim.start = start_of(first);
        claim.end = end_of(last);
        if (before && figure.last + 1 < m_s.tokens.size() && m_s.tokens[figure.last].word == "of" &&
            m_lexicon.partitive.contains(m_s.tokens[figure.last + 1])) {
            claim.partitive = true;
        }
        bool added = false;
        for (auto t = first; t < last && !added; ++t) added = m_lexicon.additions.contains(m_s.tokens[t]);
        if (trigger.hospital || trigger.patient) claim.part_of_earlier = !added;
        const bool part_shape = before && !added && !is_zero(figure) && opens_clause_at(figure.first);
        claim.bare = part_shape &&
                     (figure.last == trigger.pos || m_lexicon.bare_links.contains(m_s.tokens[figure.last]));
        claim.some_people = part_shape && !m_attribution && some_of_the_people(figure, trigger, claim);
        m_out.push_back(std::move(claim));
    }

    // "Three passengers died": a figure whose noun is one of `people_nouns`
    // (not "people", nor a qualifier group, which counts a group of its own),
    // right before the trigger or a word of `bare_links`.
    [[nodiscard]] bool some_of_the_people(const Figure& figure, const Trigger& trigger, const SentenceClaim& claim) const
    {
        if (figure.last + 1 > trigger.pos || !claim.qualifier.empty()) return false;
        if (m_s.at(figure.last, Cue::group) != nullptr || !m_lexicon.people_nouns.contains(m_s.tokens[figure.last])) {
            return false;
        }
        const std::uint32_t after = figure.last + 1;
        return after == trigger.pos || m_lexicon.bare_links.contains(m_s.tokens[after]);
    }

    // True when token `t` opens its sentence or clause: "Eight were treated",
    // "..., and three were taken to hospital".
    [[nodiscard]] bool opens_clause_at(std::uint32_t t) const
    {
        if (t == 0) return true;
        const std::string_view before = m_s.tokens[t - 1].word;
        return m_facts.is_break(t - 1) || before == "and" || before == "while" || before == "but";
    }

    // "14 of the 23 died", "Of the 47 people injured, 12 suffered broken
    // bones": the whole a part is taken from, given before, is no count of
    // its own here. The figure after "of the", with a figure or the
    // sentence's start before "of".
    [[nodiscard]] bool whole_of_a_part(const Figure& figure) const
    {
        const std::uint32_t t = figure.first;
        if (t < 2 || m_s.tokens[t - 1].word != "the" || m_s.tokens[t - 2].word != "of") return false;
        if (t == 2) return true;  // "Of the 47 people injured, ..."
        const std::uint32_t before = t - 3;
        return m_s.tokens[before].number || m_facts.figure_at(before) != k_none ||
               (m_s.tokens[before].punct && m_s.tokens[before].word == "\"" && t == 3);
    }

    // "City police put the figure at 12,000 to 15,000": a figure right after a
    // restating phrase, paired with no trigger, counts what the document's
    // last count counted; the caller knows what that was and fills in the
    // attribute left empty here.
    void restated_claims()
    {
        const std::vector<bool>& skip = m_scratch.out_of_scope;
        for (const auto& match : m_s.matches) {
            if (match.cue != Cue::restating) continue;
            for (std::uint32_t f = 0; f < m_figures.size(); ++f) {
                const Figure& figure = m_figures[f];
                if (figure.first < match.end() || figure.first > match.end() + 1) continue;
                if (m_scratch.figure_used[f] || skip[static_cast<std::size_t>(m_facts.clause(figure.first))]) break;
                SentenceClaim claim;
                claim.value = Value{figure.count, figure.wording};
                claim.rule = k_rule_count;
                claim.polarity = clause_polarity(m_facts, figure.first);
                if (denied_by_cue(match.pos)) claim.polarity = Polarity::denied;
                claim.start = start_of(match.pos);
                claim.end = end_of(figure.last);
                m_out.push_back(std::move(claim));
                break;
            }
        }
    }

    // "A motorcyclist died", "the driver, a 52-year-old man, was detained",
    // "The man who died": one person named without a figure is a count of
    // one. Returns the first token of the person's noun phrase, which starts
    // with a determiner or opens the sentence ("Worker dies"), else nothing.
    [[nodiscard]] std::optional<std::uint32_t> one_person(const Trigger& trigger) const
    {
        const auto& tokens = m_s.tokens;
        if (m_lexicon.attributes[static_cast<std::size_t>(trigger.attribute)] == "participants") return std::nullopt;
        // "The landlord killed our friends": the person did the harm.
        if (doer_before(trigger)) return std::nullopt;
        std::uint32_t t = trigger.pos;
        while (t > 0 && m_lexicon.person_links.contains(tokens[t - 1])) --t;
        // An aside between the person and the verb: ", a 34-year-old man from Harnley,".
        if (t > 1 && m_s.is_punct(t - 1, ',')) {
            std::uint32_t open = t - 1;
            // Hyphens ("45-year-old") do not end it.
            while (open > 0 && t - 1 - open <= k_person_aside && !m_s.is_punct(open - 1, ',') &&
                   (!m_facts.is_break(open - 1) || m_s.is_punct(open - 1, '-'))) {
                --open;
            }
            if (open == 0 || !m_s.is_punct(open - 1, ',')) return std::nullopt;
            t = open - 1;
        }
        // The noun, perhaps before a short phrase that says which: "the driver of the lorry".
        std::uint32_t noun = t;
        for (std::uint32_t back = 0; noun > 0 && back <= k_person_tail; ++back) {
            const std::uint32_t at = noun - 1;
            if (m_facts.is_break(at) || m_facts.figure_at(at) != k_none || m_s.at(at, Cue::trigger) != nullptr) {
                return std::nullopt;
            }
            if (m_lexicon.persons.contains(tokens[at])) break;
            --noun;
        }
        if (noun == 0 || !m_lexicon.persons.contains(tokens[noun - 1])) return std::nullopt;
        --noun;
        if (noun + 1 < t && !is_connector_word(tokens[noun + 1].word)) return std::nullopt;
        // Its modifiers back to the determiner: "a 27-year-old woman", "A foundry worker".
        std::uint32_t first = noun;
        while (first > 0 && noun - first < k_person_modifiers) {
            const auto& token = tokens[first - 1];
            if (m_lexicon.determiners.contains(token)) break;
            const bool hyphen = m_s.is_punct(first - 1, '-');
            if ((token.punct && !hyphen) || m_s.at(first - 1, Cue::negation) != nullptr) return std::nullopt;
            // "the family of each passenger who died": the determiner before
            // "of" is another noun's, and "each" counts no one.
            if (token.word == "of") return std::nullopt;
            // "a tenth person ... died": one of a toll given elsewhere.
            if (m_lexicon.person_ordinals.contains(token)) return std::nullopt;
            --first;
        }
        if (first > 0) {
            if (!m_lexicon.determiners.contains(tokens[first - 1])) return std::nullopt;
            --first;
            // "one of the passengers": a part of people counted elsewhere.
            if (first >= 2 && tokens[first - 1].word == "of" &&
                (tokens[first - 2].number || m_facts.figure_at(first - 2) != k_none)) {
                return std::nullopt;
            }
        } else if (noun != 0) {
            return std::nullopt;  // no determiner: only a headline's lone noun ("Worker dies")
        }
        // "No passenger was arrested", "Not a single rider was hurt".
        const std::uint32_t negation_from = first >= 2 ? first - 2 : 0;
        if (m_facts.find(Cue::negation, negation_from, trigger.pos) != nullptr) return std::nullopt;
        return first;
    }

    // True when the word before the trigger is the subject of an active
    // harm verb with an object after it: "A guard shot two men".
    [[nodiscard]] bool doer_before(const Trigger& trigger) const
    {
        const auto n = static_cast<std::uint32_t>(m_s.tokens.size());
        if (trigger.pos == 0 || trigger.end >= n || !m_lexicon.doer_verbs.contains(m_s.tokens[trigger.pos])) return false;
        const WordToken& before = m_s.tokens[trigger.pos - 1];
        if (before.punct || m_lexicon.person_links.contains(before)) return false;  // "was arrested at the scene"
        return m_facts.figure_at(trigger.end) != k_none ||
               (m_lexicon.harm_objects.contains(m_s.tokens[trigger.end]) && m_s.tokens[trigger.end].word != "at");
    }

    [[nodiscard]] static bool is_connector_word(std::string_view word)
    {
        return word == "of" || word == "from" || word == "in" || word == "at" || word == "on";
    }

    // "Police arrested a 30-year-old man", "killed a pedestrian": one person
    // as the object of an arrest or a killing (not of "treated", whose
    // object is as often one of many patients). Returns the end of the noun.
    [[nodiscard]] std::optional<std::uint32_t> one_person_after(const Trigger& trigger) const
    {
        const std::string& attribute = m_lexicon.attributes[static_cast<std::size_t>(trigger.attribute)];
        if (attribute != "arrests" && attribute != "deaths") return std::nullopt;
        const auto& tokens = m_s.tokens;
        const auto n = static_cast<std::uint32_t>(tokens.size());
        std::uint32_t t = trigger.end;
        if (t >= n || !m_lexicon.determiners.contains(tokens[t])) return std::nullopt;
        for (++t; t < n && t <= trigger.end + k_person_modifiers; ++t) {
            if (m_lexicon.persons.contains(tokens[t])) {
                // "the owner's son" or "the man's car": the noun must end its phrase.
                if (t + 1 < n && tokens[t + 1].word == "'s") return std::nullopt;
                return t + 1;
            }
            const bool hyphen = m_s.is_punct(t, '-');
            if ((tokens[t].punct && !hyphen) || (m_facts.figure_at(t) != k_none && !tokens[t].number) ||
                m_lexicon.person_ordinals.contains(tokens[t]) || m_s.at(t, Cue::trigger) != nullptr) {
                return std::nullopt;
            }
        }
        return std::nullopt;
    }

    // "He died in hospital", "she was pronounced dead at the scene": "he" or
    // "she" opening its clause before a death trigger, link words between.
    [[nodiscard]] std::optional<std::uint32_t> pronoun_person(const Trigger& trigger) const
    {
        if (m_lexicon.attributes[static_cast<std::size_t>(trigger.attribute)] != "deaths") return std::nullopt;
        std::uint32_t t = trigger.pos;
        while (t > 0 && m_lexicon.person_links.contains(m_s.tokens[t - 1])) --t;
        if (t == 0 || (m_s.tokens[t - 1].word != "he" && m_s.tokens[t - 1].word != "she")) return std::nullopt;
        if (!opens_clause_at(t - 1)) return std::nullopt;
        if (m_facts.find(Cue::negation, t - 1, trigger.pos) != nullptr) return std::nullopt;
        return t - 1;
    }

    void person_claim(const Trigger& trigger, std::uint32_t first, std::uint32_t last)
    {
        SentenceClaim claim;
        claim.attribute = m_lexicon.attributes[static_cast<std::size_t>(trigger.attribute)];
        claim.value = Value{Count{1, 1}, std::string(m_s.tokens[first].word)};
        claim.rule = k_rule_count;
        if (auto group = group_in(m_s, m_lexicon, first, last, trigger)) claim.qualifier["group"] = *group;
        claim.polarity = clause_polarity(m_facts, trigger.pos);
        if (denied_by_cue(first)) claim.polarity = Polarity::denied;
        claim.start = start_of(first);
        claim.end = end_of(last);
        claim.part_of_earlier = trigger.hospital;
        m_out.push_back(std::move(claim));
    }

    void responsibility(std::string agent, bool responsible, std::string for_attribute, Polarity polarity,
                        std::uint32_t first, std::uint32_t last, std::string_view rule,
                        const NamedAgent* named = nullptr)
    {
        for (const auto& claim : m_out) {
            if (claim.attribute != "responsibility") continue;
            const auto& existing = std::get<Agent>(claim.value.data);
            if (existing.agent == agent && existing.for_attribute == for_attribute) return;
        }
        // Start with the determiner: "The police were not responsible".
        if (first > 0 && m_lexicon.determiners.contains(m_s.tokens[first - 1])) --first;
        SentenceClaim claim;
        claim.attribute = "responsibility";
        claim.value = Value{Agent{std::move(agent), responsible, std::move(for_attribute)}, {}};
        claim.polarity = polarity;
        claim.start = start_of(first);
        claim.end = end_of(last);
        claim.rule = rule;
        if (named != nullptr && named->proper) {
            claim.agent_start = start_of(named->name);
            claim.agent_end = end_of(named->end);
            claim.agent_known_only = named->known_only;
        } else if (named != nullptr) {
            // "the basin authority": a known source the description names, else its words.
            claim.agent_start = start_of(named->pos);
            claim.agent_end = end_of(named->end);
        }
        m_out.push_back(std::move(claim));
    }

    // The same for an agent that is either the lexicon's (`agent`) or a
    // phrase it does not list (`named`).
    void responsibility(const PhraseMatch* agent, const std::optional<NamedAgent>& named, bool responsible,
                        std::string for_attribute, Polarity polarity, std::uint32_t first, std::uint32_t last,
                        std::string_view rule)
    {
        if (named) {
            responsibility(named_id(*named), responsible, std::move(for_attribute), polarity, first, last, rule, &*named);
        } else {
            responsibility(agent_name(*agent), responsible, std::move(for_attribute), polarity, first, last, rule);
        }
    }

    // The last match of `cue` that ends at token `end`, else null.
    [[nodiscard]] const PhraseMatch* ending_at(Cue cue, std::uint32_t end) const
    {
        const PhraseMatch* found = nullptr;
        for (const auto& match : m_s.matches) {
            if (match.cue == cue && match.end() == end) found = &match;
        }
        return found;
    }

    // "it", "he", "she", "we": a pronoun that names whoever speaks the sentence.
    [[nodiscard]] static bool speaker_pronoun(std::string_view word)
    {
        return word == "it" || word == "he" || word == "she" || word == "we";
    }

    [[nodiscard]] std::string agent_name(const PhraseMatch& match) const
    {
        return m_lexicon.agents[static_cast<std::size_t>(match.payload)];
    }

    // An agent the lexicon does not list, named by a noun phrase: a
    // description ("the coastguard", "the rail company": a determiner and a
    // body noun of rules/lexicon/responsibility.toml, its words after the
    // determiner are the agent) or a proper name ("Northern Vale Railways",
    // "Sierra Crest": its slug, or the known source it names).
    [[nodiscard]] bool plain_word(std::uint32_t t) const
    {
        return t < m_s.tokens.size() && !m_s.tokens[t].punct && !m_s.tokens[t].number && m_s.tokens[t].word != "'s";
    }
    [[nodiscard]] bool body(std::uint32_t t) const
    {
        return plain_word(t) && m_lexicon.bodies.contains(m_s.tokens[t]);
    }
    [[nodiscard]] bool name_word(std::uint32_t t) const
    {
        // "WHO IS RESPONSIBLE": a heading's capitals make no name of "who" or "is".
        return plain_word(t) && m_s.tokens[t].capital && !m_lexicon.determiners.contains(m_s.tokens[t]) &&
               !m_lexicon.not_speaker.contains(m_s.tokens[t]) && !is_copula(m_s.tokens[t].word) &&
               m_s.at(t, Cue::pronoun) == nullptr && m_s.at(t, Cue::negation) == nullptr;
    }
    [[nodiscard]] std::string named_id(const NamedAgent& named) const
    {
        std::string words;
        for (auto t = named.name; t < named.end; ++t) {
            if (!words.empty()) words += ' ';
            words += m_s.tokens[t].word;
        }
        return slug(words);
    }
    [[nodiscard]] NamedAgent finish(NamedAgent named) const
    {
        // A lone capitalised word ("Northgate", but also "If", "Nobody") is a
        // name only when it names a source.
        named.known_only = named.proper && named.end == named.name + 1;
        return named;
    }
    // "the company", "the authority" alone could be any company: the claim
    // needs a word that says which ("the rail company").
    [[nodiscard]] bool vague(const NamedAgent& named) const
    {
        return !named.proper && named.end == named.name + 1 &&
               m_lexicon.vague_bodies.contains(m_s.tokens[named.name]);
    }

    // A vague body ("the company") stands as an agent only where the caller
    // finds the known source it names.
    [[nodiscard]] static NamedAgent known_only(NamedAgent named)
    {
        named.known_only = true;
        named.proper = true;
        return named;
    }

    // The agent phrase starting at token `t`.
    [[nodiscard]] std::optional<NamedAgent> named_after(std::uint32_t t) const
    {
        const auto n = static_cast<std::uint32_t>(m_s.tokens.size());
        // "blamed the rink's operator, Orvane Leisure": the name after a
        // described role is the agent.
        if (t < n && m_s.tokens[t].word == "the") {
            for (auto u = t + 1; u < n && u <= t + k_role_words; ++u) {
                if (m_s.is_punct(u, ',') && u > t + 1 && body(u - 1) && name_word(u + 1)) {
                    if (auto named = named_after(u + 1)) return finish({t, named->name, named->end, true});
                    break;
                }
                if (!plain_word(u) && m_s.tokens[u].word != "'s") break;
            }
        }
        if (t < n && m_s.tokens[t].word == "the") {
            for (auto u = t + 1; u < n && u <= t + 3 && plain_word(u); ++u) {
                if (!body(u)) continue;
                auto end = u + 1;
                while (body(end)) ++end;
                return finish({t, t + 1, end, false});
            }
            return std::nullopt;
        }
        if (!name_word(t)) return std::nullopt;
        auto end = t + 1;
        while (end < n) {
            if (name_word(end)) {
                ++end;
            } else if ((m_s.tokens[end].word == "of" || m_s.tokens[end].word == "and") && name_word(end + 1)) {
                end += 2;
            } else {
                break;
            }
        }
        return finish({t, t, end, true});
    }

    // The agent phrase ending a few plain words before token `state`, in its clause:
    // "Northgate is responsible", "the rail company was not to blame".
    [[nodiscard]] std::optional<NamedAgent> named_before(std::uint32_t state) const
    {
        bool aside = false;  // one aside between commas passed over
        for (std::uint32_t u = state, read = 0; u > 0 && read < 5; --u, ++read) {
            const std::uint32_t last = u - 1;
            if (m_s.is_punct(last, '"')) continue;  // the company "bears no responsibility"
            if (!aside && m_s.is_punct(last, ',') && last > 0) {
                aside = true;
                // "its contractor, Penbury Boiler Services, was at fault": the name the comma closes.
                if (name_word(last - 1)) continue;
                // "Fenchester City Council, which licensed the fair, had been at fault".
                const std::uint32_t reach = last > k_aside ? last - k_aside : 0;
                std::uint32_t open = last - 1;
                while (open > reach && !m_s.is_punct(open, ',')) --open;
                if (open + 1 < last && m_s.is_punct(open, ',') &&
                    (m_s.tokens[open + 1].word == "which" || m_s.tokens[open + 1].word == "who")) {
                    u = open + 1;  // the aside counts as the one comma read
                    continue;
                }
                return std::nullopt;
            }
            if (!plain_word(last)) return std::nullopt;
            if (!body(last) && !name_word(last)) continue;
            std::uint32_t first = last;
            while (first > 0 && (name_word(first - 1) || body(first - 1) ||
                                 (m_s.tokens[first - 1].word == "of" && first >= 2 && name_word(first - 2)))) {
                --first;
            }
            // "the rail company": a body noun's plain words back to its determiner.
            if (body(last) && !m_s.tokens[first].capital) {
                for (std::uint32_t v = first; v > 0 && first - v < 3 && plain_word(v - 1); --v) {
                    if (m_s.tokens[v - 1].word == "the") {
                        first = v;
                        break;
                    }
                    if (m_s.tokens[v - 1].capital) break;
                }
            }
            const bool the = first > 0 && m_s.tokens[first - 1].word == "the";
            if (the && (body(last) || name_word(last))) {
                if (!body(last) && !name_word(first)) return std::nullopt;
                // "the Interior Minister", "the coastguard": a description;
                // "the Observatory": a name.
                if (body(last)) return finish({first - 1, first, last + 1, false});
                return finish({first - 1, first, last + 1, true});
            }
            // "Both companies are responsible": a capital opening the sentence
            // belongs to a name only when a capitalised word follows it.
            const std::uint32_t opening = m_s.is_punct(0, '"') ? 1 : 0;
            if (first == opening && first < last && !name_word(first + 1)) ++first;
            if (!name_word(first)) return std::nullopt;
            return finish({first, first, last + 1, true});
        }
        return std::nullopt;
    }

    // "The police were not responsible for the death."
    void state_claims()
    {
        for (const auto& state : m_s.matches) {
            if (state.cue != Cue::state) continue;
            // "Dorran Council says it is \"not to blame\"": a speaker's pronoun right
            // before the state is its subject, whatever agent stands further back.
            if (const auto self = speaker_pronoun_before(state.pos)) {
                self_claim(*self, state);
                continue;
            }
            if (auto they = they_before(state.pos)) {
                they_claim(std::move(*they), state);
                continue;
            }
            const PhraseMatch* agent = nullptr;
            for (const auto& match : m_s.matches) {
                if (match.cue == Cue::agent && match.end() <= state.pos && state.pos - match.end() <= 5) agent = &match;
            }
            if (agent != nullptr) agent = relative_subject(*agent);
            std::uint32_t negation_from = agent ? agent->end() : 0;
            std::optional<NamedAgent> named;
            if (agent == nullptr) named = named_before(state.pos);
            // "Marden County Council, which manages the interchange, was not
            // responsible": a name that ends in the lexicon's agent is that agent.
            bool aside_read = false;  // named_before passed over the aside already
            std::uint32_t name_from = 0;  // the whole name, for the quote
            if (named) {
                if (const PhraseMatch* own = ending_at(Cue::agent, named->end); own != nullptr && own->pos >= named->name) {
                    agent = own;
                    name_from = named->pos;
                    named.reset();
                    aside_read = true;
                }
            }
            // "the company was responsible": only when it names a known source (by its kind).
            if (named && vague(*named)) named = known_only(*named);
            if (named) {
                negation_from = named->end;
            } else if (agent != nullptr) {
                // A quotation mark does not part a subject from its predicate:
                // the council is "not responsible for the collapse".
                bool clear = true;
                for (auto t = agent->end(); t < state.pos && clear && !aside_read; ++t) {
                    clear = !m_facts.is_break(t) || m_s.is_punct(t, '"');
                }
                if (!clear) continue;
            } else {
                // "officers had not been in charge and were in no way responsible":
                // the agent is the subject of the first of two joined predicates.
                agent = coordinated_subject(state.pos);
                if (agent == nullptr) continue;
                negation_from = joint_before(state.pos);
            }
            std::uint32_t last = state.end();
            std::string harm = harm_after(state, last);
            const std::uint32_t agent_pos = named ? named->pos : agent->pos;
            const bool negated = m_facts.find(Cue::negation, negation_from, state.pos) != nullptr ||
                                 denied_before(agent_pos) || state.payload == k_denied_state;
            Polarity polarity = negated ? Polarity::denied : clause_polarity(m_facts, state.pos);
            responsibility(agent, named, !negated, harm, polarity, aside_read ? name_from : agent_pos, last,
                           k_rule_state);
        }
    }

    // "the rioters who attacked officers with petrol bombs bear full
    // responsibility": an agent in a relative clause is its object; the
    // agent right before "who" or "which" is the subject.
    [[nodiscard]] const PhraseMatch* relative_subject(const PhraseMatch& agent) const
    {
        for (std::uint32_t t = agent.pos; t > 0 && agent.pos - t < k_relative_window; --t) {
            if (m_facts.is_break(t - 1)) break;
            const std::string_view word = m_s.tokens[t - 1].word;
            if (word != "who" && word != "which") continue;
            if (const PhraseMatch* subject = ending_at(Cue::agent, t - 1)) return subject;
            break;
        }
        return &agent;
    }

    // "it was not responsible", "we are in no way to blame": a pronoun for
    // the speaker as the subject of a state, with only a verb, a negation or
    // a degree between them ("It is not clear who is responsible" has "who"
    // between, and no claim). "they" is left out: it names others more often
    // than the speaker ("They are to blame for these deaths").
    [[nodiscard]] std::optional<std::uint32_t> speaker_pronoun_before(std::uint32_t state) const
    {
        return pronoun_before(state, speaker_pronoun);
    }

    // "The police came in firing. They are responsible for these deaths":
    // "they" right before a state stands for the agent that opens the
    // sentence's clause before it ("the police started this and they are to
    // blame") or, with none, the one that opened the sentence before.
    struct They {
        std::uint32_t pronoun;  // the token of "they"
        std::string agent;
    };
    [[nodiscard]] std::optional<They> they_before(std::uint32_t state) const
    {
        const auto they = pronoun_before(state, [](std::string_view word) { return word == "they"; });
        if (!they) return std::nullopt;
        for (auto t = *they; t > 0; --t) {
            if (const PhraseMatch* agent = m_s.at(t - 1, Cue::agent)) return They{*they, agent_name(*agent)};
        }
        if (!m_previous_subject.empty()) return They{*they, std::string(m_previous_subject)};
        return std::nullopt;
    }

    // A pronoun that `is_pronoun` accepts before token `state`, with only a
    // verb, a negation or a degree between them.
    template <class IsPronoun>
    [[nodiscard]] std::optional<std::uint32_t> pronoun_before(std::uint32_t state, IsPronoun is_pronoun) const
    {
        for (std::uint32_t t = state; t > 0 && state - t < k_self_window; --t) {
            const std::uint32_t at = t - 1;
            const std::string_view word = m_s.tokens[at].word;
            if (is_pronoun(word)) return at;
            if (m_facts.is_break(at) && !m_s.is_punct(at, '"')) return std::nullopt;
            if (!m_s.tokens[at].punct && !m_lexicon.self_links.contains(m_s.tokens[at]) &&
                m_s.at(at, Cue::negation) == nullptr) {
                return std::nullopt;
            }
        }
        return std::nullopt;
    }

    // "responsible for the death(s) of ...": the harm a state is about, a
    // harm trigger within five tokens after it; `last` moves to its end.
    [[nodiscard]] std::string harm_after(const PhraseMatch& state, std::uint32_t& last) const
    {
        for (auto t = state.end(); t < m_s.tokens.size() && t < state.end() + 5 && !m_facts.is_break(t); ++t) {
            const PhraseMatch* trigger = m_s.at(t, Cue::trigger);
            if (trigger && m_lexicon.harm[static_cast<std::size_t>(trigger->payload)]) {
                last = trigger->end();
                return m_lexicon.attributes[static_cast<std::size_t>(trigger->payload)];
            }
        }
        return {};
    }

    void they_claim(They they, const PhraseMatch& state)
    {
        std::uint32_t last = state.end();
        std::string harm = harm_after(state, last);
        const bool negated = m_facts.find(Cue::negation, they.pronoun + 1, state.pos) != nullptr ||
                             denied_before(they.pronoun) || state.payload == k_denied_state;
        const Polarity polarity = negated ? Polarity::denied : clause_polarity(m_facts, state.pos);
        responsibility(std::move(they.agent), !negated, std::move(harm), polarity, they.pronoun, last, k_rule_state);
    }

    void self_claim(std::uint32_t pronoun, const PhraseMatch& state)
    {
        std::uint32_t last = state.end();
        std::string harm = harm_after(state, last);
        const bool negated = m_facts.find(Cue::negation, pronoun + 1, state.pos) != nullptr || denied_before(pronoun) ||
                             state.payload == k_denied_state;
        const Polarity polarity = negated ? Polarity::denied : clause_polarity(m_facts, state.pos);
        // The agent is filled in by the caller: a placeholder that no other claim of the sentence uses.
        responsibility(std::string(m_s.tokens[pronoun].word), !negated, std::move(harm), polarity, pronoun, last,
                       k_rule_state);
        m_out.back().agent_is_speaker = true;
    }

    // The "and" that joins the predicate ending at `state` to an earlier one,
    // when only quotation marks and a few words lie between; else 0.
    [[nodiscard]] std::uint32_t joint_before(std::uint32_t state) const
    {
        for (std::uint32_t t = state; t > 0 && state - t < k_joint_window; --t) {
            const std::uint32_t at = t - 1;
            if (m_s.tokens[at].word == "and") return at;
            if (m_facts.is_break(at) && !m_s.is_punct(at, '"')) return 0;
        }
        return 0;
    }

    [[nodiscard]] const PhraseMatch* coordinated_subject(std::uint32_t state) const
    {
        const std::uint32_t joint = joint_before(state);
        if (joint == 0) return nullptr;
        const PhraseMatch* agent = nullptr;
        for (const auto& match : m_s.matches) {
            if (match.cue == Cue::agent && match.end() <= joint && joint - match.end() <= k_agent_window) agent = &match;
        }
        if (agent == nullptr) return nullptr;
        for (auto t = agent->end(); t < joint; ++t) {
            if (m_facts.is_break(t)) return nullptr;
        }
        return agent;
    }

    // "Witnesses blamed the police for the deaths."
    void blame_claims()
    {
        for (const auto& blame : m_s.matches) {
            if (blame.cue != Cue::blame) continue;
            std::uint32_t t = blame.end();
            while (t < m_s.tokens.size() && t < blame.end() + 3 && m_lexicon.modifiers.contains(m_s.tokens[t])) ++t;
            const PhraseMatch* agent = m_s.at(t, Cue::agent);
            std::optional<NamedAgent> named;
            if (agent == nullptr) {
                named = named_after(blame.end());
                if (!named || (blame.payload == k_purpose_blame && !blames_for(named->end))) continue;
                if (vague(*named)) named = known_only(*named);
                // "We hold Thackwell Police responsible": a force named by its
                // place is the lexicon's agent its last word is.
                if (named->proper && named->end > named->name + 1) {
                    if (const PhraseMatch* last = m_s.at(named->end - 1, Cue::agent)) {
                        agent = last;
                        named.reset();
                    }
                }
            }
            const std::uint32_t agent_end = named ? named->end : agent->end();
            const bool negated = (blame.pos > 0 && m_facts.find(Cue::negation, blame.pos >= 2 ? blame.pos - 2 : 0, blame.pos)) ||
                                 denied_by_cue(blame.pos);
            const auto to = static_cast<std::uint32_t>(std::min<std::size_t>(m_s.tokens.size(), agent_end + 8));
            Polarity polarity = negated ? Polarity::denied : clause_polarity(m_facts, blame.pos);
            // "Responsibility for the flue lies with the contractor" says so outright.
            if (!negated && blame.payload == k_pointing_blame && polarity == Polarity::asserted &&
                !harm_before(blame.pos) && !word_before(blame.pos, "responsibility")) {
                polarity = Polarity::implied;
            }
            std::string harm = harm_in(m_s, m_lexicon, agent_end, to);
            responsibility(agent, named, !negated, std::move(harm), polarity, blame.pos, agent_end, k_rule_blame);
        }
    }

    // "The bridge was the contractor's responsibility", "were not the
    // council's responsibility": a possessive before "responsibility" points
    // at its owner, implied (asserted when a harm is the subject, denied
    // after a negation), as `pointing_phrases` do.
    void owned_responsibility_claims()
    {
        const auto n = static_cast<std::uint32_t>(m_s.tokens.size());
        for (std::uint32_t t = 2; t < n; ++t) {
            if (m_s.tokens[t].word != "responsibility" || m_s.tokens[t - 1].word != "'s") continue;
            const std::uint32_t owner_end = t - 1;
            const PhraseMatch* agent = ending_at(Cue::agent, owner_end);
            std::optional<NamedAgent> named;
            if (agent == nullptr) {
                named = named_before(owner_end);
                if (!named || named->end != owner_end) continue;
                if (vague(*named)) named = known_only(*named);
            }
            const std::uint32_t first = named ? named->pos : agent->pos;
            std::uint32_t clause = first;
            while (clause > 0 && !m_facts.is_break(clause - 1)) --clause;
            const bool negated = m_facts.find(Cue::negation, clause, first) != nullptr;
            Polarity polarity = negated ? Polarity::denied : harm_before(first) ? Polarity::asserted : Polarity::implied;
            std::string harm = harm_in(m_s, m_lexicon, 0, n);
            responsibility(agent, named, !negated, std::move(harm), polarity, first, t + 1, k_rule_state);
        }
    }

    // True when `word` stands before token `at` in its clause.
    [[nodiscard]] bool word_before(std::uint32_t at, std::string_view word) const
    {
        for (std::uint32_t t = at; t > 0 && !m_facts.is_break(t - 1); --t) {
            if (m_s.tokens[t - 1].word == word) return true;
        }
        return false;
    }

    // True when a harm trigger stands before token `at` in its clause: "That
    // child's death is the responsibility of ...".
    [[nodiscard]] bool harm_before(std::uint32_t at) const
    {
        for (std::uint32_t t = at; t > 0 && !m_facts.is_break(t - 1); --t) {
            const PhraseMatch* trigger = m_s.at(t - 1, Cue::trigger);
            if (trigger != nullptr && m_lexicon.harm[static_cast<std::size_t>(trigger->payload)]) return true;
        }
        return false;
    }

    // "hold the minister personally responsible", "held the company
    // responsible for the deaths": a verb of `purpose_blame_verbs` takes a
    // phrase the lexicon does not list only when "for", "of" or a
    // responsibility state follows it ("held Friday's vigil" blames no one).
    [[nodiscard]] bool blames_for(std::uint32_t end) const
    {
        // "blamed the rink's operator, Orvane Leisure, for ...": past the comma closing the name.
        if (m_s.is_punct(end, ',')) ++end;
        for (auto t = end; t < m_s.tokens.size() && t < end + 3 && !m_facts.is_break(t); ++t) {
            const std::string_view word = m_s.tokens[t].word;
            if (word == "for" || word == "of" || m_s.at(t, Cue::state) != nullptr) return true;
        }
        return false;
    }

    // The first denial object in tokens [from, to); a pronoun ("denies this")
    // only when its clause ends after it or a closer follows ("rejects that
    // completely"), not the "that" opening what is denied.
    [[nodiscard]] const PhraseMatch* denial_object(std::uint32_t from, std::uint32_t to) const
    {
        const auto n = static_cast<std::uint32_t>(m_s.tokens.size());
        for (const auto& match : m_s.matches) {
            if (match.cue != Cue::denial_object || match.pos < from || match.pos >= to) continue;
            if (match.payload != k_denied_pronoun || match.end() >= n || m_facts.is_break(match.end()) ||
                m_lexicon.pronoun_closers.contains(m_s.tokens[match.end()])) {
                return &match;
            }
        }
        return nullptr;
    }

    // "The police denied firing", "the ministry denied that officers fired".
    void denial_claims()
    {
        self_denial_claims();
        denied_own_deed();
        if (!m_attribution || !m_attribution->denial) return;
        const std::uint32_t cue = m_attribution->cue;
        const auto n = static_cast<std::uint32_t>(m_s.tokens.size());
        const PhraseMatch* agent = m_facts.find(Cue::agent, cue + 1, std::min(n, cue + 7));
        const PhraseMatch* object = denial_object(cue + 1, std::min(n, cue + 4));
        std::uint32_t last = agent ? agent->end() : object ? object->end() : 0;
        if (agent == nullptr && object != nullptr) {
            agent = m_facts.find(Cue::agent, m_attribution->first, m_attribution->last);
            // "The inspectorate denied responsibility": the speaker clears itself;
            // the caller puts the id of the source it names in place of its slug.
            if (agent == nullptr) {
                auto named = named_after(m_attribution->first);
                if (!named || named->end != m_attribution->last) return;
                named->known_only = named->known_only || vague(*named);
                named->proper = true;
                const std::size_t before = m_out.size();
                responsibility(named_id(*named), false, harm_in(m_s, m_lexicon, cue, n), Polarity::denied,
                               named->pos, object->end(), k_rule_denial, &*named);
                mark_denies_before(before, *object);
                return;
            }
        }
        if (agent == nullptr || last == 0) return;
        const std::size_t before = m_out.size();
        responsibility(agent_name(*agent), false, harm_in(m_s, m_lexicon, cue, n), Polarity::denied,
                       std::min(cue, agent->pos), std::max(last, agent->end()), k_rule_denial);
        if (object != nullptr) mark_denies_before(before, *object);
    }

    // A claim added since `before` whose object is a pronoun ("denies this")
    // denies the blame given before it.
    void mark_denies_before(std::size_t before, const PhraseMatch& object)
    {
        if (m_out.size() > before && object.payload == k_denied_pronoun) m_out.back().denies_before = true;
    }

    // The speaker's own words after "that": "It denied that it had ignored
    // safety concerns", "We reject the claim that our rosters ...".
    [[nodiscard]] static bool own_word(std::string_view word)
    {
        return speaker_pronoun(word) || word == "its" || word == "our" || word == "his" || word == "her";
    }

    // "It denied that it had ignored safety concerns", "Corvale does not
    // accept that it caused this collapse", "denies that its officers used
    // live ammunition": a denial whose "that" clause opens with the
    // speaker's own pronoun or possessive clears the speaker.
    void denied_own_deed()
    {
        if (!m_attribution || !m_attribution->denial) return;
        const auto n = static_cast<std::uint32_t>(m_s.tokens.size());
        const PhraseMatch* verb = m_facts.find(Cue::denial_verb, m_attribution->cue, n);
        // "Brightfield denies that." is left out: as often a figure as a blame.
        if (verb == nullptr || verb->end() + 1 >= n || m_s.tokens[verb->end()].word != "that") return;
        const std::string_view word = m_s.tokens[verb->end() + 1].word;
        if (!own_word(word)) return;
        responsibility(std::string(word), false, harm_in(m_s, m_lexicon, verb->pos, n), Polarity::denied,
                       verb->pos, verb->end() + 2, k_rule_denial);
        m_out.back().agent_is_speaker = true;
    }

    // "It says a valve failed, and it denies any negligence": a speaker's
    // pronoun before a denial verb and its object clears the speaker, whom
    // the caller puts in its place.
    void self_denial_claims()
    {
        const auto n = static_cast<std::uint32_t>(m_s.tokens.size());
        for (const auto& verb : m_s.matches) {
            if (verb.cue != Cue::denial_verb) continue;
            const PhraseMatch* object = denial_object(verb.end(), std::min(n, verb.end() + 3));
            if (object == nullptr) continue;
            // "We reject that allegation", "We reject the allegation that we
            // cut corners" clear the speaker; "we reject the claim of Ostrava
            // Basin Mining that ..." rejects another's words.
            if (object->payload == k_denied_saying && object->end() < n) {
                const std::string_view next = m_s.tokens[object->end()].word;
                const bool about_self = next == "that" && object->end() + 1 < n &&
                                        own_word(m_s.tokens[object->end() + 1].word);
                if ((next == "of" || next == "that" || next == "by" || next == "made") && !about_self) continue;
            }
            // Adverbs and an opening quotation mark between: 'it "rejects the accusation"'.
            std::uint32_t before = verb.pos;
            while (before > 0 &&
                   (m_lexicon.adverbs.contains(m_s.tokens[before - 1]) || m_s.is_punct(before - 1, '"'))) {
                --before;
            }
            if (before == 0) continue;
            const std::string_view word = m_s.tokens[before - 1].word;
            if (!speaker_pronoun(word)) {
                named_self_denial(verb, *object);
                continue;
            }
            const std::size_t added = m_out.size();
            responsibility(std::string(word), false, harm_in(m_s, m_lexicon, verb.pos, n), Polarity::denied,
                           before - 1, object->end(), k_rule_denial);
            m_out.back().agent_is_speaker = true;
            mark_denies_before(added, *object);
        }
    }

    // "A lawyer for Rosewell Knitwear said the company denied any
    // wrongdoing": a body or name right before a denial verb that is not the
    // sentence's own cue (which denial_claims reads) clears itself.
    void named_self_denial(const PhraseMatch& verb, const PhraseMatch& object)
    {
        if (m_attribution && m_attribution->cue == verb.pos) return;
        const PhraseMatch* agent = subject_agent(verb.pos);
        std::optional<NamedAgent> named;
        if (agent == nullptr) {
            named = named_subject(verb.pos, true);
            if (!named) return;
        }
        const auto n = static_cast<std::uint32_t>(m_s.tokens.size());
        const std::size_t added = m_out.size();
        responsibility(agent, named, false, harm_in(m_s, m_lexicon, verb.pos, n), Polarity::denied,
                       named ? named->pos : agent->pos, object.end(), k_rule_denial);
        mark_denies_before(added, object);
        if (m_out.size() > added && !m_attribution) m_out.back().agent_speaks = true;
    }

    [[nodiscard]] static bool is_zero(const Figure& figure)
    {
        return figure.count.lo == 0 && figure.count.hi == std::optional<std::int64_t>(0);
    }

    // The agent a harm trigger is tied to, and whether "by" ties it directly.
    struct HarmAgent {
        const PhraseMatch* agent = nullptr;
        bool direct = false;
    };

    // "One man was killed during the raid by the Albanian police": the first
    // agent after the trigger in its clause, before another harm trigger
    // ("the people I treated were injured by police" is the injuries' agent).
    [[nodiscard]] HarmAgent harm_agent(const Trigger& trigger) const
    {
        const auto n = static_cast<std::uint32_t>(m_s.tokens.size());
        const PhraseMatch* agent = nullptr;
        bool joined = false;  // "killed and several others were injured during the raid by police"
        for (auto t = trigger.end; t < n && t < trigger.end + k_agent_window; ++t) {
            if (m_facts.is_break(t)) break;
            joined = joined || m_s.tokens[t].word == "and" || m_s.tokens[t].word == "or";
            if (const PhraseMatch* other = m_s.at(t, Cue::trigger);
                !joined && other != nullptr && m_lexicon.harm[static_cast<std::size_t>(other->payload)]) {
                break;
            }
            agent = m_s.at(t, Cue::agent);
            if (agent != nullptr) break;
        }
        if (agent == nullptr || agent->pos == trigger.end) return {};
        const PhraseMatch* direct = m_s.at(trigger.end, Cue::direct_link);
        bool asserted = direct != nullptr;
        for (auto t = direct ? direct->end() : trigger.end; t < agent->pos && asserted; ++t) {
            asserted = m_lexicon.modifiers.contains(m_s.tokens[t]) || m_s.tokens[t].capital;
        }
        if (asserted && agent->end() < n && m_s.tokens[agent->end()].word == "'s") asserted = false;
        // "hurt by police batons": the instrument hurt; its user is implied.
        if (asserted && m_s.at(agent->end(), Cue::instrument) != nullptr) asserted = false;
        if (!asserted && m_facts.find(Cue::implied_link, trigger.end, agent->pos) == nullptr) return {};
        return {agent, asserted};
    }

    // "One man was killed during the raid by the Albanian police." True when
    // it made a claim.
    bool link_claim(const Trigger& trigger)
    {
        const auto [agent, asserted] = harm_agent(trigger);
        if (agent == nullptr) return false;
        const std::uint32_t first = trigger.figure != k_none ? std::min(trigger.pos, m_figures[trigger.figure].first)
                                                             : trigger.pos;
        const std::uint32_t negation_from = std::min(first, trigger.pos >= 3 ? trigger.pos - 3 : 0);
        // "nobody was injured by police action": a zero harmed by the agent clears it.
        const bool zero = trigger.figure != k_none && is_zero(m_figures[trigger.figure]);
        // "The ministry denies he died as a result of police action".
        const bool negated =
            zero || m_facts.find(Cue::negation, negation_from, trigger.pos) != nullptr || denied_before(first);
        Polarity polarity = asserted ? Polarity::asserted : Polarity::implied;
        if (negated) {
            polarity = Polarity::denied;
        } else if (m_facts.in_clause(Cue::hedge, trigger.pos)) {
            polarity = Polarity::hedged;
        }
        responsibility(agent_name(*agent), !negated, m_lexicon.attributes[static_cast<std::size_t>(trigger.attribute)],
                       polarity, first, agent->end(), k_rule_link);
        return true;
    }

    // The agent right before token `verb` (adverbs between), as its subject;
    // null when there is none, or when it is counted ("14 police injured",
    // "two of the police").
    [[nodiscard]] const PhraseMatch* subject_agent(std::uint32_t verb) const
    {
        std::uint32_t before = verb;
        while (before > 0 && m_lexicon.adverbs.contains(m_s.tokens[before - 1])) --before;
        if (before == 0) return nullptr;
        const PhraseMatch* agent = ending_at(Cue::agent, before);
        if (agent == nullptr) return nullptr;
        std::uint32_t start = agent->pos;
        if (start > 0 && m_lexicon.determiners.contains(m_s.tokens[start - 1])) --start;
        if (start > 0 && (m_s.tokens[start - 1].number || m_facts.figure_at(start - 1) != k_none ||
                          m_s.tokens[start - 1].word == "of")) {
            return nullptr;
        }
        return agent;
    }

    // "Soldiers opened fire on the crowd", "when officers beat him": the
    // subject of a verb of violence is responsible for the sentence's harm.
    void violence_claim(const PhraseMatch& violence)
    {
        if (violence.payload == k_neglect) {
            neglect_claim(violence);
            return;
        }
        const PhraseMatch* agent = subject_agent(violence.pos);
        if (agent == nullptr) return;
        // Implied in a clause of circumstance: "Two men died when soldiers opened fire".
        bool circumstance = false;
        for (std::uint32_t t = agent->pos; t > 0 && !circumstance; --t) {
            if (m_facts.is_break(t - 1)) break;
            const std::string_view word = m_s.tokens[t - 1].word;
            circumstance = word == "when" || word == "as" || word == "after";
        }
        if (!circumstance && violence.payload == k_circumstance_only) return;
        Polarity polarity = circumstance ? Polarity::implied : clause_polarity(m_facts, violence.pos);
        // "The army denied that troops had fired on civilians": a denial verb
        // just before the agent, "that" allowed between.
        const bool denied = std::ranges::any_of(m_s.matches, [&](const PhraseMatch& match) {
            return match.cue == Cue::denial_verb && match.end() <= agent->pos && agent->pos - match.end() <= 2;
        });
        if (denied) polarity = Polarity::denied;
        std::string harm = harm_in(m_s, m_lexicon, 0, static_cast<std::uint32_t>(m_s.tokens.size()));
        responsibility(agent_name(*agent), !denied, std::move(harm), polarity, agent->pos, violence.end(),
                       k_rule_subject);
    }

    // "Roskell Mining ignored warnings", "because the council ignored
    // warnings": the subject of a verb of neglect is implied in the harm;
    // denied after a negation or a denial verb ("The council denies ignoring
    // the complaints", "Northway did not ignore them").
    void neglect_claim(const PhraseMatch& verb)
    {
        if (verb.end() < m_s.tokens.size() && m_s.tokens[verb.end()].word == "wrong") return;  // "did nothing wrong"
        // "The council denies ignoring the complaints": the denial's subject.
        const PhraseMatch* denial = ending_at(Cue::denial_verb, verb.pos);
        const std::uint32_t subject_end = denial != nullptr ? denial->pos : verb.pos;
        const PhraseMatch* agent = subject_agent(subject_end);
        std::optional<NamedAgent> named;
        // The quote starts at the subject, or at "it" when it stands for one before.
        std::uint32_t first = 0;
        if (agent == nullptr) {
            named = named_subject(subject_end, true);
            if (named) {
                first = named->pos;
            } else if ((named = and_it_subject(subject_end, agent)) || agent != nullptr) {
                first = subject_end;
                while (m_s.tokens[first - 1].word != "and") --first;
            } else {
                return;
            }
        } else {
            first = agent->pos;
        }
        const bool negated = m_facts.find(Cue::negation, first, verb.pos) != nullptr || denied_before(first) ||
                             subject_end != verb.pos;
        Polarity polarity = negated ? Polarity::denied : Polarity::implied;
        if (!negated && m_facts.in_clause(Cue::hedge, verb.pos)) polarity = Polarity::hedged;
        std::string harm = harm_in(m_s, m_lexicon, 0, static_cast<std::uint32_t>(m_s.tokens.size()));
        responsibility(agent, named, !negated, std::move(harm), polarity, first, verb.end(), k_rule_subject);
    }

    // "The police killed two men", "Police shot dead five traders", "soldiers
    // have wounded dozens": an agent that is the subject of an active harm
    // verb did the harm. Active: only adverbs between the agent and the verb
    // ("were killed" is passive), and a figure or an object word after it
    // ("Police killed in ambush" is a headline's passive); the agent counts
    // no one ("14 police injured").
    void subject_claim(const Trigger& trigger)
    {
        const auto n = static_cast<std::uint32_t>(m_s.tokens.size());
        if (trigger.end >= n) return;
        const bool object = m_facts.figure_at(trigger.end) != k_none || m_lexicon.harm_objects.contains(m_s.tokens[trigger.end]);
        if (!object) return;
        const PhraseMatch* agent = subject_agent(trigger.pos);
        std::optional<NamedAgent> named;
        if (agent == nullptr) {
            // "Carrowmore District Hospital has treated 26" does no harm.
            if (!m_lexicon.doer_verbs.contains(m_s.tokens[trigger.pos])) return;
            named = named_subject(trigger.pos);
            if (!named) return;
        }
        const Polarity polarity = m_facts.in_clause(Cue::hedge, trigger.pos) ? Polarity::hedged : Polarity::asserted;
        const std::uint32_t last = trigger.figure != k_none ? std::max(trigger.end, m_figures[trigger.figure].last)
                                                            : trigger.end;
        std::string harm = m_lexicon.attributes[static_cast<std::size_t>(trigger.attribute)];
        responsibility(agent, named, true, std::move(harm), polarity, named ? named->pos : agent->pos, last,
                       k_rule_subject);
    }

    // "We warned Ferrick in August ..., and it did nothing", "The trust was
    // warned, again and again, and it did nothing", "Ravelin was warned in
    // March ... and did nothing", "We told the council, and nothing
    // happened": after "and", with "it" or nothing between, the neglect is
    // the first body or name of its sentence's.
    // A lexicon agent ("The council knew ... and did nothing") is set in `agent`.
    [[nodiscard]] std::optional<NamedAgent> and_it_subject(std::uint32_t verb, const PhraseMatch*& agent) const
    {
        std::uint32_t before = verb;
        while (before > 0 && m_lexicon.adverbs.contains(m_s.tokens[before - 1])) --before;
        if (before > 0 && m_s.tokens[before - 1].word == "it") --before;
        if (before < 1 || m_s.tokens[before - 1].word != "and") return std::nullopt;
        // After the sentence's speaker: "Yarrowby Town said that Portheath
        // Rovers ... had ignored intelligence".
        const std::uint32_t from = m_attribution && m_attribution->cue < before ? m_attribution->cue + 1 : 0;
        for (std::uint32_t t = from; t + 1 < before; ++t) {
            if (const PhraseMatch* found = m_s.at(t, Cue::agent)) {
                agent = found;
                return std::nullopt;
            }
            if (m_s.tokens[t].word != "the" && !name_word(t)) continue;
            if (auto named = named_after(t)) return vague(*named) ? known_only(*named) : *named;
        }
        return std::nullopt;
    }

    // "Torvane killed my husband", "The landlord killed our friends": a
    // name, or a body with a word before it, that opens its clause right
    // before the verb (adverbs between). "The blast at Brackley Chemicals
    // killed four" has no such subject.
    [[nodiscard]] std::optional<NamedAgent> named_subject(std::uint32_t verb, bool after_because = false) const
    {
        std::uint32_t before = verb;
        while (before > 0 && m_lexicon.adverbs.contains(m_s.tokens[before - 1])) --before;
        if (before == 0) return std::nullopt;
        auto named = named_before(before);
        if (!named || named->end != before) return std::nullopt;
        if (named->pos > 0 && !m_facts.is_break(named->pos - 1)) {
            const std::string_view word = m_s.tokens[named->pos - 1].word;
            // "because the council ignored warnings", "The union says Roskell Mining ignored warnings".
            const bool opens = word == "because" || word == "and" || m_s.at(named->pos - 1, Cue::verb) != nullptr;
            if (word != "that" && !(after_because && opens)) return std::nullopt;
        }
        if (vague(*named)) named = known_only(*named);
        return named;
    }

    const SentenceView& m_s;
    const Lexicon& m_lexicon;
    std::span<const Figure> m_figures;
    const std::optional<Attribution>& m_attribution;
    std::string_view m_previous_subject;  // the agent that opened the sentence before, or empty
    ClaimScratch& m_scratch;
    SentenceFacts m_facts;
    std::vector<SentenceClaim>& m_out;
};

}  // namespace

void build_claims(const SentenceView& sentence, const Lexicon& lexicon, std::span<const Figure> figures,
                  const std::optional<Attribution>& attribution, std::string_view previous_subject,
                  ClaimScratch& scratch, std::vector<SentenceClaim>& out)
{
    Builder(sentence, lexicon, figures, attribution, previous_subject, scratch, out).run();
}

std::string_view opening_agent(const SentenceView& sentence, const Lexicon& lexicon)
{
    // Past an opening quotation mark, a determiner and one plain word ("The
    // county council knew ...").
    std::uint32_t t = 0;
    const auto n = static_cast<std::uint32_t>(sentence.tokens.size());
    if (t < n && sentence.is_punct(t, '"')) ++t;
    for (const auto& match : sentence.matches) {
        if (match.pos > t + 2) break;
        if (match.cue == Cue::agent && match.pos >= t) return lexicon.agents[static_cast<std::size_t>(match.payload)];
    }
    return {};
}

}  // namespace contra::detail::extraction
