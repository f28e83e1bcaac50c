public import BuurtstemCore

/// Limits wrong codes per client: at most 10 in any minute; beyond that the client must wait,
/// doubling each time (2, 4, 8 … seconds, at most 15 minutes). Counts only real failures (an
/// unknown code), not typos or second votes. Keeps a count of recent failures for the board's alert.
public actor AttemptLimiter {
    public static let perMinute = 10
    private let clock: Clock
    private var failures: [String: [Int64]] = [:]
    private var blockedUntil: [String: (until: Int64, strikes: Int)] = [:]
    private var recent: [Int64] = []

    public init(clock: Clock = .system) { self.clock = clock }

    /// Call before each attempt: the seconds the client must still wait (0: go ahead). An attempt
    /// made while blocked counts toward the board's alert (it is what guessing looks like).
    public func attempt(_ client: String) -> Int64 {
        let now = clock.now().secondsSince1970
        guard let block = blockedUntil[client], block.until > now else { return 0 }
        recent = recent.filter { now - $0 < 300 } + [now]
        return block.until - now
    }

    /// Records a failed attempt.
    public func fail(_ client: String) {
        let now = clock.now().secondsSince1970
        var list = failures[client, default: []].filter { now - $0 < 60 }
        list.append(now)
        failures[client] = list
        recent = recent.filter { now - $0 < 300 } + [now]
        if list.count > Self.perMinute {
            let strikes = (blockedUntil[client]?.strikes ?? 0) + 1
            blockedUntil[client] = (now + min(900, Int64(1) << min(strikes, 10)), strikes)
        }
    }

    /// Failed attempts in the last five minutes, across all clients (the board sees an alert when it spikes).
    public func recentFailures() -> Int {
        let now = clock.now().secondsSince1970
        return recent.filter { now - $0 < 300 }.count
    }
}
