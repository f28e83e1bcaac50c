public import BuurtstemCore
import Crypto
import Foundation
public import GRDB
import Statuut

/// Outside witnesses of the audit log: heads signed with the association's Ed25519 key.
extension AppDatabase {
    /// The association's public key (made on first use, with an audit entry that names it).
    public func signingPublicKey() throws -> [UInt8] {
        try writer.write { db in Array(try Self.signingKey(db, at: clock.now()).publicKey.rawRepresentation) }
    }

    /// The current head, signed; records in the log that it was handed to `witnesses` (so the next
    /// head says where the previous one went). The signed head is the one before that entry.
    public func signedAuditHead(for witnesses: [String], actor: AuditActor = .system) throws -> SignedAuditHead {
        try writer.write { db in
            let key = try Self.signingKey(db, at: clock.now())
            let frontier = try AuditAppender.storedFrontier(db)
            let name = try AssociationRow.one(db)?.name ?? ""
            let signed = try SignedAuditHead.sign(AuditHead(size: frontier.size, root: frontier.root), association: name, at: clock.now(), key: key)
            try audit(db, actor, AuditWitnessed(size: signed.head.size, root: signed.head.root.description, witnesses: witnesses))
            return signed
        }
    }

    /// Places that receive signed heads when none is named.
    public func witnessTargets() throws -> [String] {
        try writer.read { try WitnessTargetRow.order(Column("path")).fetchAll($0).map(\.path) }
    }

    /// Adds a place that receives signed heads.
    public func addWitnessTarget(_ path: String, actor: AuditActor = .system) throws {
        try writer.write { db in
            try WitnessTargetRow(path: path, addedAt: clock.now().description).insert(db, onConflict: .ignore)
            if db.changesCount == 1 { try audit(db, actor, WitnessAdded(path: path)) }
        }
    }

    static func signingKey(_ db: Database, at now: Moment) throws -> Curve25519.Signing.PrivateKey {
        if let row = try SigningKeyRow.one(db) {
            return try Curve25519.Signing.PrivateKey(rawRepresentation: row.privateKey)
        }
        let key = Curve25519.Signing.PrivateKey()
        try SigningKeyRow(privateKey: key.rawRepresentation, createdAt: now.description).insert(db)
        var appender = try AuditAppender(db, at: now)
        try appender.append(actor: .system, KeyCreated(publicKey: SignedAuditHead.hex(Array(key.publicKey.rawRepresentation))))
        try appender.finish(db)
        return key
    }

    /// Checks the log against heads kept by a witness: each must carry a valid signature by this
    /// association's key, and the log must still hold every witnessed head's entries unchanged.
    public func verifyAudit(witnessed heads: [SignedAuditHead]) throws -> (verification: AuditVerification, signatureProblems: [String]) {
        let key = try writer.read { db in try SigningKeyRow.one(db)?.privateKey }
            .flatMap { try? Curve25519.Signing.PrivateKey(rawRepresentation: $0) }.map { Array($0.publicKey.rawRepresentation) }
        var problems: [String] = []
        for (n, head) in heads.enumerated() {
            if !head.hasValidSignature { problems.append("witnessed head \(n + 1) (\(head.head)) does not carry a valid signature") }
            if let key, head.publicKey != key {
                problems.append("witnessed head \(n + 1) (\(head.head)) was signed by another key than this database's: the key was replaced")
            }
            if key == nil { problems.append("this database has no signing key, but a witness holds heads signed by one") }
        }
        return (try verifyAudit(trustedHeads: heads.map(\.head)), Array(Set(problems)).sorted())
    }
}
