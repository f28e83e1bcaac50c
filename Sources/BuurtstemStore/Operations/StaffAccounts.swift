public import BuurtstemCore
public import GRDB
import Statuut

/// A board or desk account for the web pages. The password is kept as an Argon2id hash only.
public struct StaffAccount: Sendable, Hashable {
    /// What an account may do: the desk checks people in; the board runs the evening (and may use the desk).
    public enum Role: String, Sendable, Hashable, CaseIterable {
        case board, desk
    }

    public var name: String
    public var role: Role
    public var createdAt: String
    public var disabled: Bool

    /// The actor this account writes into the audit log.
    public var actor: AuditActor { role == .board ? .board(name) : .desk(name) }
}

extension AppDatabase {
    /// Creates an account. Names are 1–64 characters of letters, digits, `.`, `-` and `_`.
    public func addStaff(name: String, role: StaffAccount.Role, password: String, actor: AuditActor = .system) throws {
        try Self.checkStaffName(name)
        let hash = try PasswordHash.make(password)
        try writer.write { db in
            guard try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM staff_account WHERE name = ?", arguments: [name]) == 0 else {
                throw StoreError(nl: "er is al een account met de naam \(name)", en: "there is already an account named \(name)")
            }
            try db.execute(
                sql: "INSERT INTO staff_account (name, role, password_hash, created_at) VALUES (?, ?, ?, ?)",
                arguments: [name, role.rawValue, hash, clock.now().description])
            try audit(db, actor, StaffAdded(name: name, role: role.rawValue))
        }
    }

    /// Sets a new password (and enables a disabled account again).
    public func setStaffPassword(name: String, password: String, actor: AuditActor = .system) throws {
        let hash = try PasswordHash.make(password)
        try writer.write { db in
            try db.execute(sql: "UPDATE staff_account SET password_hash = ?, disabled_at = NULL WHERE name = ?", arguments: [hash, name])
            guard db.changesCount == 1 else { throw StoreError(nl: "er is geen account met de naam \(name)", en: "there is no account named \(name)") }
            try audit(db, actor, StaffPasswordSet(name: name))
        }
    }

    /// Disables an account: it can no longer sign in (its open sessions end at their next request).
    public func disableStaff(name: String, actor: AuditActor = .system) throws {
        try writer.write { db in
            try db.execute(
                sql: "UPDATE staff_account SET disabled_at = ? WHERE name = ? AND disabled_at IS NULL",
                arguments: [clock.now().description, name])
            guard db.changesCount == 1 else {
                throw StoreError(nl: "er is geen actief account met de naam \(name)", en: "there is no enabled account named \(name)")
            }
            try audit(db, actor, StaffDisabled(name: name))
        }
    }

    /// Every account, by name.
    public func staffAccounts() throws -> [StaffAccount] {
        try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT name, role, created_at, disabled_at FROM staff_account ORDER BY name").map(Self.account)
        }
    }

    /// The enabled account with this name, or nil.
    public func staffAccount(named name: String) throws -> StaffAccount? {
        try writer.read { db in
            try Row.fetchOne(
                db, sql: "SELECT name, role, created_at, disabled_at FROM staff_account WHERE name = ? AND disabled_at IS NULL",
                arguments: [name]
            ).map(Self.account)
        }
    }

    /// The account when the name and password match an enabled account, else nil. Takes as long
    /// for an unknown name as for a wrong password, so it does not tell which names exist.
    public func authenticateStaff(name: String, password: String) throws -> StaffAccount? {
        let row = try writer.read { db in
            try Row.fetchOne(
                db, sql: "SELECT name, role, created_at, disabled_at, password_hash FROM staff_account WHERE name = ? AND disabled_at IS NULL",
                arguments: [name])
        }
        guard let row else {
            _ = PasswordHash.verify(password, against: Self.decoyHash)
            return nil
        }
        guard PasswordHash.verify(password, against: row["password_hash"]) else { return nil }
        return Self.account(row)
    }

    /// A hash of a random password, checked against when the name is unknown.
    private static let decoyHash: String = {
        var random = SystemRandomNumberGenerator()
        return (try? PasswordHash.make((0..<4).map { _ in String(random.next() as UInt64, radix: 36) }.joined())) ?? ""
    }()

    /// An account from a row with its name, role, created_at and disabled_at.
    static func account(_ row: Row) -> StaffAccount {
        StaffAccount(
            name: row["name"], role: StaffAccount.Role(rawValue: row["role"]) ?? .desk, createdAt: row["created_at"],
            disabled: (row["disabled_at"] as String?) != nil)
    }

    static func checkStaffName(_ name: String) throws {
        let allowed = name.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || "._-".unicodeScalars.contains($0) }
        guard (1...64).contains(name.count), allowed else {
            throw StoreError(
                nl: "een accountnaam heeft 1–64 letters, cijfers, '.', '-' of '_' (niet \"\(name)\")",
                en: "an account name is 1–64 letters, digits, '.', '-' or '_' (not \"\(name)\")")
        }
    }
}
