import BuurtstemCore

/// Short-lived voter sessions: after a code is entered, a random 128-bit session id (in a
/// `__Host-` cookie) stands for it, so the code is not sent again with every page. Sessions end
/// after 30 minutes without use, or 4 hours in all. Kept in memory only.
actor VoterSessions {
    struct Session {
        var code: VotingCode
        var assembly: Int
        var created: Int64
        var lastUsed: Int64
    }

    private var sessions: [String: Session] = [:]
    private let clock: Clock
    static let idle: Int64 = 30 * 60
    static let absolute: Int64 = 4 * 60 * 60

    init(clock: Clock) { self.clock = clock }

    func start(code: VotingCode, assembly: Int) -> String {
        var random = SystemRandomNumberGenerator()
        let id = (0..<2).map { _ in String(random.next() as UInt64, radix: 16) }.joined(separator: "-")
        let now = clock.now().secondsSince1970
        sessions = sessions.filter { now - $0.value.lastUsed < Self.idle && now - $0.value.created < Self.absolute }
        sessions[id] = Session(code: code, assembly: assembly, created: now, lastUsed: now)
        return id
    }

    func session(_ id: String?) -> Session? {
        guard let id, var session = sessions[id] else { return nil }
        let now = clock.now().secondsSince1970
        guard now - session.lastUsed < Self.idle, now - session.created < Self.absolute else {
            sessions[id] = nil
            return nil
        }
        session.lastUsed = now
        sessions[id] = session
        return session
    }

    func end(_ id: String?) { if let id { sessions[id] = nil } }
}
