public import BuurtstemCore

/// Slows down guessing: at most 10 failures per client in any minute; beyond that the client is
/// throttled, doubling each time (2, 4, 8 … seconds, at most 15 minutes). Counts only real
/// failures (an unknown code, a wrong password), not typos or second votes.
///
/// For voting codes the limiter never stands between a real code and its vote: at an assembly
/// every phone on the venue's Wi-Fi shares one address, so the caller looks a code up even for a
/// throttled client (the lookup is one HMAC) and asks `mayTry` only for an unknown one.
///
/// Keeps the recent failures of all clients for the board: a count over five minutes, and an
/// alarm when unknown codes arrive faster than a person can type them.
public actor AttemptLimiter {
    public static let perMinute = 10
    /// Typing a 15-character code from a letter takes a person at least ten seconds: more than six
    /// unknown codes a minute, from all clients together, is a machine guessing.
    public static let alarmPerMinute = 6
    private let clock: WallClock
    private var failures: [String: [Int64]] = [:]
    private var blockedUntil: [String: (until: Int64, strikes: Int)] = [:]
    private var recent: [(at: Int64, client: String)] = []

    public init(clock: WallClock = .system) { self.clock = clock }

    /// The seconds this client must still wait before a failure-prone attempt (0: go ahead).
    /// Does not count anything itself.
    public func wait(_ client: String) -> Int64 {
        let now = clock.now().secondsSince1970
        guard let block = blockedUntil[client], block.until > now else { return 0 }
        return block.until - now
    }

    /// For sign-in: the seconds the client must still wait (0: go ahead). An attempt made while
    /// throttled counts toward the board's alert (it is what guessing looks like).
    public func attempt(_ client: String) -> Int64 {
        let wait = wait(client)
        if wait > 0 { remember(client) }
        return wait
    }

    /// Records a failed attempt (an unknown code or a wrong password), also one made while throttled.
    public func fail(_ client: String) {
        let now = clock.now().secondsSince1970
        remember(client)
        if blockedUntil[client].map({ $0.until > now }) == true { return }
        var list = failures[client, default: []].filter { now - $0 < 60 }
        list.append(now)
        failures[client] = list
        if list.count > Self.perMinute {
            let strikes = (blockedUntil[client]?.strikes ?? 0) + 1
            blockedUntil[client] = (now + min(900, Int64(1) << min(strikes, 10)), strikes)
            failures[client] = []
        }
        if failures.count > 10_000 { failures = failures.filter { !$0.value.isEmpty && now - $0.value.last! < 60 } }
        if blockedUntil.count > 10_000 { blockedUntil = blockedUntil.filter { $0.value.until > now } }
    }

    private func remember(_ client: String) {
        let now = clock.now().secondsSince1970
        if recent.count > 50_000 || recent.first.map({ now - $0.at >= 300 }) == true { recent.removeAll { now - $0.at >= 300 } }
        recent.append((now, client))
    }

    /// Failed attempts in the last five minutes, across all clients (the board sees an alert when it spikes).
    public func recentFailures() -> Int {
        let now = clock.now().secondsSince1970
        return recent.filter { now - $0.at < 300 }.count
    }

    /// Failures in the last minute from all clients, and from how many addresses, when that is
    /// faster than a person types codes; nil otherwise.
    public func guessingAlarm() -> (perMinute: Int, clients: Int)? {
        let now = clock.now().secondsSince1970
        let minute = recent.filter { now - $0.at < 60 }
        guard minute.count > Self.alarmPerMinute else { return nil }
        return (minute.count, Set(minute.map(\.client)).count)
    }
}
