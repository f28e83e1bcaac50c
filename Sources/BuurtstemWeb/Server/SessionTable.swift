import BuurtstemCore
import BuurtstemStore

/// Sessions kept in memory under random 128-bit ids (sent in a `__Host-` cookie): each ends after
/// `idle` seconds without use or `absolute` seconds in all. A restarted server forgets them all.
actor SessionTable<Value: Sendable> {
    private struct Entry {
        var value: Value
        var created: Int64
        var lastUsed: Int64
        /// One-time form tokens already used in this session.
        var usedTokens: Set<String> = []
    }

    let idle: Int64
    let absolute: Int64
    private let clock: WallClock
    private var entries: [String: Entry] = [:]

    init(clock: WallClock, idle: Int64, absolute: Int64) {
        self.clock = clock
        self.idle = idle
        self.absolute = absolute
    }

    /// 128 random bits as 32 hexadecimal digits.
    static func randomID() -> String {
        var random = SystemRandomNumberGenerator()
        return (0..<2).map { _ in
            let hex = String(random.next() as UInt64, radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }.joined()
    }

    /// Starts a session (and forgets expired ones); returns its id.
    func start(_ value: Value) -> String {
        let now = clock.now().secondsSince1970
        entries = entries.filter { alive($0.value, now) }
        let id = Self.randomID()
        entries[id] = Entry(value: value, created: now, lastUsed: now)
        return id
    }

    /// The live session with this id (marking it used), or nil.
    func session(_ id: String?) -> Value? {
        guard let id, var entry = entries[id] else { return nil }
        let now = clock.now().secondsSince1970
        guard alive(entry, now) else {
            entries[id] = nil
            return nil
        }
        entry.lastUsed = now
        entries[id] = entry
        return entry.value
    }

    /// True the first time a session presents a form's one-time token; false for a form sent twice.
    func firstUse(_ id: String?, token: String) -> Bool {
        guard let id, var entry = entries[id] else { return true }
        if entry.usedTokens.contains(token) { return false }
        if entry.usedTokens.count >= 1_000 { entry.usedTokens.removeAll() }
        entry.usedTokens.insert(token)
        entries[id] = entry
        return true
    }

    /// Ends a session (signing out).
    func end(_ id: String?) { if let id { entries[id] = nil } }

    /// Ends every session whose value matches, except the one with id `keep`; returns how many.
    @discardableResult
    func end(where matches: (Value) -> Bool, keeping keep: String? = nil) -> Int {
        let ending = entries.filter { $0.key != keep && matches($0.value.value) }.map(\.key)
        for id in ending { entries[id] = nil }
        return ending.count
    }

    /// Changes a live session's value.
    func update(_ id: String?, _ change: (inout Value) -> Void) {
        guard let id, var entry = entries[id] else { return }
        change(&entry.value)
        entries[id] = entry
    }

    private func alive(_ entry: Entry, _ now: Int64) -> Bool {
        now - entry.lastUsed < idle && now - entry.created < absolute
    }
}

/// A resident's session after entering a code, on a phone that may be passed on: it ends after
/// 10 minutes without use, 4 hours in all, when the resident signs out, and once every ballot it
/// saw open has closed with none open after it (the next vote needs the code again).
struct VoterSession: Sendable {
    var code: VotingCode
    var assembly: AssemblyID
    /// The first ballot this code may vote on (a code handed out while an earlier one could vote); nil: all.
    var firstBallot: BallotID?
    /// Ballots seen open while the session was used.
    var ballotsSeen: Set<BallotID> = []
    static let idle: Int64 = 10 * 60
    static let absolute: Int64 = 4 * 60 * 60
}

/// A board or desk member's session with its own CSRF token: 30 minutes idle, 12 hours in all
/// (an assembly evening fits; the next one needs a new sign-in).
struct StaffSession: Sendable {
    var account: StaffAccount
    var csrf: String
    static let idle: Int64 = 30 * 60
    static let absolute: Int64 = 12 * 60 * 60
}

typealias VoterSessions = SessionTable<VoterSession>
typealias StaffSessions = SessionTable<StaffSession>
