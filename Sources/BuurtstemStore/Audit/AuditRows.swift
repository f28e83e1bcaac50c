import Foundation
import GRDB

// The audit tables as records. Appending an entry and reading the whole log go through
// prepared statements over raw bytes (`AuditAppender`, `AuditVerification`): a million entries
// are checked in about a second and a half that way. These records serve every other read and write.

/// A row of `audit_entry`: one entry of the append-only log (the database's triggers refuse an
/// update or a delete; only a purge replaces a payload, by its own procedure).
struct AuditEntryRow: StoredRow, PersistableRecord {
    static let databaseTableName = "audit_entry"
    var seq: Int
    var at: String
    var actor: String
    var action: String
    /// Canonical JSON: the leaf hash commits to these bytes.
    var payload: String
    var leafHash: Data
}

/// The row of `audit_state` (id 1): the log's size and the right edge of its Merkle tree.
struct AuditStateRow: StoredRow, PersistableRecord {
    static let databaseTableName = "audit_state"
    var id = 1
    var size: Int
    /// The frontier's hashes, 32 bytes each.
    var frontier: Data

    static func one(_ db: Database) throws -> AuditStateRow? { try fetchOne(db, key: 1) }
}

/// A row of `audit_checkpoint`: the root of the log at a size, as it stood when a transaction ended.
struct AuditCheckpointRow: StoredRow, PersistableRecord {
    static let databaseTableName = "audit_checkpoint"
    var size: Int
    var root: Data
    /// When (the clock's instant, as text).
    var at: String
}

/// The row of `signing_key` (id 1): the association's Ed25519 key for signed heads.
struct SigningKeyRow: StoredRow, PersistableRecord {
    static let databaseTableName = "signing_key"
    var id = 1
    var privateKey: Data
    var createdAt: String

    static func one(_ db: Database) throws -> SigningKeyRow? { try fetchOne(db, key: 1) }
}

/// A row of `witness_target`: a place that receives signed heads.
struct WitnessTargetRow: StoredRow, PersistableRecord {
    static let databaseTableName = "witness_target"
    var path: String
    var addedAt: String
}
