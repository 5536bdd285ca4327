// run_rules: the compare rules over the store, recorded in one sync.
#include <contra/engine.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <exception>
#include <iterator>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_set>

namespace contra {

namespace {

using SourceMap = std::map<std::string, Source, std::less<>>;

// Several events' claims, copied out of the store's stream so that another
// thread can compare them. Batches are recycled: copying a claim into one
// that held a claim before reuses its strings' memory.
struct EventBatch {
    std::vector<Event> events;
    std::vector<std::vector<Claim>> claims;  // claims[i][0, counts[i]) are events[i]'s
    std::vector<std::size_t> counts;
    std::size_t size = 0;  // events in use
    std::size_t claim_total = 0;
    std::vector<Flag> found;

    void add(const EventClaims& from)
    {
        if (size == events.size()) {
            events.emplace_back();
            claims.emplace_back();
            counts.push_back(0);
        }
        events[size] = from.event;
        auto& to = claims[size];
        if (to.size() < from.claims.size()) to.resize(from.claims.size());
        std::copy(from.claims.begin(), from.claims.end(), to.begin());
        counts[size] = from.claims.size();
        claim_total += from.claims.size();
        ++size;
    }

    [[nodiscard]] bool full() const { return claim_total >= 4096 || size >= 512; }

    void compare(const RuleSet& rules, const SourceMap& sources)
    {
        found.clear();
        for (std::size_t i = 0; i < size; ++i) {
            auto flags = compare_event(rules, EventClaims{events[i], {claims[i].data(), counts[i]}}, sources);
            std::move(flags.begin(), flags.end(), std::back_inserter(found));
        }
    }

    void reset()
    {
        size = 0;
        claim_total = 0;
    }
};

// A queue of batches between the reading thread and the comparing one.
class BatchQueue {
public:
    void push(std::unique_ptr<EventBatch> batch)
    {
        {
            std::lock_guard lock(m_mutex);
            m_items.push_back(std::move(batch));
        }
        m_ready.notify_one();
    }
    // Null once closed and drained.
    std::unique_ptr<EventBatch> pop()
    {
        std::unique_lock lock(m_mutex);
        m_ready.wait(lock, [&] { return !m_items.empty() || m_closed; });
        if (m_items.empty()) return nullptr;
        auto batch = std::move(m_items.front());
        m_items.pop_front();
        return batch;
    }
    void close()
    {
        {
            std::lock_guard lock(m_mutex);
            m_closed = true;
        }
        m_ready.notify_all();
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_ready;
    std::deque<std::unique_ptr<EventBatch>> m_items;
    bool m_closed = false;
};

// The comparing thread's loop: compares each batch from `in` and passes it
// on to `out`, until `in` is closed and drained. After the first exception
// (kept in `error`, read once the thread is joined) batches pass through
// uncompared, so that whoever waits for them is not left waiting.
void compare_batches(BatchQueue& in, BatchQueue& out, const RuleSet& rules, const SourceMap& sources,
                     std::exception_ptr& error)
{
    while (auto batch = in.pop()) {
        try {
            if (!error) batch->compare(rules, sources);
        } catch (...) {
            error = std::current_exception();
            batch->found.clear();
        }
        out.push(std::move(batch));
    }
}

// Compares every event on a second thread while this one reads the next
// events from the store: reading claims and comparing them take about as
// long as each other. Flags come back in event order, as a plain loop gives.
class ComparePipeline {
public:
    static constexpr std::size_t k_batches = 4;

    ComparePipeline(const RuleSet& rules, const SourceMap& sources) : m_rules(rules), m_sources(sources)
    {
        for (std::size_t i = 0; i < k_batches; ++i) m_free.push(std::make_unique<EventBatch>());
        m_filling = m_free.pop();
        m_worker = std::thread([this] { work(); });
    }
    ~ComparePipeline()
    {
        m_to_worker.close();
        if (m_worker.joinable()) m_worker.join();
    }
    ComparePipeline(const ComparePipeline&) = delete;
    ComparePipeline& operator=(const ComparePipeline&) = delete;

    // `take` receives each batch's flags, in order, on this thread.
    template <class Take>
    void add(const EventClaims& event, Take&& take)
    {
        m_filling->add(event);
        if (m_filling->full()) send(take);
    }

    template <class Take>
    void finish(Take&& take)
    {
        if (m_filling->size > 0) send(take);
        m_to_worker.close();
        while (m_in_flight > 0) receive(take);
        m_worker.join();
        if (m_error) std::rethrow_exception(m_error);
    }

private:
    template <class Take>
    void send(Take& take)
    {
        m_to_worker.push(std::move(m_filling));
        ++m_in_flight;
        // A free batch to fill next, taking back compared ones as they come.
        while (m_in_flight >= k_batches) receive(take);
        m_filling = m_free.pop();
    }

    template <class Take>
    void receive(Take& take)
    {
        auto batch = m_done.pop();
        --m_in_flight;
        take(batch->found);
        batch->reset();
        m_free.push(std::move(batch));
    }

    void work() { compare_batches(m_to_worker, m_done, m_rules, m_sources, m_error); }

    const RuleSet& m_rules;
    const SourceMap& m_sources;
    BatchQueue m_free, m_to_worker, m_done;
    std::unique_ptr<EventBatch> m_filling;
    std::size_t m_in_flight = 0;
    std::exception_ptr m_error;
    std::thread m_worker;
};

// Every event, in three stages on three threads: one reads claims through a
// second, read-only connection (the store is in WAL mode, so it reads while
// this connection writes), one compares, and this one records each compared
// batch's flags as it comes. Reading, comparing and writing flags each take
// about a third of a run; a plain loop does them one after the other.
class RunPipeline {
public:
    static constexpr std::size_t k_batches = 4;

    RunPipeline(const Store& reader, const RuleSet& rules, const SourceMap& sources)
        : m_reader(reader), m_rules(rules), m_sources(sources)
    {
        for (std::size_t i = 0; i < k_batches; ++i) m_free.push(std::make_unique<EventBatch>());
    }

    // Calls `take(batch)` on this thread for every compared batch, in event
    // order; take returns false to stop the run (the reader stops at its next
    // event). Returns the first failure of reading or comparing.
    template <class Take>
    Expected<void> run(Take&& take)
    {
        std::thread read_thread([this] { read(); });
        std::thread compare_thread([this] { compare(); });
        bool taking = true;
        while (auto batch = m_compared.pop()) {
            if (taking && !m_compare_error && !take(*batch)) {
                taking = false;
                m_stop = true;
            }
            batch->reset();
            m_free.push(std::move(batch));
        }
        read_thread.join();
        compare_thread.join();
        if (m_read_error) std::rethrow_exception(m_read_error);
        if (m_compare_error) std::rethrow_exception(m_compare_error);
        return m_read;
    }

private:
    void read()
    {
        try {
            auto batch = m_free.pop();
            m_read = m_reader.for_each_event([&](const EventClaims& claims) -> Expected<void> {
                if (m_stop) return internal_error("run stopped");  // not reported: the taker's error is
                batch->add(claims);
                if (batch->full()) {
                    m_to_compare.push(std::move(batch));
                    batch = m_free.pop();
                }
                return {};
            });
            if (batch->size > 0) m_to_compare.push(std::move(batch));
        } catch (...) {
            m_read_error = std::current_exception();  // read after join
        }
        m_to_compare.close();
    }

    void compare()
    {
        compare_batches(m_to_compare, m_compared, m_rules, m_sources, m_compare_error);
        m_compared.close();
    }

    const Store& m_reader;
    const RuleSet& m_rules;
    const SourceMap& m_sources;
    BatchQueue m_free, m_to_compare, m_compared;
    std::atomic<bool> m_stop = false;
    Expected<void> m_read;
    std::exception_ptr m_read_error, m_compare_error;
};

// The read-only second connection RunPipeline reads through, when the store
// can have one: a file (so in WAL mode) with no transaction open, whose
// uncommitted writes another connection would not see.
std::optional<Store> second_reader(const Store& store)
{
    if (store.in_transaction() || store.path() == ":memory:") return std::nullopt;
    auto reader = Store::open(store.path(), OpenMode::read_only);
    if (!reader) return std::nullopt;
    return std::move(*reader);
}

Expected<RunStats> run_everything(Store& store, const Store& reader, const RuleSet& rules, const SourceMap& sources,
                                  std::string_view now)
{
    // Every claim compared was read from the store, and flags are of the
    // events read with them.
    auto sync = store.begin_flag_sync(now, Store::FlagReferences::claims_read_from_store);
    if (!sync) return std::unexpected(std::move(sync.error()));
    RunStats stats;
    std::unordered_set<std::string> ids;  // one flag per id, whatever finds it twice
    std::vector<std::string> events;
    std::vector<Flag> flags;
    Expected<void> synced;
    RunPipeline pipeline(reader, rules, sources);
    auto read = pipeline.run([&](EventBatch& batch) {
        events.clear();
        flags.clear();
        for (std::size_t i = 0; i < batch.size; ++i) {
            events.push_back(batch.events[i].id);
            stats.claims += static_cast<int>(batch.counts[i]);
        }
        stats.events += static_cast<int>(batch.size);
        for (auto& flag : batch.found) {
            if (ids.insert(flag.id).second) flags.push_back(std::move(flag));
        }
        synced = sync->add(events, flags);
        return synced.has_value();
    });
    if (!synced) return std::unexpected(std::move(synced.error()));
    if (!read) return std::unexpected(std::move(read.error()));
    stats.flags = static_cast<int>(ids.size());
    auto finished = sync->finish();
    if (!finished) return std::unexpected(std::move(finished.error()));
    stats.sync = *finished;
    return stats;
}

}  // namespace

Expected<RunStats> run_rules(Store& store, const RuleSet& rules, std::optional<std::string_view> event,
                             std::string_view now)
{
    if (event) {
        auto found = store.event(*event);
        if (!found) return std::unexpected(std::move(found.error()));
        if (!*found) return bad_input(fmt::format("unknown event '{}'", *event));
    }
    auto source_list = store.sources();
    if (!source_list) return std::unexpected(std::move(source_list.error()));
    SourceMap sources;
    for (auto& source : *source_list) {
        std::string id = source.id;
        sources.emplace(std::move(id), std::move(source));
    }

    if (!event) {
        if (const auto reader = second_reader(store)) return run_everything(store, *reader, rules, sources, now);
    }

    RunStats stats;
    std::vector<std::string> events;
    std::vector<Flag> flags;
    std::unordered_set<std::string> ids;  // one flag per id, whatever finds it twice
    const auto take = [&](std::vector<Flag>& found) {
        for (auto& flag : found) {
            if (ids.insert(flag.id).second) flags.push_back(std::move(flag));
        }
    };
    const auto count = [&](const EventClaims& claims) {
        ++stats.events;
        stats.claims += static_cast<int>(claims.claims.size());
        events.push_back(claims.event.id);
    };
    Expected<void> visited;
    if (event) {
        // One event: no second thread to start for it.
        visited = store.for_each_event(
            [&](const EventClaims& claims) -> Expected<void> {
                count(claims);
                auto found = compare_event(rules, claims, sources);
                take(found);
                return {};
            },
            event);
    } else {
        ComparePipeline pipeline(rules, sources);
        visited = store.for_each_event([&](const EventClaims& claims) -> Expected<void> {
            count(claims);
            pipeline.add(claims, take);
            return {};
        });
        if (visited) pipeline.finish(take);
    }
    if (!visited) return std::unexpected(std::move(visited.error()));
    stats.flags = static_cast<int>(flags.size());
    auto synced = store.sync_flags(events, flags, now);
    if (!synced) return std::unexpected(std::move(synced.error()));
    stats.sync = *synced;
    return stats;
}

}  // namespace contra
