#include "extract/attribution.hpp"
#include "quantity/number_words.hpp"

#include <algorithm>

namespace contra::detail::extraction {

namespace {

constexpr std::uint32_t k_apart_window = 20;  // tokens from a verb back to a speaker set apart from it
constexpr std::uint32_t k_plain_words = 3;     // plain words between a determiner and a speaker word
constexpr std::uint32_t k_relay_gap = 3;       // tokens from a verb to an "according to" it relays: "reported that, according to"

bool is_connector(std::string_view word) { return word == "of" || word == "for" || word == "at" || word == "from"; }

// "the Tamsworth Fire and Rescue Service", "the Metal and Foundry Workers'
// Union", "the Mid-Lorne Ambulance Service": an "and" or a hyphen between
// two capitalised words joins one name; so does an "and" before a speaker
// word after a plain one ("the county fire and rescue service").
bool joins_name(const SentenceView& s, std::uint32_t at, const Lexicon& lexicon)
{
    if (at == 0 || at + 1 >= s.tokens.size() || (s.tokens[at].word != "and" && !s.is_punct(at, '-'))) return false;
    const auto& before = s.tokens[at - 1];
    const auto& after = s.tokens[at + 1];
    if (before.punct || before.number || after.punct || after.number) return false;
    if (before.capital && after.capital) return true;
    return s.tokens[at].word == "and" && !before.capital && !after.capital && lexicon.speaker_words.contains(after) &&
           !lexicon.determiners.contains(before);
}

// May token `t` be part of a speaker's name?
bool name_word(const WordToken& token, const Lexicon& lexicon)
{
    if (token.punct || token.number) return false;
    if (lexicon.not_speaker.contains(token)) return false;
    return token.capital || lexicon.speaker_words.contains(token) || token.word == "'s";
}

// True when [first, last) names someone: a capitalised word or a speaker word
// that is not just a connector.
bool names_someone(const SentenceView& s, std::uint32_t first, std::uint32_t last, const Lexicon& lexicon)
{
    for (auto i = first; i < last; ++i) {
        const auto& token = s.tokens[i];
        // "The claim that 32 people drowned is false": a determiner, capitalised
        // to open the sentence, names no one.
        if (token.punct || is_connector(token.word) || token.word == "'s" || lexicon.determiners.contains(token)) {
            continue;
        }
        if (token.capital || lexicon.speaker_words.contains(token)) return true;
    }
    return false;
}

// Drops connectors and possessives at the edges.
void trim_edges(const SentenceView& s, std::uint32_t& first, std::uint32_t& last)
{
    while (first < last && (is_connector(s.tokens[first].word) || s.tokens[first].word == "'s")) ++first;
    while (last > first && is_connector(s.tokens[last - 1].word)) --last;
}

// "the port authority", "the dockers' welfare association": a few plain
// lower-case words between a determiner and a speaker word. Returns the
// determiner's position when they are there, else `first` unchanged.
std::uint32_t plain_words_back(const SentenceView& s, std::uint32_t first, std::uint32_t last, const Lexicon& lexicon)
{
    if (first >= last || !names_someone(s, first, last, lexicon)) return first;
    std::uint32_t back = first;
    for (std::uint32_t words = 0; back > 0 && words < k_plain_words; ++words) {
        const auto& token = s.tokens[back - 1];
        const bool possessive = (s.is_punct(back - 1, '\'') || token.word == "'s") && back >= 2 &&
                                !s.tokens[back - 2].punct;
        if (possessive) {
            back -= 2;
            continue;
        }
        if (token.punct || token.number || token.capital || lexicon.not_speaker.contains(token)) break;
        if (lexicon.determiners.contains(token)) return back - 1;
        --back;
    }
    return back > 0 && back < first && lexicon.determiners.contains(s.tokens[back - 1]) ? back - 1 : first;
}

// The speaker phrase that ends right before token `end` (exclusive).
std::optional<Attribution> phrase_before(const SentenceView& s, std::uint32_t end, const Lexicon& lexicon)
{
    std::uint32_t last = end;
    while (last > 0 && lexicon.adverbs.contains(s.tokens[last - 1])) --last;
    if (last == 0) return std::nullopt;
    const PhraseMatch* pronoun = nullptr;
    for (const auto& match : s.matches) {
        if ((match.cue == Cue::pronoun || match.cue == Cue::document_ref) && match.end() == last) pronoun = &match;
    }
    // A pronoun must stand alone: "he said", not "the man he said".
    if (pronoun != nullptr &&
        (pronoun->pos == 0 || s.is_break(pronoun->pos - 1) || !name_word(s.tokens[pronoun->pos - 1], lexicon))) {
        return Attribution{pronoun->cue == Cue::pronoun ? SpeakerKind::pronoun : SpeakerKind::document,
                           pronoun->pos, pronoun->end(), end, false};
    }
    std::uint32_t first = last;
    while (first > 0) {
        const auto& token = s.tokens[first - 1];
        if (token.punct && token.word[0] == ')' && first >= 3 && s.is_punct(first - 3, '(')) {
            first -= 3;  // "(NCRI)"
            continue;
        }
        if (lexicon.determiners.contains(token)) {
            --first;
            // "a spokesperson for the council": keep reading past a connector.
            if (first > 0 && is_connector(s.tokens[first - 1].word)) continue;
            break;
        }
        // "the prisoners' families association", "the city's health department":
        // the word a possessive mark closes belongs to the name.
        const bool possessive = (s.is_punct(first - 1, '\'') || token.word == "'s") && first >= 2 &&
                                !s.tokens[first - 2].punct && !s.tokens[first - 2].number && first < last;
        if (possessive) {
            first -= 2;
            continue;
        }
        // "the regional hospital in Durres": a place after the name.
        const bool place = token.word == "in" && first < last && s.tokens[first].capital && first >= 2 &&
                           name_word(s.tokens[first - 2], lexicon);
        // "Mr. Hoxha", "Lt. Col. Arben Hoxha": a title's period.
        const bool title_period = s.is_punct(first - 1, '.') && first >= 2 && s.tokens[first - 2].capital &&
                                  s.tokens[first - 2].word.size() <= 4;
        // "Three Counties Ambulance Service said": a capitalised number word
        // that opens the sentence or follows a determiner, with the name's
        // capitalised words after it, is the name's first word.
        const bool number_first = token.capital && !token.number && first < last && s.tokens[first].capital &&
                                  (first == 1 || lexicon.determiners.contains(s.tokens[first - 2])) &&
                                  number_word(token.word).role != WordRole::none;
        if (!title_period && !place && !number_first && !joins_name(s, first - 1, lexicon) &&
            !name_word(token, lexicon)) {
            first = plain_words_back(s, first, last, lexicon);
            break;
        }
        --first;
    }
    trim_edges(s, first, last);
    if (first >= last || !names_someone(s, first, last, lexicon)) return std::nullopt;
    return Attribution{SpeakerKind::named, first, last, end, false};
}

bool is_relative(std::string_view word)
{
    return word == "who" || word == "which" || word == "that" || word == "where";
}

// True when token `first` opens its sentence or a clause of it.
bool opens_clause_at(const SentenceView& s, std::uint32_t first) { return first == 0 || s.is_break(first - 1); }

// The named speaker phrase that ends right before token `end` when it opens
// with a determiner or a capital ("the company", "Lidia Poret"): the head a
// relative clause completes.
std::optional<Attribution> head_before(const SentenceView& s, std::uint32_t end, const Lexicon& lexicon)
{
    auto head = phrase_before(s, end, lexicon);
    if (!head || head->kind != SpeakerKind::named) return std::nullopt;
    if (!lexicon.determiners.contains(s.tokens[head->first]) && !s.tokens[head->first].capital) return std::nullopt;
    return head;
}

// A speaker set off from its verb: "the operator, Selva Stone Ltd, said"
// (the name in the aside), "Lidia Poret, who speaks for the trust, said"
// (the name before a relative clause), "..., the company that runs the pit
// said" (the head before a relative clause).
std::optional<Attribution> phrase_apart(const SentenceView& s, std::uint32_t end, const Lexicon& lexicon)
{
    std::uint32_t last = end;
    while (last > 0 && lexicon.adverbs.contains(s.tokens[last - 1])) --last;
    if (last == 0) return std::nullopt;
    const std::uint32_t lowest = last > k_apart_window ? last - k_apart_window : 0;
    if (s.is_punct(last - 1, ',')) {
        // The comma that opens the aside.
        std::uint32_t open = last - 1;
        // A hyphen inside a name ("Sunniva Oyelowo-Frain") is no break.
        while (open > lowest && (!s.is_break(open - 1) || joins_name(s, open - 1, lexicon))) --open;
        if (open == lowest || !s.is_punct(open - 1, ',') || open + 1 >= last) return std::nullopt;
        if (is_relative(s.tokens[open].word)) {
            if (s.tokens[open].word == "that") return std::nullopt;
            return phrase_before(s, open - 1, lexicon);
        }
        auto aside = phrase_before(s, last - 1, lexicon);
        if (!aside || aside->first != open || aside->kind != SpeakerKind::named) {
            // "A statement from Stellbury Ambulance Service, read to the court,
            // said": an aside that names no one, after a speaker that opens the
            // sentence or its clause.
            if (s.tokens[open].capital || open < 2) return std::nullopt;
            auto head = phrase_before(s, open - 1, lexicon);
            if (!head || head->kind != SpeakerKind::named || !opens_clause_at(s, head->first)) return std::nullopt;
            return head;
        }
        // "Tailings Watch, an environmental group, says", "The Custodial Staff
        // Association, the union for prison staff, says": an aside that opens
        // with a determiner and names no body ("a spokesman for the 4th
        // Infantry Division" does) describes the name before it, which is the
        // speaker.
        const bool names_body = std::any_of(s.tokens.begin() + open + 1, s.tokens.begin() + last - 1,
                                            [](const WordToken& token) { return token.capital; });
        if (lexicon.determiners.contains(s.tokens[open]) && !names_body && open >= 2) {
            auto name = phrase_before(s, open - 1, lexicon);
            if (name && name->kind == SpeakerKind::named && s.tokens[name->first].capital) return name;
        }
        return aside;
    }
    // "the company that runs the pit said": a relative pronoun, no break after it.
    for (std::uint32_t t = last; t > lowest; --t) {
        const std::uint32_t at = t - 1;
        if (s.is_break(at)) return std::nullopt;
        if (!is_relative(s.tokens[at].word)) continue;
        // "The Trust, which says at least 60 were hurt, accuses ...": the
        // name before a relative set off by a comma, right before the verb.
        if (at >= 2 && s.is_punct(at - 1, ',') && s.tokens[at].word != "that" && at + 1 == last) {
            return head_before(s, at - 1, lexicon);
        }
        auto head = head_before(s, at, lexicon);
        // The head opens its clause: "..., the company that ...", not "killed the man who ...".
        if (head && !opens_clause_at(s, head->first)) return std::nullopt;
        return head;
    }
    return std::nullopt;
}

// The speaker phrase starting at token `begin`: after "according to", or
// after an inverted verb (", said the ministry").
std::optional<Attribution> phrase_after(const SentenceView& s, std::uint32_t begin, const Lexicon& lexicon)
{
    const auto n = static_cast<std::uint32_t>(s.tokens.size());
    for (const auto& match : s.matches) {
        if (match.pos == begin && (match.cue == Cue::pronoun || match.cue == Cue::document_ref)) {
            return Attribution{match.cue == Cue::pronoun ? SpeakerKind::pronoun : SpeakerKind::document, match.pos,
                               match.end(), begin, false};
        }
    }
    // From token `from`, a few plain lower-case words and then a speaker
    // word: the speaker word's position, else `from`. With `connector`, after
    // a determiner, the speaker word may be "for" or "of"; without, inside a
    // name, two plain words at most and no determiner among them.
    auto plain_words_to_speaker_word = [&](std::uint32_t from, bool connector) {
        std::uint32_t ahead = from;
        const std::uint32_t most = connector ? k_plain_words : 2;
        while (ahead < n && ahead - from < most && !s.tokens[ahead].punct && !s.tokens[ahead].number &&
               (connector || !lexicon.determiners.contains(s.tokens[ahead])) &&
               !s.tokens[ahead].capital && !name_word(s.tokens[ahead], lexicon) &&
               !lexicon.not_speaker.contains(s.tokens[ahead])) {
            ++ahead;
        }
        return ahead > from && ahead < n && lexicon.speaker_words.contains(s.tokens[ahead]) &&
                       (connector || !is_connector(s.tokens[ahead].word))
                   ? ahead
                   : from;
    };
    std::uint32_t last = begin;
    if (last < n && lexicon.determiners.contains(s.tokens[last])) {
        // "the port authority": plain words before a speaker word.
        last = plain_words_to_speaker_word(last + 1, true);
    }
    while (last < n && last - begin < 14) {
        const auto& token = s.tokens[last];
        if (token.punct && token.word[0] == '(' && last + 2 < n && s.is_punct(last + 2, ')')) {
            last += 3;
            continue;
        }
        if (is_connector(token.word) || lexicon.determiners.contains(token)) {
            ++last;
            continue;
        }
        // "the Lowfield Residents' Union": a possessive mark inside the name.
        const bool possessive = s.is_punct(last, '\'') && last > begin && s.tokens[last - 1].capital &&
                                last + 1 < n && name_word(s.tokens[last + 1], lexicon) && s.tokens[last + 1].capital;
        if (!possessive && !name_word(token, lexicon) && !(last > begin && joins_name(s, last, lexicon))) {
            // "the Brastowe river police": plain words between a capitalised
            // name and a speaker word ("police", not "for") are the name's,
            // when none of them is a word of the lexicon's phrases ("The
            // Families Group blamed the lift operator") or a determiner.
            // The capital must be a name's, not a sentence's or a clause's
            // first word ("Speaking outside police headquarters, he ...").
            const std::uint32_t ahead = last > begin && s.tokens[last - 1].capital && !opens_clause_at(s, last - 1)
                                            ? plain_words_to_speaker_word(last, false)
                                            : last;
            const bool plain_name_words = std::ranges::none_of(s.matches, [&](const PhraseMatch& match) {
                return match.end() > last && match.pos < ahead;
            });
            if (ahead == last || !plain_name_words) break;
            last = ahead;
        }
        ++last;
    }
    std::uint32_t first = begin;
    trim_edges(s, first, last);
    while (last > first && lexicon.determiners.contains(s.tokens[last - 1])) --last;
    if (first >= last || !names_someone(s, first, last, lexicon)) return std::nullopt;
    return Attribution{SpeakerKind::named, first, last, begin, false};
}

// "Corwin Aldstone, 57, ...", "Its managing director, Clive Oakhill, 54,
// ...": a capitalised name of two words or more, opening the sentence or
// set off by a comma, when an age set off by commas follows it.
std::optional<Attribution> aged_name(const SentenceView& s, const Lexicon& lexicon)
{
    const auto n = static_cast<std::uint32_t>(s.tokens.size());
    // The age first (", 54,"), which few sentences hold; then the name before it.
    for (std::uint32_t comma = 2; comma + 2 < n; ++comma) {
        if (!s.is_punct(comma, ',') || !s.tokens[comma + 1].number || s.tokens[comma + 1].word.size() > 3 ||
            !s.is_punct(comma + 2, ',')) {
            continue;
        }
        std::uint32_t first = comma;
        while (first > 0 && s.tokens[first - 1].capital && name_word(s.tokens[first - 1], lexicon)) --first;
        if (comma - first >= 2 && (first == 0 || s.is_punct(first - 1, ','))) {
            return Attribution{SpeakerKind::named, first, comma, 0, false};
        }
    }
    return std::nullopt;
}

}  // namespace

namespace {

// The token after the quotation that holds token `at`, or 0 when `at` is
// outside quotation marks.
std::uint32_t quotation_end(const SentenceView& s, std::uint32_t at)
{
    if (!s.quoted_at(at)) return 0;
    const auto n = static_cast<std::uint32_t>(s.tokens.size());
    std::uint32_t t = at;
    while (t < n && !s.is_punct(t, '"')) ++t;
    return t < n ? t + 1 : 0;
}

// "Car park collapse that killed four was \"waiting to happen\", jury
// told": a headline's "told" that ends its sentence is passive, and the
// jury before it heard what it names rather than said it.
bool told_with_nothing_after(const SentenceView& s, const PhraseMatch& match)
{
    const std::string_view word = s.tokens[match.pos].word;
    if (match.len != 1 || (word != "told" && word != "tells")) return false;
    for (auto t = match.end(); t < s.tokens.size(); ++t) {
        if (!s.tokens[t].punct) return false;
    }
    return true;
}

// Verbs of saying that a subject may share with a verb before them: "It
// blamed ... and said ...".
bool second_verb(std::string_view word)
{
    return word == "said" || word == "says" || word == "added" || word == "adds";
}

// The speaker's pronoun or name that opens the sentence, after a live
// blog's clock time.
std::optional<Attribution> opening_subject(const SentenceView& s, const Lexicon& lexicon)
{
    const std::uint32_t begin = after_clock_time(s.tokens);
    if (begin >= s.tokens.size()) return std::nullopt;
    if (const PhraseMatch* pronoun = s.at(begin, Cue::pronoun)) {
        return Attribution{SpeakerKind::pronoun, begin, pronoun->end(), begin, false};
    }
    auto found = phrase_after(s, begin, lexicon);
    if (!found || found->kind != SpeakerKind::named) return std::nullopt;
    return found;
}

// The first speaker a verb of saying or a prefix names from token `from` on.
std::optional<Attribution> first_attribution(const SentenceView& s, const Lexicon& lexicon, std::uint32_t from)
{
    const PhraseMatch* and_said = nullptr;
    for (const auto& match : s.matches) {
        if (match.pos < from) continue;
        std::optional<Attribution> found;
        if (match.cue == Cue::prefix) {
            found = phrase_after(s, match.end(), lexicon);
        } else if (match.cue == Cue::verb || match.cue == Cue::denial_verb) {
            if (told_with_nothing_after(s, match)) continue;
            found = phrase_before(s, match.pos, lexicon);
            if (!found) found = phrase_apart(s, match.pos, lexicon);
            // "Mara Lenz, 34, a teacher, said": asides after a name and its age.
            if (!found && match.pos > 0 && s.is_punct(match.pos - 1, ',')) {
                found = aged_name(s, lexicon);
                if (found && found->last >= match.pos) found.reset();
            }
            // ", said the ministry": the speaker follows the verb.
            if (!found && match.pos > 0 && s.is_break(match.pos - 1)) found = phrase_after(s, match.end(), lexicon);
            // "It blamed provocateurs for the violence and said 186 people had
            // been detained": a second verb's subject opens the sentence,
            // when no other cue names a speaker.
            if (!found && and_said == nullptr && match.pos > 1 && s.tokens[match.pos - 1].word == "and" &&
                second_verb(s.tokens[match.pos].word)) {
                and_said = &match;
            }
        }
        if (!found || found->first < from) continue;
        if (match.payload == k_named_verb && found->kind != SpeakerKind::named) continue;
        // "Corwin Aldstone, 57, of Lakeside Terrace, Oxlade Ferry, denies ...":
        // a name and an age open the sentence; the asides after them are
        // where the person lives, and the name speaks.
        if (found->kind == SpeakerKind::named && found->first >= 4 && s.is_punct(found->first - 1, ',')) {
            if (const auto aged = aged_name(s, lexicon); aged && aged->last < found->first && found->first < match.pos) {
                found->first = aged->first;
                found->last = aged->last;
            }
        }
        found->cue = match.pos;
        found->denial = match.cue == Cue::denial_verb;
        // "The Leader reported that, according to Holdenshire Constabulary,
        // three people had died": the source nearest the figures, relayed.
        if (match.cue == Cue::verb) {
            for (const auto& later : s.matches) {
                if (later.cue != Cue::prefix || later.pos <= match.pos) continue;
                if (later.pos > match.end() + k_relay_gap) break;
                if (auto relayed = phrase_after(s, later.end(), lexicon); relayed && relayed->kind == SpeakerKind::named) {
                    relayed->cue = later.pos;
                    relayed->relayed = found->kind == SpeakerKind::named;
                    relayed->relayer_first = found->first;
                    relayed->relayer_last = found->last;
                    return relayed;
                }
                break;
            }
        }
        return found;
    }
    // "Wescott Line's toll of 28": a possessive before a figure's noun that
    // gives the figure ("of 28", "at 28", "is 28"); "the ministry's figures
    // are false" speaks about the ministry's figure, not with its voice.
    const auto n = static_cast<std::uint32_t>(s.tokens.size());
    auto gives_figure = [&](std::uint32_t t) {
        if (t >= n) return false;
        const std::string_view word = s.tokens[t].word;
        if (word == "of" || word == "at") return true;
        return (word == "is" || word == "was" || word == "stands" || word == "stood") && t + 1 < n && s.tokens[t + 1].number;
    };
    for (std::uint32_t t = std::max<std::uint32_t>(from, 1); t + 2 < n; ++t) {
        if (s.tokens[t].word != "'s" || !lexicon.possessive_figures.contains(s.tokens[t + 1]) || !gives_figure(t + 2)) {
            continue;
        }
        auto found = phrase_before(s, t, lexicon);
        if (!found || found->kind != SpeakerKind::named || found->first < from) continue;
        found->cue = t;
        return found;
    }
    // "Its latest figures are three dead": opening the sentence, a speaker's
    // possessive pronoun, perhaps one word, a figure's noun and a link.
    const std::uint32_t open = std::max(from, after_clock_time(s.tokens));
    if (open + 3 < n && (s.tokens[open].word == "its" || s.tokens[open].word == "their")) {
        std::uint32_t noun = open + 1;
        if (!lexicon.possessive_figures.contains(s.tokens[noun]) && !s.tokens[noun].punct) ++noun;
        const std::string_view link = noun + 1 < n ? s.tokens[noun + 1].word : std::string_view();
        if (lexicon.possessive_figures.contains(s.tokens[noun]) &&
            (link == "is" || link == "are" || link == "was" || link == "were" || link == "of" || link == "at")) {
            return Attribution{SpeakerKind::pronoun, open, open + 1, open, false};
        }
    }
    if (and_said != nullptr) {
        if (auto subject = opening_subject(s, lexicon); subject && subject->first >= from && subject->last <= and_said->pos) {
            subject->cue = and_said->pos;
            return subject;
        }
    }
    return std::nullopt;
}

}  // namespace

std::optional<Attribution> find_attribution(const SentenceView& s, const Lexicon& lexicon, std::uint32_t from)
{
    auto found = first_attribution(s, lexicon, from);
    // "\"Thirty-eight is the number of deaths where a doctor wrote
    // heatstroke,\" said Hendrik Sollis": a verb of saying inside a
    // quotation yields to a speaker after it.
    if (found) {
        if (const std::uint32_t end = quotation_end(s, found->cue); end != 0) {
            if (auto outside = first_attribution(s, lexicon, end)) return outside;
        }
    }
    return found;
}

std::optional<Attribution> leading_subject(const SentenceView& s, const Lexicon& lexicon)
{
    if (s.tokens.empty()) return std::nullopt;
    // "10.20 Galveny police have issued a statement": a live blog's clock time
    // opens the entry, not the subject.
    std::uint32_t begin = after_clock_time(s.tokens);
    // "- Dunhollow General Hospital has treated 41 people": a list item's marker.
    if (begin == 0) begin = list_marker_end(s.tokens);
    auto found = phrase_after(s, begin, lexicon);
    if (!found || found->kind != SpeakerKind::named) return std::nullopt;
    return found;
}

std::uint32_t list_marker_end(std::span<const WordToken> tokens)
{
    return tokens.size() > 1 && tokens[0].punct && (tokens[0].word == "-" || tokens[0].word == "+") ? 1 : 0;
}

std::uint32_t after_clock_time(std::span<const WordToken> t)
{
    const auto is_mark = [&](std::size_t at, char mark) { return t[at].punct && t[at].word[0] == mark; };
    if (t.size() <= 3 || !t[0].number || t[0].word.size() > 2 || !(is_mark(1, '.') || is_mark(1, ':')) ||
        !t[2].number || t[2].word.size() != 2) {
        return 0;
    }
    std::uint32_t begin = 3;
    while (begin < t.size() && t[begin].punct && t[begin].word != "\"") ++begin;
    return begin;
}

std::uint32_t clause_separator(const SentenceView& s, std::uint32_t after, std::uint32_t before)
{
    const auto n = static_cast<std::uint32_t>(s.tokens.size());
    const auto end = std::min(n, before);
    // From the mark before `after`: "while" at `after` opens a clause when a comma precedes it.
    const std::uint32_t start = after > 0 ? after - 1 : 0;
    // A mark inside a quotation separates the quotation's own clauses, not
    // two speakers' ('"Nine people have lost their lives ..., but we cannot
    // rule it out," the chief fire officer told reporters').
    bool quoted = s.quoted_at(start);
    for (std::uint32_t t = start; t < end; ++t) {
        if (!s.tokens[t].punct) continue;
        const char mark = s.tokens[t].word[0];
        if (mark == '"') quoted = !quoted;
        if (quoted) continue;
        if (mark == ';' && t >= after && t > 0 && t + 1 < n) return t;
        if (mark != ',' || t + 1 >= end) continue;
        const std::string_view word = s.tokens[t + 1].word;
        if (word == "while" || word == "whereas" || word == "but") return t + 1;
        // "Police say 41 were arrested, and the federation says ...": an "and"
        // before what may open a name; not "..., and 12 were injured".
        if (word == "and" && t + 2 < end && !s.tokens[t + 2].punct && !s.tokens[t + 2].number &&
            (s.tokens[t + 2].capital || s.tokens[t + 2].word == "the")) {
            return t + 1;
        }
    }
    return 0;
}

}  // namespace contra::detail::extraction
