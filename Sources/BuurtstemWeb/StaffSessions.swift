import BuurtstemCore
import BuurtstemStore

/// Signed-in board and desk members. A session is a 128-bit random id (in a `__Host-staff`
/// cookie) with its own 128-bit CSRF token for the forms; it ends after 30 minutes without use or
/// 12 hours in all (an assembly evening fits; the next one needs a new sign-in). Kept in memory:
/// a restarted server asks everyone to sign in again.
actor StaffSessions {
    struct Session: Sendable {
        var account: StaffAccount
        var csrf: String
        var created: Int64
        var lastUsed: Int64
    }

    static let idle: Int64 = 30 * 60
    static let absolute: Int64 = 12 * 60 * 60
    private var sessions: [String: Session] = [:]
    private let clock: Clock

    init(clock: Clock) { self.clock = clock }

    /// 128 random bits as 32 hexadecimal digits.
    static func randomID() -> String {
        var random = SystemRandomNumberGenerator()
        return (0..<2).map { _ in
            let hex = String(random.next() as UInt64, radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }.joined()
    }

    /// Starts a session; returns its id (for the cookie).
    func start(_ account: StaffAccount) -> String {
        let now = clock.now().secondsSince1970
        sessions = sessions.filter { alive($0.value, now) }
        let id = Self.randomID()
        sessions[id] = Session(account: account, csrf: Self.randomID(), created: now, lastUsed: now)
        return id
    }

    /// The live session with this id (and marks it used), or nil.
    func session(_ id: String?) -> Session? {
        guard let id, var session = sessions[id] else { return nil }
        let now = clock.now().secondsSince1970
        guard alive(session, now) else {
            sessions[id] = nil
            return nil
        }
        session.lastUsed = now
        sessions[id] = session
        return session
    }

    /// Ends one session (signing out).
    func end(_ id: String?) { if let id { sessions[id] = nil } }

    /// Ends every session of an account (disabled, or its password changed).
    func endAll(of name: String) { sessions = sessions.filter { $0.value.account.name != name } }

    private func alive(_ session: Session, _ now: Int64) -> Bool {
        now - session.lastUsed < Self.idle && now - session.created < Self.absolute
    }
}
