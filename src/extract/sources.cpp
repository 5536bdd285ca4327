#include "extract/sources.hpp"

#include <contra/text.hpp>

#include <algorithm>

namespace contra::detail::extraction {

namespace {

bool ends_with_words(std::string_view text, std::string_view tail)
{
    return text.size() > tail.size() && text.ends_with(tail) && text[text.size() - tail.size() - 1] == ' ';
}

std::string_view last_word(std::string_view key)
{
    auto space = key.rfind(' ');
    return space == std::string_view::npos ? key : key.substr(space + 1);
}

// Where `word` first occurs in `key` as a whole word (a key's words are one
// space apart), else npos.
std::size_t find_whole_word(std::string_view key, std::string_view word)
{
    for (auto at = key.find(word); at != std::string_view::npos; at = key.find(word, at + 1)) {
        const std::size_t end = at + word.size();
        if ((at == 0 || key[at - 1] == ' ') && (end == key.size() || key[end] == ' ')) return at;
    }
    return std::string_view::npos;
}

// "the National Council (NCRI)" -> "the National Council", and "NCRI".
std::string_view strip_acronym(std::string_view mention, std::string_view* acronym)
{
    mention = trim(mention);
    if (!mention.ends_with(')')) return mention;
    auto open = mention.rfind('(');
    if (open == std::string_view::npos) return mention;
    if (acronym != nullptr) *acronym = trim(mention.substr(open + 1, mention.size() - open - 2));
    return trim(mention.substr(0, open));
}

// Whether `name` begins with a word that folds to `word` (folded already),
// followed by a space. Plain ASCII, the usual case, is compared without
// folding a copy.
bool starts_with_folded_word(std::string_view name, std::string_view word)
{
    if (name.size() <= word.size() || name[word.size()] != ' ') return false;
    const std::string_view head = name.substr(0, word.size());
    if (!is_ascii(head)) return fold(head) == word;
    return std::ranges::equal(head, word, [](char a, char b) { return (a >= 'A' && a <= 'Z' ? a + 32 : a) == b; });
}

}  // namespace

std::string slug(std::string_view name)
{
    // Plain ASCII folds to its lower case, which the loop does itself.
    const bool ascii = is_ascii(name);
    const std::string folded = ascii ? std::string() : fold(name);
    std::string out;
    out.reserve(name.size());
    for (char c : ascii ? name : std::string_view(folded)) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
        const bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (keep) {
            out += c;
        } else if (!out.empty() && out.back() != '-') {
            out += '-';
        }
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    return out.empty() ? std::string("source") : out;
}

SourceResolver::SourceResolver(std::span<const Source> known, const Lexicon& lexicon)
    : m_lexicon(lexicon), m_known(known)
{
    for (const Source& source : known) {
        const std::size_t index = m_ids.size();
        m_ids.emplace_back(source.id);
        add_name(key_of(source.name), index);
        add_name(key_of(source.id), index);
        for (const auto& alias : source.aliases) add_name(key_of(alias), index);
    }
}

std::string_view SourceResolver::key_of(std::string_view words) const
{
    if (auto known = m_keys.find(words); known != m_keys.end()) return known->second;
    fold_with_map(words, m_key_folded);
    tokenize_words(m_key_folded, words, 0, m_key_folded.text.size(), m_key_tokens);
    m_lexicon.look_up(m_key_tokens);
    return remember_key(words, m_key_tokens);
}

void SourceResolver::learn(std::string_view words, std::span<const WordToken> tokens)
{
    if (!words.ends_with(')') && !m_keys.contains(words)) remember_key(words, tokens);
}

std::string_view SourceResolver::remember_key(std::string_view words, std::span<const WordToken> tokens) const
{
    std::string& key = m_key;
    key.clear();
    bool leading = true;
    for (const WordToken& token : tokens) {
        const std::string_view word = token.word;
        if (leading && m_lexicon.determiners.contains(token)) continue;
        leading = false;
        const bool punctuation = word.size() == 1 && !(word[0] >= 'a' && word[0] <= 'z') &&
                                 !(word[0] >= '0' && word[0] <= '9');
        if (punctuation) continue;
        if (!key.empty()) key += ' ';
        key += word;
    }
    return m_keys.emplace(String(words, &m_arena), String(key, &m_arena)).first->second;
}

const SourceResolver::Indices& SourceResolver::names_ending_with(std::string_view word) const
{
    static const Indices none;
    const auto found = m_by_last_word.find(word);
    return found == m_by_last_word.end() ? none : found->second;
}

void SourceResolver::add_name(std::string_view key, std::size_t source)
{
    if (key.empty()) return;
    for (const std::size_t i : names_ending_with(last_word(key))) {
        if (m_names[i].key == key) return;  // the first source to claim a name keeps it
    }
    const std::string_view last = last_word(key);
    auto bucket = m_by_last_word.find(last);
    if (bucket == m_by_last_word.end()) bucket = m_by_last_word.emplace(String(last, &m_arena), Indices(&m_arena)).first;
    bucket->second.push_back(m_names.size());
    m_names.push_back(Name{String(key, &m_arena), source});
}

std::string_view SourceResolver::lookup(std::string_view key, bool allow_surname) const
{
    if (key.empty()) return {};
    if (auto acronym = m_acronyms.find(key); acronym != m_acronyms.end()) {
        const std::string_view full = key_of(acronym->second);
        if (full != key) return lookup(full, allow_surname);
    }
    const Name* best = nullptr;
    const std::string_view tail = last_word(key);
    const bool ends_in_name = !m_lexicon.speaker_words.contains(m_lexicon.vocabulary.find(tail));
    // Every name that can match below ends with the key's last word.
    const Indices& same_tail = names_ending_with(tail);
    for (const std::size_t i : same_tail) {
        const Name& name = m_names[i];
        if (name.key == key) return m_ids[name.source];
        // "a spokesperson for the council" ends with the alias "council";
        // "Bledi Cuci" ends an alias "Interior Minister Bledi Cuci".
        // The second only for a name's tail ("Bledi Cuci"), never for a role
        // or organisation word ("council" is not "spokesperson for the council").
        const bool tail_of_name = ends_in_name && ends_with_words(name.key, key);
        if (ends_with_words(key, name.key) || tail_of_name) {
            if (best == nullptr || name.key.size() > best->key.size()) best = &name;
        }
    }
    if (best != nullptr) return m_ids[best->source];
    if (!allow_surname) return {};
    // "Minister Cuci" after "Interior Minister Bledi Cuci": the same last
    // word, when that word is a name rather than a role.
    if (ends_in_name) return same_tail.empty() ? std::string_view() : m_ids[m_names[same_tail.front()].source];
    // "the council" after "the National Council of Resistance of Iran": a
    // lone organisation word names the latest source whose name holds it.
    if (tail.size() != key.size()) return {};
    // Only where the word is the name's own ("national council of ..."),
    // not a reference to another body ("spokesperson for the council").
    for (auto name = m_names.rbegin(); name != m_names.rend(); ++name) {
        const std::size_t at = find_whole_word(name->key, key);
        if (at == std::string_view::npos) continue;
        const std::string_view before = at == 0 ? std::string_view() : last_word(std::string_view(name->key).substr(0, at - 1));
        if (before != "the" && before != "for" && before != "of" && before != "from" && before != "at") {
            return m_ids[name->source];
        }
    }
    return {};
}

std::string_view SourceResolver::find_by_kind(std::string_view word) const
{
    std::string key(key_of(word));
    if (key.empty() || key.find(' ') != std::string::npos) return {};
    if (key.size() > 3 && key.back() == 's') key.pop_back();  // "organisers" is an "organiser"
    const std::string plural = key + 's';
    std::string_view found;
    for (std::size_t i = 0; i < m_known.size(); ++i) {
        const std::string_view kind = key_of(m_known[i].kind);
        if (find_whole_word(kind, key) == std::string_view::npos &&
            find_whole_word(kind, plural) == std::string_view::npos) {
            continue;
        }
        if (!found.empty()) return {};  // two of that kind: which one is meant is not said
        found = m_ids[i];
    }
    return found;
}

void SourceResolver::define_acronym(std::string_view acronym, std::string_view full)
{
    const std::string_view key = key_of(acronym);
    if (key.empty() || m_acronyms.contains(key)) return;
    m_acronyms.emplace(String(key, &m_arena), String(full, &m_arena));
}

std::string_view SourceResolver::find(std::string_view mention) const
{
    std::string_view acronym;
    const std::string_view bare = strip_acronym(mention, &acronym);
    const std::string_view key = key_of(bare);  // a node of m_keys: stays put while others are added
    if (auto id = lookup(key, true); !id.empty()) return id;
    // "a spokesperson for the council" speaks for the council, "doctors at
    // Hallamere Infirmary" for the infirmary.
    for (std::string_view link : {" for ", " from ", " at "}) {
        const auto at = key.find(link);
        if (at == std::string_view::npos) continue;
        if (auto id = lookup(key_of(key.substr(at + link.size())), true); !id.empty()) return id;
    }
    return acronym.empty() ? std::string_view() : lookup(key_of(acronym), false);
}

std::string_view SourceResolver::owner_of(std::string_view mention) const
{
    // The last "'s " or "’s " (U+2019 is E2 80 99), or one that ends the
    // mention ("said the union's chair, Wilma Trask" names "the union's"),
    // read back byte by byte: most mentions hold none, and a search for each
    // mark cost a comparison at every byte.
    for (std::size_t s = mention.size(); s-- > 1;) {
        if (mention[s] != 's' || (s + 1 < mention.size() && mention[s + 1] != ' ')) continue;
        if (mention[s - 1] == '\'') return s >= 2 ? find(mention.substr(0, s - 1)) : std::string_view();
        if (s >= 4 && mention.substr(s - 3, 3) == "\u2019") return find(mention.substr(0, s - 3));
    }
    return {};
}

std::string_view SourceResolver::resolve(std::string_view mention)
{
    std::string_view acronym;
    std::string_view bare = strip_acronym(mention, &acronym);
    if (!acronym.empty()) define_acronym(acronym, bare);
    std::string_view found = find(mention);
    if (found.empty()) found = owner_of(mention);
    // "the group said", "the company said": a lone noun after "the" names the
    // one known source whose kind holds it ("campaign group").
    if (found.empty() && starts_with_folded_word(bare, "the")) found = find_by_kind(bare);
    if (found.empty()) {
        const std::string_view key = key_of(bare);
        std::string full;
        if (auto defined = m_acronyms.find(key); defined != m_acronyms.end()) {
            // "the MEK" after "Mojahedin-e Khalq (MEK)": named after its full name.
            acronym = bare;
            full = defined->second;
            bare = full;
        }
        // A name without its determiner: "a police spokesman" -> "police spokesman".
        std::string name(bare);
        for (const auto& determiner : m_lexicon.determiners) {
            if (starts_with_folded_word(name, determiner)) {
                name.erase(0, determiner.size() + 1);
                break;
            }
        }
        std::string base = slug(acronym.empty() ? std::string_view(name) : acronym);
        std::string id = base;
        for (int n = 2; std::ranges::find(m_ids, std::string_view(id)) != m_ids.end(); ++n) {
            id = base + "-" + std::to_string(n);
        }
        Source source;
        source.id = id;
        source.name = name;
        source.kind = "unknown";
        source.stake = Stake::unknown;
        if (!acronym.empty()) source.aliases.emplace_back(acronym);
        const std::size_t index = m_ids.size();
        found = m_ids.emplace_back(id);
        // The name's key is the mention's (key_of drops the determiner too),
        // unless the mention was an acronym the name spells out.
        add_name(full.empty() ? key : key_of(name), index);
        if (!acronym.empty()) add_name(key_of(acronym), index);
        m_new.push_back(std::move(source));
    }
    return found;
}

}  // namespace contra::detail::extraction
