public import BuurtstemCore
public import GRDB
import Statuut

/// A board or desk account for the web pages. The password is kept as an Argon2id hash only.
public struct StaffAccount: Sendable, Hashable {
    /// What an account may do: the desk checks people in; the board runs the evening (and may use the desk).
    public enum Role: String, Sendable, Hashable, CaseIterable, Codable, DatabaseValueConvertible {
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
            guard try StaffAccountRow.fetchOne(db, key: name) == nil else {
                throw StoreError(nl: "er is al een account met de naam \(name)", en: "there is already an account named \(name)")
            }
            try StaffAccountRow(name: name, role: role, passwordHash: hash, createdAt: clock.now().description).insert(db)
            try audit(db, actor, StaffAdded(name: name, role: role.rawValue))
        }
    }

    /// Sets a new password (and enables a disabled account again).
    public func setStaffPassword(name: String, password: String, actor: AuditActor = .system) throws {
        let hash = try PasswordHash.make(password)
        try writer.write { db in
            guard var row = try StaffAccountRow.fetchReadable(db, key: name) else {
                throw StoreError(nl: "er is geen account met de naam \(name)", en: "there is no account named \(name)")
            }
            (row.passwordHash, row.disabledAt) = (hash, nil)
            try row.update(db)
            try audit(db, actor, StaffPasswordSet(name: name))
        }
    }

    /// Disables an account: it can no longer sign in (its open sessions end at their next request).
    public func disableStaff(name: String, actor: AuditActor = .system) throws {
        try writer.write { db in
            guard var row = try StaffAccountRow.enabled(db, named: name) else {
                throw StoreError(nl: "er is geen actief account met de naam \(name)", en: "there is no enabled account named \(name)")
            }
            row.disabledAt = clock.now().description
            try row.update(db)
            try audit(db, actor, StaffDisabled(name: name))
        }
    }

    /// Every account, by name.
    public func staffAccounts() throws -> [StaffAccount] {
        try writer.read { db in
            try StaffAccountRow.order(Column("name")).fetchAll(db).map(\.account)
        }
    }

    /// The enabled account with this name, or nil.
    public func staffAccount(named name: String) throws -> StaffAccount? {
        try writer.read { db in
            try StaffAccountRow.enabled(db, named: name)?.account
        }
    }

    /// The account when the name and password match an enabled account, else nil. Takes as long
    /// for an unknown name as for a wrong password, so it does not tell which names exist.
    public func authenticateStaff(name: String, password: String) throws -> StaffAccount? {
        let row = try writer.read { db in try StaffAccountRow.enabled(db, named: name) }
        guard let row else {
            _ = PasswordHash.verify(password, against: Self.decoyHash)
            return nil
        }
        guard PasswordHash.verify(password, against: row.passwordHash) else { return nil }
        return row.account
    }

    /// A hash of a random password, checked against when the name is unknown.
    private static let decoyHash: String = {
        var random = SystemRandomNumberGenerator()
        return (try? PasswordHash.make((0..<4).map { _ in String(random.next() as UInt64, radix: 36) }.joined())) ?? ""
    }()

    static func checkStaffName(_ name: String) throws {
        let allowed = name.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || "._-".unicodeScalars.contains($0) }
        guard (1...64).contains(name.count), allowed else {
            throw StoreError(
                nl: "een accountnaam heeft 1–64 letters, cijfers, '.', '-' of '_' (niet \"\(name)\")",
                en: "an account name is 1–64 letters, digits, '.', '-' or '_' (not \"\(name)\")")
        }
    }
}
