import BuurtstemCore
import GRDB

/// A row of `staff_account`: a board or desk account, its password kept as an Argon2id hash only.
struct StaffAccountRow: StoredRow, PersistableRecord {
    static let databaseTableName = "staff_account"
    var name: String
    var role: StaffAccount.Role
    var passwordHash: String
    /// When it was made and when it was disabled (the clock's instants, as text).
    var createdAt: String
    var disabledAt: String?

    var account: StaffAccount { StaffAccount(name: name, role: role, createdAt: createdAt, disabled: disabledAt != nil) }

    /// The enabled account with this name, or nil.
    static func enabled(_ db: Database, named name: String) throws -> StaffAccountRow? {
        try filter(Column("name") == name && Column("disabled_at") == nil).fetchOne(db)
    }
}
