import Logging
import NIOCore

/// What one association's pages report to the operator's metrics (see `ServerMetrics`): the
/// association's name is the only label that says whose numbers they are.
struct Telemetry: Sendable {
    let association: String
    let metrics: ServerMetrics
    /// One access-log line per request, but of a flood of the same (route, method, status) only the
    /// first 20 in 10 s: the rest are counted in the next line (`leftOut`), and all are in the metrics.
    let requestLog = LogThrottle(logger: Logger(label: "buurtstem.requests"), window: .seconds(10), burst: 20)

    func voteAccepted() { metrics.voteAccepted(association) }
    func voteRefused(_ reason: String) { metrics.voteRefused(association, reason: reason) }
    /// A client slowed down by the limiter: `code` (voting codes) or `password` (staff sign-in).
    func rateLimited(_ what: String) { metrics.rateLimited(association, what: what) }
}
