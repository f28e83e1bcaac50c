/// What one association's pages report to the operator's metrics (see `ServerMetrics`): the
/// association's name is the only label that says whose numbers they are.
struct Telemetry: Sendable {
    let association: String
    let metrics: ServerMetrics

    func voteAccepted() { metrics.voteAccepted(association) }
    func voteRefused(_ reason: String) { metrics.voteRefused(association, reason: reason) }
    /// A client slowed down by the limiter: `code` (voting codes) or `password` (staff sign-in).
    func rateLimited(_ what: String) { metrics.rateLimited(association, what: what) }
}
