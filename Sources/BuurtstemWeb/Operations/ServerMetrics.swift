import BuurtstemCore
import BuurtstemStore
import Foundation
public import Prometheus

/// What the operator's Prometheus scrapes at `/metrics`: votes accepted and refused by reason,
/// clients slowed down by the limiter, request latency per route, and — read at each scrape —
/// the audit log's size and the database's size. Counts only: no code, choice, receipt, name or
/// address is ever a label. One registry per process; each association is a label value.
public final class ServerMetrics: Sendable {
    public let registry: PrometheusCollectorRegistry
    /// Latency buckets from 1 ms to 10 s (a vote waits for its batch's fsync).
    static let buckets: [Duration] = [
        .milliseconds(1), .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500),
        .seconds(1), .seconds(2.5), .seconds(10),
    ]

    public init(registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry()) {
        self.registry = registry
    }

    func voteAccepted(_ association: String) {
        registry.makeCounter(name: "buurtstem_votes_accepted_total", labels: [("association", association)]).increment()
    }

    func voteRefused(_ association: String, reason: String) {
        registry.makeCounter(name: "buurtstem_votes_refused_total", labels: [("association", association), ("reason", reason)]).increment()
    }

    func rateLimited(_ association: String, what: String) {
        registry.makeCounter(name: "buurtstem_rate_limited_total", labels: [("association", association), ("what", what)]).increment()
    }

    func request(_ association: String, route: String, method: String, status: Int, took: Duration) {
        registry.makeDurationHistogram(
            name: "buurtstem_http_request_duration_seconds",
            labels: [("association", association), ("route", route), ("method", method), ("status", "\(status / 100)xx")], buckets: Self.buckets
        ).record(took)
    }

    /// Drops the sizes of an association that is no longer served (its counters stay: they count what happened).
    func forget(_ association: String) {
        for name in ["buurtstem_audit_entries", "buurtstem_database_bytes"] {
            registry.unregisterGauge(registry.makeGauge(name: name, labels: [("association", association)]))
        }
    }

    /// Reads the sizes that are cheaper to read on a scrape than to track, then the whole registry as text.
    func scrape(_ associations: [(name: String, database: AppDatabase)]) -> String {
        for (name, database) in associations {
            if let head = try? database.auditHead() {
                registry.makeGauge(name: "buurtstem_audit_entries", labels: [("association", name)]).set(Double(head.size))
            }
            if let bytes = try? database.fileSize() {
                registry.makeGauge(name: "buurtstem_database_bytes", labels: [("association", name)]).set(Double(bytes))
            }
        }
        return registry.emitToString()
    }
}
